import ArgumentParser
import RapportStore

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
        version: version,
        subcommands: [
            OpenCommand.self, DemoCommand.self, InitCommand.self, AccountsCommand.self, AccountCommand.self,
            ContactCommand.self, ShowCommand.self, ReviewCommand.self, SweepCommand.self, LossesCommand.self,
            LogCommand.self, ConcernCommand.self, DueCommand.self, DoneCommand.self, SnoozeCommand.self,
            PlanCommand.self, WorksheetCommand.self,
            LitmusCommand.self, SearchCommand.self, ImportCommand.self, ExportCommand.self, CheckCommand.self,
            PortfolioCommand.self, SyncCommand.self, SettleCommand.self, MergeFileCommand.self,
            BenchCommand.self, BenchProbeCommand.self, BenchFloorCommand.self, BenchRunCommand.self,
            ManCommand.self
        ],
        defaultSubcommand: OpenCommand.self
    )

    /// The version `rapport --version` prints.
    static let version = "0.9.0"

    /// The commands a user can type, as `--help` lists them.
    static var commandNames: [String] {
        configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
    }

    /// A first argument that is neither an option nor a command: without this check it
    /// would reach the default command (`open`), which would print its own usage.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
        let known = configuration.subcommands.map { $0._commandName } + ["help"]
        return known.contains(first) ? nil : first
    }

    /// Runs the command, then checks that its printed output got through: a command
    /// whose output was cut short (a full disk) fails rather than ending in success.
    /// A failure's message goes out through `System.writeError`, which shows the control
    /// characters it may quote (an account's name, a file's text) instead of sending them.
    static func main() {
        // The default command (`open`) would take `--version` as its own, unknown, option.
        if CommandLine.arguments.dropFirst() == ["--version"] {
            print(version)
            Glibc.exit(0)
        }
        if let unknown = unknownCommand(in: Array(CommandLine.arguments.dropFirst())) {
            System.writeError(
                "Error: '\(unknown)' is not a rapport command\n"
                    + "Commands: \(commandNames.joined(separator: ", ")) (rapport --help describes them)\n")
            Glibc.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot(nil)
            try command.run()
        } catch {
            reportSaveNotices()
            if error is System.OutputFailure { outputFailed(error) }
            let code = exitCode(for: error)
            // Help and the like are written as ArgumentParser writes them, to standard output.
            guard code != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty { System.writeError(message + "\n") }
            Glibc.exit(code.rawValue)
        }
        reportSaveNotices()
        do {
            try System.finishOutput()
        } catch {
            outputFailed(error)
        }
    }

    /// What a save that reached its file met afterwards (a directory that could not be
    /// synced), on standard error; the command still succeeds, as the change is saved.
    static func reportSaveNotices() {
        for notice in SaveJournal.takeNotices() { System.writeError("warning: \(notice)\n") }
    }

    /// Output that did not get through fails the command, unless a save had already
    /// reached the store: then it says so and succeeds, so that nobody repeats the change.
    static func outputFailed(_ error: Error) -> Never {
        guard SaveJournal.savedAnything else { exit(withError: error) }
        System.writeError("warning: saved, but the confirmation could not be written: \(error)\n")
        Glibc.exit(0)
    }
}
