import ArgumentParser
import RapportCore
import RapportStore

/// `rapport search TEXT`: every record in the store whose text holds the words.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search every account's records: names, contacts, touchpoints, concerns and more.",
        discussion:
            "Case- and accent-insensitive; every word must be in one field. Prints account, kind of record, day and the matching line."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The words to find (\"EV transition\").")
    var text: [String]

    @Flag(help: "Print JSON: an array of {account, accountID, kind, recordID, day, line}.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let search = AccountSearch(text.joined(separator: " "))
        guard !search.words.isEmpty else { throw InputError("give the words to search for") }
        let store = try context.openStore()
        let (hits, problems) = store.search(search)
        context.reportProblems(problems)
        if json {
            JSONArrayWriter.writeAndExit(count: hits.count) { i, o in
                let hit = hits[i]
                o.beginObject()
                o.add("account", hit.accountName)
                o.add("accountID", hit.accountID.rawValue)
                o.add("kind", hit.kind)
                o.add("recordID", hit.recordID?.rawValue)
                o.add("day", hit.day)
                o.add("line", hit.line)
                o.endObject()
            }
        }
        var table = TextTable(["ACCOUNT", "KIND", "DAY", "TEXT"])
        for hit in hits { table.add([hit.accountName, hit.kind, hit.day?.iso ?? "-", hit.line]) }
        if !hits.isEmpty { print(table.render(), terminator: "") }
        print(
            hits.isEmpty
                ? "Nothing matches '\(text.joined(separator: " "))'."
                : "\(hits.count) match\(hits.count == 1 ? "" : "es")")
    }
}
