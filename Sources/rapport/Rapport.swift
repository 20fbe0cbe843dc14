import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

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
    /// A failure's message goes out through `System.writeError`, which shows the control
    /// characters it may quote (an account's name, a file's text) instead of sending them.
    static func main() {
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // Help and the like are written as ArgumentParser writes them, to standard output.
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { System.writeError(message + "\n") }
            Glibc.exit(code.rawValue)
        }
        do {
            try System.finishOutput()
        } catch {
            exit(withError: error)
        }
    }
}
