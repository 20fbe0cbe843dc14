import ArgumentParser

/// `rapport`: the command-line entry point.
@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Keep your key customer relationships healthy.",
        discussion: """
            Store location: --store PATH, else $RAPPORT_STORE, else $XDG_DATA_HOME/rapport \
            (default ~/.local/share/rapport).
            ACCOUNT is an account id or an unambiguous, case-insensitive start of its name.
            DATE is YYYY-MM-DD, today, tomorrow, yesterday, +3d, +2w, +1m, -3d or a weekday name.
            """,
        subcommands: [
            OpenCommand.self, DemoCommand.self, InitCommand.self, AccountsCommand.self, AccountCommand.self,
            ShowCommand.self,
            LogCommand.self, ConcernCommand.self, DueCommand.self, PlanCommand.self, WorksheetCommand.self,
            LitmusCommand.self, CheckCommand.self, BenchCommand.self, BenchProbeCommand.self
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// Runs the command, then checks that its printed output got through: a command
    /// whose output was cut short (a full disk) fails rather than ending in success.
    static func main() {
        main(nil)
        do {
            try System.finishOutput()
        } catch {
            exit(withError: error)
        }
    }
}
