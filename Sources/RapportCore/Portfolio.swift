/// The portfolio at a glance (issue 20, D50): what the book is worth, where its health
/// stands, what renews soon and how much of that is in danger and why. Every figure is a
/// `Bucket` that keeps the accounts behind it, so a screen line opens exactly those
/// accounts. Built from digests (the summary index) and the day, never from account files.
public struct Portfolio: Sendable {
    /// Some accounts and what they add up to.
    public struct Bucket: Equatable, Sendable {
        public var ids: [RecordID] = []
        /// Their annual value (for renewals: the renewal value).
        public var value = 0
        /// The part of `value` on accounts whose value is at risk.
        public var valueAtRisk = 0

        public var count: Int { ids.count }

        mutating func add(_ id: RecordID, value: Int, atRisk: Bool) {
            ids.append(id)
            self.value = Money.sum(self.value, value)
            if atRisk { valueAtRisk = Money.sum(valueAtRisk, value) }
        }
    }

    /// Health bands, by the latest litmus score.
    public enum HealthBand: String, CaseIterable, Sendable {
        case healthy = "75-100"
        case watch = "50-74"
        case poor = "0-49"
        case untested

        public var label: String {
            switch self {
            case .healthy: return "healthy (75–100)"
            case .watch: return "watch (50–74)"
            case .poor: return "poor (0–49)"
            case .untested: return "never tested"
            }
        }

        public init(_ health: Int?) {
            guard let health else {
                self = .untested
                return
            }
            self = health >= 75 ? .healthy : health >= ValueAtRisk.lowHealth ? .watch : .poor
        }
    }

    /// One month of the portfolio's health: the value-weighted average of each current
    /// account's latest score so far, of one question-set version.
    public struct MonthHealth: Equatable, Sendable {
        public var month: YearMonth
        /// Nil when no account had been tested by then.
        public var score: Double?
        public var version: Int?
        /// The version differs from the month before: drawn with a visible break.
        public var versionBreak: Bool
    }

    /// Something that changed in the last week, on one account.
    public struct Change: Equatable, Sendable {
        public enum Kind: String, CaseIterable, Sendable {
            case healthDrop = "health-drop"
            case newConcern = "new-concern"
            case championLost = "champion-lost"
            case renewed
            case lost
        }
        public var kind: Kind
        public var id: RecordID
        public var name: String
        public var day: Day
    }

    public let today: Day
    /// Accounts that are active or at risk (the book); lost and former ones are counted apart.
    public var current = Bucket()
    public var lifetimeValue = 0
    public var lostOrFormer = 0
    /// Accounts whose value is at risk (a subset of `current`).
    public var atRisk = Bucket()
    public var byHealthBand: [(band: HealthBand, bucket: Bucket)] = []
    /// Renewing within 30, 90 and 180 days (by renewal value).
    public var renewing: [(days: Int, bucket: Bucket)] = []
    /// Renewal days passed without being marked.
    public var renewalsPassed = Bucket()
    /// Each reason's accounts, largest value first.
    public var byReason: [(reason: RiskReason, bucket: Bucket)] = []
    public var byFlag: [(flag: WarningFlag, bucket: Bucket)] = []
    public var bySeason: [(season: Season, bucket: Bucket)] = []
    public var byOwner: [(owner: String, bucket: Bucket)] = []
    /// The last 12 months, oldest first.
    public var health: [MonthHealth] = []
    /// The last 7 days' changes, newest first.
    public var changes: [Change] = []

    public static let renewalWindows = [30, 90, 180]

    public init(_ digests: [AccountDigest], today: Day) {
        self.today = today
        var bands: [HealthBand: Bucket] = [:]
        var windows = Self.renewalWindows.map { (days: $0, bucket: Bucket()) }
        var reasons: [RiskReason: Bucket] = [:]
        var flags: [WarningFlag: Bucket] = [:]
        var seasons: [Season: Bucket] = [:]
        var owners: [String: Bucket] = [:]
        var book: [AccountDigest] = []
        for d in digests {
            changes += Self.changes(d, today: today)
            guard d.status == .active || d.status == .atRisk else {
                lostOrFormer += 1
                continue
            }
            book.append(d)
            let shown = d.flags(on: today)
            let why = d.riskReasons(on: today, flags: shown)
            let risky = !why.isEmpty
            current.add(d.id, value: d.annualValue, atRisk: risky)
            lifetimeValue = Money.sum(lifetimeValue, d.lifetimeValue)
            if risky { atRisk.add(d.id, value: d.annualValue, atRisk: true) }
            bands[HealthBand(d.health), default: Bucket()].add(d.id, value: d.annualValue, atRisk: risky)
            for reason in why {
                reasons[reason, default: Bucket()].add(d.id, value: d.annualValue, atRisk: true)
            }
            for flag in shown {
                flags[flag, default: Bucket()].add(d.id, value: d.annualValue, atRisk: risky)
            }
            seasons[d.season, default: Bucket()].add(d.id, value: d.annualValue, atRisk: risky)
            let owner = d.owner.isEmpty ? "(no owner)" : d.owner
            owners[owner, default: Bucket()].add(d.id, value: d.annualValue, atRisk: risky)
            if let renews = d.traits.renewsOn {
                let days = today.days(until: renews)
                if days < 0 { renewalsPassed.add(d.id, value: d.traits.renewalValue, atRisk: risky) }
                for i in windows.indices where (0...windows[i].days).contains(days) {
                    windows[i].bucket.add(d.id, value: d.traits.renewalValue, atRisk: risky)
                }
            }
        }
        byHealthBand = HealthBand.allCases.map { ($0, bands[$0] ?? Bucket()) }
        renewing = windows
        byReason = reasons.map { ($0.key, $0.value) }.sorted {
            ($0.1.value, $1.0.rawValue) > ($1.1.value, $0.0.rawValue)
        }
        byFlag = WarningFlag.allCases.compactMap { flag in flags[flag].map { (flag, $0) } }
        bySeason = Season.allCases.compactMap { season in seasons[season].map { (season, $0) } }
        byOwner = owners.map { ($0.key, $0.value) }.sorted { ($1.1.value, $0.0) < ($0.1.value, $1.0) }
        health = Self.health(book, endingAt: YearMonth(today))
        changes.sort { ($0.day, $1.name) > ($1.day, $0.name) }
    }

    /// What happened on the account in the 7 days up to today: for a lost or former one,
    /// only its loss.
    static func changes(_ d: AccountDigest, today: Day) -> [Change] {
        let since = today.adding(days: -7)
        func recent(_ day: Day?) -> Day? { day.flatMap { $0 > since && $0 <= today ? $0 : nil } }
        guard d.status == .active || d.status == .atRisk else {
            return recent(d.traits.lostOn).map { [Change(kind: .lost, id: d.id, name: d.name, day: $0)] }
                ?? []
        }
        var found: [Change] = []
        if let day = recent(d.traits.healthCheckedOn), (d.healthChange ?? 0) < 0 {
            found.append(Change(kind: .healthDrop, id: d.id, name: d.name, day: day))
        }
        for day in d.traits.concernDays.compactMap(recent) {
            found.append(Change(kind: .newConcern, id: d.id, name: d.name, day: day))
        }
        if let day = recent(d.traits.championLeftOn) {
            found.append(Change(kind: .championLost, id: d.id, name: d.name, day: day))
        }
        if let day = recent(d.traits.renewedOn) {
            found.append(Change(kind: .renewed, id: d.id, name: d.name, day: day))
        }
        return found
    }

    /// For each of the 12 months up to `last`: every account's latest score so far, of the
    /// latest question-set version any account used by then, weighted by annual value
    /// (equally when no account has a value).
    static func health(_ book: [AccountDigest], endingAt last: YearMonth) -> [MonthHealth] {
        var months: [MonthHealth] = []
        for offset in (0..<12).reversed() {
            let month = last.adding(months: -offset)
            let latest = book.compactMap { d -> (score: Double, version: Int, weight: Double)? in
                guard let point = d.traits.healthByMonth.last(where: { $0.month <= month }) else {
                    return nil
                }
                return (Double(point.score), point.version, Double(d.annualValue))
            }
            let version = latest.map(\.version).max()
            let same = latest.filter { $0.version == version }
            let weights = same.map(\.weight).reduce(0, +)
            let score: Double? =
                same.isEmpty
                ? nil
                : weights > 0
                    ? same.map { $0.score * $0.weight }.reduce(0, +) / weights
                    : same.map(\.score).reduce(0, +) / Double(same.count)
            let previous = months.last?.version
            months.append(
                MonthHealth(
                    month: month, score: score, version: version,
                    versionBreak: previous != nil && version != nil && previous != version))
        }
        return months
    }
}
