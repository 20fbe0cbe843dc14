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

    @Option(
        help: ArgumentHelp.choice(WarningFlag.self, "Only accounts showing this warning flag (repeatable)"),
        completion: .choice(WarningFlag.self))
    var flag: [String] = []

    @Option(help: "Only accounts whose health is falling, rising or below:N.")
    var health: String?

    @Option(help: ArgumentHelp.choice(Tier.self, "Only this tier"), completion: .choice(Tier.self))
    var tier: String?

    @Option(
        help: ArgumentHelp.choice(AccountStatus.self, "Only this status"),
        completion: .choice(AccountStatus.self))
    var status: String?

    @Option(help: ArgumentHelp.choice(Season.self, "Only this season"), completion: .choice(Season.self))
    var season: String?

    @Option(help: "Only this owner's accounts (me: $RAPPORT_OWNER).")
    var owner: String?

    @Option(
        name: .customLong("renews-within"),
        help: ArgumentHelp("Only accounts renewing within this many days.", valueName: "DAYS"))
    var renewsWithin: String?

    @Flag(name: .customLong("at-risk"), help: "Only accounts whose value is at risk (see riskReasons).")
    var atRisk = false

    @Option(help: ArgumentHelp.choice(AccountSort.self, "The order"), completion: .choice(AccountSort.self))
    var sort: String?

    @Flag(help: "Turn the order round.")
    var reverse = false

    func run() throws {
        let context = try CommandContext(global)
        let conditions = try filter(me: context.userName)
        let order: AccountSort = try sort.map { try parseChoice($0, "--sort") } ?? .name
        let store = try context.openStore()
        let today = context.today
        let everyone = conditions.isEmpty && order == .name && !reverse
        if json && everyone {
            // Each account's JSON written as its shard is read, on every core: the list
            // holds the text to print, and neither the digests nor the index's bytes.
            let snapshot = store.list { digest -> [UInt8] in
                var o = JSONArrayWriter(capacity: 1024)
                // The summary goes with the digest: it may share the digest's bytes.
                Self.write(AccountSummary(digest, today: today, sharingBytes: true), to: &o)
                return Array(o.written)
            }
            context.reportProblems(snapshot.problems)
            let objects = snapshot.items
            JSONArrayWriter.writeAndExit(count: objects.count) { i, o in
                objects[i].withUnsafeBufferPointer { o.literal($0) }
            }
        }
        // Each account's summary made as its shard is read: the digests and the index's
        // bytes are let go shard by shard, so the list holds the summaries only.
        let snapshot = store.list { AccountSummary($0, today: today) }
        context.reportProblems(snapshot.problems)
        let all = snapshot.items
        let summaries =
            everyone
            ? all
            : order.order(all.indices.filter { conditions.matches(all[$0]) }, of: all, reversed: reverse).map
            {
                all[$0]
            }
        if json {
            JSONArrayWriter.writeAndExit(count: summaries.count) { i, o in Self.write(summaries[i], to: &o) }
        }
        let currency = try store.readStoreFile().settings.currency
        var table = TextTable([
            "NAME", "TIER", "OWNER", "STATUS", "SEASON", "VALUE", "HEALTH", "LAST TOUCH", "RENEWS", "FLAGS"
        ])
        for s in summaries {
            table.add([
                s.name, s.tier.rawValue, s.owner, s.status.rawValue, s.season.rawValue,
                Money.short(s.annualValue, currency: currency), s.health.map(String.init) ?? "-",
                s.lastTouch.map { "\($0.days(until: context.today))d ago" } ?? "never",
                s.renewsOn?.iso ?? "-",
                (s.flags.map(\.short) + (s.valueAtRisk ? ["value at risk"] : [])).joined(separator: ", ")
            ])
        }
        print(table.render(), terminator: "")
        print("\(summaries.count) account\(summaries.count == 1 ? "" : "s")")
    }
}

extension AccountsCommand {
    /// One account as JSON (every key always present).
    static func write(_ s: borrowing AccountSummary, to o: inout JSONArrayWriter) {
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
        o.add("tags", listAt: 0, of: s.lists)
        o.add("contactNames", listAt: 1, of: s.lists)
        o.add("lastTouch", s.lastTouch)
        o.add("health", s.health)
        o.add("healthChange", s.healthChange)
        o.add("flags", s.flags.map(\.rawValue))
        o.add("openConcerns", s.openConcerns)
        o.add("nextDue", s.nextDue)
        o.add("nextDueTitle", s.nextDueTitle)
        o.add("renewsOn", s.renewsOn)
        o.add("renewalValue", s.renewalValue)
        o.add("valueAtRisk", s.valueAtRisk)
        o.add("riskReasons", s.riskReasons.map(\.rawValue))
        o.endObject()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

extension AccountsCommand {
    /// The triage conditions the options name, read as the app's `:filter` line reads them.
    func filter(me: String) throws -> AccountFilter {
        var conditions = AccountFilter()
        conditions.flags = try flag.map { try parseChoice($0, "--flag") }
        conditions.health = try health.map(AccountFilter.health)
        conditions.tier = try tier.map { try parseChoice($0, "--tier") }
        conditions.status = try status.map { try parseChoice($0, "--status") }
        conditions.season = try season.map { try parseChoice($0, "--season") }
        conditions.owner = try owner.map { try AccountFilter.owner($0, me: me, option: "--owner me") }
        conditions.renewsWithin = try renewsWithin.map { text in
            do throws(InputError) { return try AccountFilter.renewalWindow(text) } catch {
                throw InputError("--renews-within \(error.message.replacingText("renews<", with: ""))")
            }
        }
        conditions.atRisk = atRisk
        return conditions
    }
}
