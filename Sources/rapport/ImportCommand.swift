import ArgumentParser
import RapportCore
import RapportStore

/// `rapport import ...`: bring records in from other tools.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring accounts, contacts and touchpoints in from a file (CSV, vCard, iCalendar).",
        subcommands: [ImportCSVCommand.self, ImportVCardCommand.self, ImportICSCommand.self])
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

    @Argument(
        help: "The CSV file (UTF-8; comma, semicolon or tab delimited).",
        completion: .file(extensions: ["csv"]))
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
        let report = ImportReport(file: file, what: kind.rawValue)
        var failed: [RecordID: String] = [:]
        if dryRun {
            report.show(plan, failed: [:], dryRun: true)
        } else if strict && !plan.issues.isEmpty {
            System.writeError(
                "\(plan.issues.count) bad row\(plan.issues.count == 1 ? "" : "s"); nothing was imported (--strict)\n"
            )
        } else {
            failed = try ImportReport.apply(plan, to: store, context)
            report.show(plan, failed: failed, dryRun: false)
        }
        // An account not saved fails the import as a bad row does, as `vcard` and `ics` do.
        if !plan.issues.isEmpty || !failed.isEmpty { throw ExitCode(1) }
    }
}
