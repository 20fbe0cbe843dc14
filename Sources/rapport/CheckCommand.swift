import ArgumentParser
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport check`: validates the whole store.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the whole store and report every problem (exit status 1 if any).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON: {store, accounts, sound, problems: [{path, reason}], mergeConflicts, ...}.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        // Saves killed mid-way left these; a save running now is not among them.
        let removed = (try? store.removeLeftovers()) ?? []
        if json { return try printJSON(store, removed: removed, context) }
        if !removed.isEmpty {
            print(
                "Removed \(removed.count) leftover temporary file\(removed.count == 1 ? "" : "s") of interrupted saves:"
            )
            for path in removed { print("  \(path)") }
        }
        let problems = store.check(today: context.today)
        let accounts = store.loadAll().accounts.map(\.account)
        let count = accounts.count
        // Merge conflicts are not problems: the files are valid and may be committed; each
        // waits on the due list for the user to settle it.
        let conflicts = accounts.flatMap { account in
            (account.mergeConflicts ?? []).map { "  \(account.name) (\($0.id)): \($0.summary)" }
        }
        if !conflicts.isEmpty {
            print(
                "\(conflicts.count) merge conflict\(conflicts.count == 1 ? "" : "s") to settle (rapport settle ACCOUNT):"
            )
            for line in conflicts { print(line) }
        }
        if problems.isEmpty {
            print(
                "The store at \(context.storePath) is sound: \(count) account\(count == 1 ? "" : "s") checked."
            )
            return
        }
        for problem in problems { print(problem) }
        print("\(problems.count) problem\(problems.count == 1 ? "" : "s") found in \(context.storePath)")
        throw ExitCode(1)
    }

    /// The report as JSON; exits 1 when anything is wrong, as the text report does.
    private func printJSON(_ store: FileStore, removed: [String], _ context: CommandContext) throws {
        let problems = store.check(today: context.today)
        let accounts = store.loadAll().accounts.map(\.account)
        let report = CheckJSON(
            store: context.storePath, accounts: accounts.count, sound: problems.isEmpty,
            problems: problems.map { CheckJSON.Problem(path: $0.path, reason: $0.reason) },
            mergeConflicts: accounts.flatMap { account in
                (account.mergeConflicts ?? []).map {
                    CheckJSON.Conflict(
                        account: account.name, accountID: account.id.rawValue, conflict: $0.id.rawValue,
                        summary: $0.summary)
                }
            },
            removedLeftovers: removed)
        try System.writeOutput(try RapportJSON.encode(report))
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
