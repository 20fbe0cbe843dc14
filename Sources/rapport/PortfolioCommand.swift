import ArgumentParser
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport portfolio`: the portfolio screen's figures (D50).
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "The book at a glance: value, health bands, renewals and what of them is at risk, and why.",
        discussion: """
            Current accounts are those active or at risk. An account's value is at risk for the \
            reasons 'rapport accounts --json' lists in riskReasons (see the README, Value at risk). \
            'rapport accounts --at-risk', '--renews-within DAYS' and '--flag FLAG' list the accounts \
            behind a figure.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        // The portfolio reads no follow-up and no tag: each digest is kept without them,
        // and the index's bytes go shard by shard.
        let snapshot = store.list { $0.withoutFollowUpsAndLists }
        context.reportProblems(snapshot.problems)
        let portfolio = Portfolio(snapshot.items, today: context.today)
        if json {
            try System.writeOutput(try RapportJSON.encode(PortfolioReport(portfolio)))
            return
        }
        let currency = try store.readStoreFile().settings.currency
        for line in PortfolioLines.lines(portfolio, currency: currency, width: 100) {
            print(TerminalText.visible(line.text, keepingLines: false).trimmingTrailingSpaces())
        }
    }
}

/// The JSON of `rapport portfolio --json`: every key always present.
struct PortfolioReport: Encodable {
    struct Figure: Encodable {
        var count: Int
        var value: Int
        var valueAtRisk: Int

        init(_ b: Portfolio.Bucket) {
            count = b.count
            value = b.value
            valueAtRisk = b.valueAtRisk
        }
    }

    struct Named: Encodable {
        var name: String
        var count: Int
        var value: Int
        var valueAtRisk: Int

        init(_ name: String, _ b: Portfolio.Bucket) {
            self.name = name
            count = b.count
            value = b.value
            valueAtRisk = b.valueAtRisk
        }
    }

    struct Month: Encodable {
        var month: String
        var score: Double?
        var version: Int?
        var versionBreak: Bool

        enum Keys: String, CodingKey { case month, score, version, versionBreak }

        // Null rather than left out, like every other key.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(month, forKey: .month)
            try c.encode(score, forKey: .score)
            try c.encode(version, forKey: .version)
            try c.encode(versionBreak, forKey: .versionBreak)
        }
    }

    struct Change: Encodable {
        var kind: String
        var account: String
        var accountID: String
        var day: Day
    }

    var today: Day
    var accounts: Int
    var lostOrFormer: Int
    var annualValue: Int
    var lifetimeValue: Int
    var valueAtRisk: Int
    var accountsAtRisk: Int
    var renewing: [String: Figure]
    var renewalsPassed: Figure
    var byHealthBand: [Named]
    var byReason: [Named]
    var byFlag: [Named]
    var bySeason: [Named]
    var byOwner: [Named]
    var health: [Month]
    var changes: [Change]

    init(_ p: Portfolio) {
        today = p.today
        accounts = p.current.count
        lostOrFormer = p.lostOrFormer
        annualValue = p.current.value
        lifetimeValue = p.lifetimeValue
        valueAtRisk = p.atRisk.value
        accountsAtRisk = p.atRisk.count
        renewing = Dictionary(uniqueKeysWithValues: p.renewing.map { (String($0.days), Figure($0.bucket)) })
        renewalsPassed = Figure(p.renewalsPassed)
        byHealthBand = p.byHealthBand.map { Named($0.band.rawValue, $0.bucket) }
        byReason = p.byReason.map { Named($0.reason.rawValue, $0.bucket) }
        byFlag = p.byFlag.map { Named($0.flag.rawValue, $0.bucket) }
        bySeason = p.bySeason.map { Named($0.season.rawValue, $0.bucket) }
        byOwner = p.byOwner.map { Named($0.owner, $0.bucket) }
        health = p.health.map {
            Month(
                month: $0.month.iso, score: $0.score.map { ($0 * 10).rounded() / 10 }, version: $0.version,
                versionBreak: $0.versionBreak)
        }
        changes = p.changes.map {
            Change(kind: $0.kind.rawValue, account: $0.name, accountID: $0.id.rawValue, day: $0.day)
        }
    }
}
