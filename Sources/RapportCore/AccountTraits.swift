/// What renewals, value at risk and the portfolio need from an account besides its
/// digest's facts (D50): kept in the summary index with the digest, so the portfolio and
/// triage never decode account files. None of it depends on the day it was computed.
public struct AccountTraits: Equatable, Sendable {
    // Days kept in four bytes each (`PackedDay`): 48 bytes a digest, not 120 (D57).
    /// What the renewal is worth a year (the annual value unless the contract says).
    public var renewalValue: Int
    /// The days the latest concerns were raised (at most `recentConcernCount`), newest first.
    public var concernDays: [Day]
    /// The latest litmus score of each month with a test, oldest first (at most 24 months).
    public var healthByMonth: [MonthlyHealth]
    /// The next renewal day, when the contract's terms are set.
    @PackedDay public var renewsOn: Day?
    /// The first day a critical or high open concern is past its respond-by day.
    @PackedDay public var lateSeriousConcernFrom: Day?
    /// The latest litmus test's day.
    @PackedDay public var healthCheckedOn: Day?
    /// The latest day a champion left whose departure nobody has answered yet.
    @PackedDay public var championLeftOn: Day?
    /// The day the latest renewal was marked.
    @PackedDay public var renewedOn: Day?
    /// The day the account was lost, when its loss is recorded.
    @PackedDay public var lostOn: Day?

    public static let recentConcernCount = 8

    /// One month's litmus score, with its question-set version (never averaged across
    /// versions), in twelve bytes (half a million of them at 100,000 accounts): the score
    /// and version as 32-bit numbers (one beyond them kept as the nearest that fits).
    public struct MonthlyHealth: Equatable, Sendable {
        private let monthIndex: Int32
        private let packedScore: Int32
        private let packedVersion: Int32

        public var month: YearMonth { YearMonth(index: Int(monthIndex)) }
        public var score: Int { Int(packedScore) }
        public var version: Int { Int(packedVersion) }

        public init(month: YearMonth, score: Int, version: Int) {
            monthIndex = Int32(clamping: month.index)
            packedScore = Int32(clamping: score)
            packedVersion = Int32(clamping: version)
        }
    }

    public init(
        renewsOn: Day? = nil, renewalValue: Int = 0, lateSeriousConcernFrom: Day? = nil,
        healthCheckedOn: Day? = nil, championLeftOn: Day? = nil, renewedOn: Day? = nil, lostOn: Day? = nil,
        concernDays: [Day] = [], healthByMonth: [MonthlyHealth] = []
    ) {
        self.renewsOn = renewsOn
        self.renewalValue = renewalValue
        self.lateSeriousConcernFrom = lateSeriousConcernFrom
        self.healthCheckedOn = healthCheckedOn
        self.championLeftOn = championLeftOn
        self.renewedOn = renewedOn
        self.lostOn = lostOn
        self.concernDays = concernDays
        self.healthByMonth = healthByMonth
    }

    public init(_ a: Account) {
        var months: [MonthlyHealth] = []
        for check in a.litmusHistory {
            let point = MonthlyHealth(month: YearMonth(check.day), score: check.score, version: check.version)
            if months.last?.month == point.month { months.removeLast() }
            months.append(point)
        }
        self.init(
            renewsOn: a.contract?.renewsOn, renewalValue: a.renewalValue,
            lateSeriousConcernFrom: a.concerns
                .filter {
                    $0.status.isOpen && $0.respondedOn == nil && $0.severity.weight >= Severity.high.weight
                }
                .compactMap { $0.respondBy?.adding(days: 1) }.min(),
            healthCheckedOn: a.litmusHistory.last?.day,
            championLeftOn: a.contacts.filter(\.isUnansweredDeparture).compactMap(\.leftOn).max(),
            renewedOn: a.contract?.renewals.last?.on, lostOn: a.loss?.lostOn,
            concernDays: Array(a.concerns.map(\.raisedOn).sorted(by: >).prefix(Self.recentConcernCount)),
            healthByMonth: Array(months.suffix(24)))
    }

    // MARK: The index's text

    /// One line of text for the index: `|`-separated fields, days as ordinals.
    public var encoded: String {
        func day(_ d: Day?) -> String { d.map { String($0.ordinal) } ?? "" }
        let health = healthByMonth.map { "\($0.month.index):\($0.score):\($0.version)" }.joined(
            separator: ",")
        return [
            day(renewsOn), String(renewalValue), day(lateSeriousConcernFrom), day(healthCheckedOn),
            day(championLeftOn), day(renewedOn), day(lostOn),
            concernDays.map { day($0) }.joined(separator: ","), health
        ].joined(separator: "|")
    }

    /// Reads back what `encoded` wrote; nil for anything else.
    public init?(encoded text: String) {
        var text = text
        guard let traits = text.withUTF8({ AccountTraits(encodedUTF8: $0) }) else { return nil }
        self = traits
    }

    /// Reads back `encoded`'s bytes in one pass, building no string (the index reads one
    /// per account at every start).
    public init?(encodedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        var scan = TraitsScanner(bytes: bytes)
        guard let renews = scan.day(), scan.take("|"), let value = scan.number(), scan.take("|"),
            let late = scan.day(), scan.take("|"), let checked = scan.day(), scan.take("|"),
            let left = scan.day(), scan.take("|"), let renewed = scan.day(), scan.take("|"),
            let lost = scan.day(), scan.take("|")
        else { return nil }
        var concerns: [Day] = []
        concerns.reserveCapacity(scan.elements(upTo: "|"))
        while !scan.at("|") {
            guard let n = scan.number() else { return nil }
            concerns.append(Day(ordinal: n))
            if !scan.take(",") { break }
        }
        guard scan.take("|") else { return nil }
        var months: [MonthlyHealth] = []
        months.reserveCapacity(scan.elements(upTo: nil))
        while !scan.atEnd {
            guard let month = scan.small(), scan.take(":"), let score = scan.small(), scan.take(":"),
                let version = scan.small()
            else { return nil }
            months.append(MonthlyHealth(month: YearMonth(index: month), score: score, version: version))
            if !scan.take(",") { break }
        }
        guard scan.atEnd else { return nil }
        self.init(
            renewsOn: renews, renewalValue: value, lateSeriousConcernFrom: late, healthCheckedOn: checked,
            championLeftOn: left, renewedOn: renewed, lostOn: lost, concernDays: concerns,
            healthByMonth: months)
    }
}

/// Reads `AccountTraits.encoded`'s bytes: numbers, optional days and separators.
private struct TraitsScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    var atEnd: Bool { i == bytes.count }

    func at(_ separator: Unicode.Scalar) -> Bool { i < bytes.count && bytes[i] == UInt8(ascii: separator) }

    /// How many comma-separated elements there are from here to `end` (nil: the end of
    /// the bytes), none when it is here: the size to reserve, so the array is made once.
    func elements(upTo end: Unicode.Scalar?) -> Int {
        let stop = end.map { UInt8(ascii: $0) }
        var count = 0
        var j = i
        while j < bytes.count && bytes[j] != stop {
            if bytes[j] == UInt8(ascii: ",") { count += 1 }
            j += 1
        }
        return j == i ? 0 : count + 1
    }

    mutating func take(_ separator: Unicode.Scalar) -> Bool {
        guard at(separator) else { return false }
        i += 1
        return true
    }

    /// A decimal integer, optionally negative; nil (and nothing read) when there is none.
    mutating func number() -> Int? {
        let start = i
        let negative = at("-")
        if negative { i += 1 }
        var value = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 18 {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
            digits += 1
        }
        guard digits > 0 else {
            i = start
            return nil
        }
        return negative ? -value : value
    }

    /// A day as its ordinal, or none when the field is empty; nil when it is neither.
    mutating func day() -> Day?? {
        if at("|") || atEnd { return .some(nil) }
        return small().map { .some(Day(ordinal: $0)) }
    }

    /// A number that fits in 32 bits, as the traits keep their days and scores; nil for
    /// one beyond (the index refuses it and reads the file again).
    mutating func small() -> Int? {
        number().flatMap { PackedInt.keeps($0) ? $0 : nil }
    }
}
