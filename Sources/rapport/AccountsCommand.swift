import ArgumentParser
import IndexKit
import RapportCore
import RapportStore

/// `rapport accounts`: lists every account.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "List accounts with their vital facts and warning flags.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON (an array of objects with stable keys) instead of a table.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let snapshot = store.loadDigests()
        context.reportProblems(snapshot.problems)
        let today = context.today
        let digests = snapshot.digests
        if json {
            JSONArrayWriter.writeAndExit(count: digests.count) { i, o in
                Self.write(AccountSummary(digests[i], today: today), to: &o)
            }
        }
        let summaries = Parallel.map(digests) { AccountSummary($0, today: today) }
        let currency = try store.readStoreFile().settings.currency
        var table = TextTable([
            "NAME", "TIER", "OWNER", "STATUS", "SEASON", "VALUE", "HEALTH", "LAST TOUCH", "FLAGS"
        ])
        for s in summaries {
            table.add([
                s.name, s.tier.rawValue, s.owner, s.status.rawValue, s.season.rawValue,
                Money.short(s.annualValue, currency: currency), s.health.map(String.init) ?? "-",
                s.lastTouch.map { "\($0.days(until: context.today))d ago" } ?? "never",
                s.flags.map(\.short).joined(separator: ", ")
            ])
        }
        print(table.render(), terminator: "")
        print("\(summaries.count) account\(summaries.count == 1 ? "" : "s")")
    }
}

extension AccountsCommand {
    /// One account as JSON (every key always present).
    static func write(_ s: AccountSummary, to o: inout JSONArrayWriter) {
        o.beginObject()
        o.add("id", s.id.rawValue)
        o.add("name", s.name)
        o.add("owner", s.owner)
        o.add("tier", s.tier.rawValue)
        o.add("status", s.status.rawValue)
        o.add("season", s.season.rawValue)
        o.add("market", s.market)
        o.add("annualValue", s.annualValue)
        o.add("lifetimeValue", s.lifetimeValue)
        o.add("tags", s.tags)
        o.add("contactNames", s.contactNames)
        o.add("lastTouch", s.lastTouch)
        o.add("health", s.health)
        o.add("healthChange", s.healthChange)
        o.add("flags", s.flags.map(\.rawValue))
        o.add("openConcerns", s.openConcerns)
        o.add("nextDue", s.nextDue)
        o.add("nextDueTitle", s.nextDueTitle)
        o.endObject()
    }
}

/// A plain left-aligned text table for terminal output.
struct TextTable {
    private var rows: [[String]]

    init(_ header: [String]) { rows = [header] }

    /// A row; each cell shows its control characters, line breaks and tabs included, so
    /// a cell stays on its row (`TerminalText`).
    mutating func add(_ row: [String]) {
        rows.append(row.map { TerminalText.visible($0, keepingLines: false) })
    }

    func render() -> String {
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padded(to: widths[index])
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }.joined()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
