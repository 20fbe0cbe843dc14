import ArgumentParser
import RapportCore
import RapportStore

/// `rapport import ...`: bring records in from other tools.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring accounts, contacts and touchpoints in from a file.",
        subcommands: [ImportCSVCommand.self])
}

/// `rapport import csv FILE --accounts`: a CSV export (Salesforce, HubSpot, a
/// spreadsheet, our own) into the store; re-importing it changes only what changed.
struct ImportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv", abstract: "Import accounts, contacts or touchpoints from a CSV file.",
        discussion: """
            Salesforce's and HubSpot's standard column headers and those of 'rapport export csv' are \
            recognised in any case (the README lists them); --map names the field of any other column. \
            Records are found again by the file's id column (or the account name, the contact email), \
            so importing the same file twice creates nothing. Bad rows are reported by line and column; \
            the good rows are imported (with --strict, none are) and the exit status is 1.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The CSV file (UTF-8; comma, semicolon or tab delimited).")
    var file: String

    @Flag(help: "Import accounts (one row per account).")
    var accounts = false

    @Flag(help: "Import contacts (one row per contact, naming its account).")
    var contacts = false

    @Flag(help: "Import touchpoints (one row per touchpoint, naming its account).")
    var touchpoints = false

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Read COLUMN as FIELD (e.g. 'Billing Country=market', 'Notes=ignore'); repeat for more.",
            valueName: "COLUMN=FIELD"))
    var maps: [String] = []

    @Flag(
        name: .customLong("dry-run"),
        help: "Print what would be created, updated and skipped; change nothing.")
    var dryRun = false

    @Flag(help: "Import nothing if any row is bad.")
    var strict = false

    func validate() throws {
        let chosen = [accounts, contacts, touchpoints].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("choose one of --accounts, --contacts and --touchpoints")
        }
    }

    var kind: ImportKind { accounts ? .accounts : contacts ? .contacts : .touchpoints }

    func run() throws {
        let context = try CommandContext(global)
        let table: CSVTable
        do {
            table = try CSVReader.read(try System.readInput(file))
        } catch let error as InputError {
            throw InputError("\(file): \(error.message); nothing was imported")
        }
        let store = try context.openStore()
        let snapshot = store.loadAll()
        context.reportProblems(snapshot.problems)
        let plan: ImportPlan
        do {
            plan = try ImportPlan.make(
                table, kind: kind, maps: maps, accounts: snapshot.accounts.map(\.account),
                today: context.today,
                importedBy: context.userName)
        } catch {
            throw InputError("\(file): \(error.message); nothing was imported")
        }
        let unread = try ImportColumns(header: table.header, kind: kind, maps: maps).unread
        if !unread.isEmpty {
            System.writeError(
                "note: columns not imported: \(unread.joined(separator: ", ")) (--map 'COLUMN=FIELD' reads one)\n"
            )
        }
        for issue in plan.issues { System.writeError("\(file) \(issue)\n") }
        if dryRun {
            report(plan, failed: [:], dryRun: true)
        } else if strict && !plan.issues.isEmpty {
            System.writeError(
                "\(plan.issues.count) bad row\(plan.issues.count == 1 ? "" : "s"); nothing was imported (--strict)\n"
            )
        } else {
            report(plan, failed: try apply(plan, to: store, context), dryRun: false)
        }
        if !plan.issues.isEmpty { throw ExitCode(1) }
    }

    /// Writes the plan's changes, with a progress line on a terminal; what could not be
    /// saved, by account.
    private func apply(_ plan: ImportPlan, to store: FileStore, _ context: CommandContext) throws
        -> [RecordID:
        String]
    {
        let total = plan.changes.count
        let progress = System.errorIsTerminal && total > 500
        let outcomes = try store.apply(plan.changes, today: context.today) { done in
            if progress { System.writeError("\rimporting: \(done) of \(total) accounts written") }
        }
        if progress { System.writeError("\r\u{1B}[K") }
        var failed: [RecordID: String] = [:]
        for (change, outcome) in zip(plan.changes, outcomes) {
            if let outcome { failed[change.accountID] = outcome }
        }
        return failed
    }

    private func report(_ plan: ImportPlan, failed: [RecordID: String], dryRun: Bool) {
        let verb = dryRun ? "would " : ""
        var lines = ""
        for o in plan.outcomes where dryRun || o.action != .skip {
            let changed = o.changed.isEmpty ? "" : ": " + o.changed.joined(separator: ", ")
            lines += "  \(verb)\(o.action.rawValue)  line \(o.line)  \(o.record)\(changed)\n"
        }
        print(lines, terminator: "")
        for (id, reason) in failed.sorted(by: { $0.key < $1.key }) {
            System.writeError("\(file): not saved (\(id)): \(reason)\n")
        }
        let what = kind.rawValue
        let (create, update) = dryRun ? ("would create", "update") : ("created", "updated")
        var summary =
            (dryRun ? "Dry run, nothing changed: " : "Imported \(what) from \(file): ")
            + "\(create) \(plan.count(.create)), \(update) \(plan.count(.update)), \(plan.count(.skip)) unchanged"
        if !plan.issues.isEmpty {
            summary += "; \(plan.issues.count) bad row\(plan.issues.count == 1 ? "" : "s") not imported"
        }
        if !failed.isEmpty { summary += "; \(failed.count) account\(failed.count == 1 ? "" : "s") not saved" }
        print(summary)
    }
}
