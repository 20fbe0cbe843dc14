import ArgumentParser
import RapportCore
import RapportStore

/// `rapport export ...`: records out for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write the store's records out for other tools.",
        subcommands: [ExportCSVCommand.self])
}

/// `rapport export csv --accounts > accounts.csv`: spreadsheet-ready CSV on standard output.
struct ExportCSVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csv", abstract: "Write accounts, contacts, touchpoints, concerns or follow-ups as CSV.",
        discussion: """
            RFC 4180: a header row, CRLF line ends, UTF-8, fields quoted where needed. Amounts are whole \
            numbers, days YYYY-MM-DD. 'rapport import csv' reads the accounts, contacts and touchpoints \
            back. For Excel in a country writing decimal commas use --delimiter ';' --bom.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One row per account.")
    var accounts = false

    @Flag(help: "One row per contact, with its account.")
    var contacts = false

    @Flag(help: "One row per touchpoint, with its account.")
    var touchpoints = false

    @Flag(help: "One row per concern, with its account.")
    var concerns = false

    @Flag(help: "The follow-ups 'rapport due' lists (the next 30 days and everything overdue).")
    var due = false

    @Option(help: "The delimiter: ',' (default) or ';'.")
    var delimiter: String = ","

    @Flag(help: "Start with a UTF-8 byte-order mark, which Excel needs to read accents right.")
    var bom = false

    func validate() throws {
        let chosen = [accounts, contacts, touchpoints, concerns, due].filter { $0 }.count
        guard chosen == 1 else {
            throw ValidationError("choose one of --accounts, --contacts, --touchpoints, --concerns and --due")
        }
        guard delimiter == "," || delimiter == ";" else {
            throw ValidationError("--delimiter '\(delimiter)' is not accepted; expected ',' or ';'")
        }
    }

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let rows: [[String]]
        if due {
            let snapshot = store.loadDigests()
            context.reportProblems(snapshot.problems)
            let slots = DueList.slots(for: snapshot.digests, on: context.today, withinDays: 30, owner: nil)
            let items = slots.map { DueList.followUp($0, in: snapshot.digests, on: context.today) }
            rows = CSVExport.due(items, today: context.today)
        } else {
            let snapshot = store.loadAll()
            context.reportProblems(snapshot.problems)
            let all = snapshot.accounts.map(\.account).sorted {
                NameOrder(name: $0.name, id: $0.id) < NameOrder(name: $1.name, id: $1.id)
            }
            rows =
                accounts
                ? CSVExport.accounts(all)
                : contacts
                    ? CSVExport.contacts(all)
                    : touchpoints ? CSVExport.touchpoints(all) : CSVExport.concerns(all)
        }
        var writer = CSVWriter(delimiter: delimiter.utf8.first!, byteOrderMark: bom)
        for row in rows { writer.write(row) }
        try System.writeOutput(writer.bytes)
    }
}
