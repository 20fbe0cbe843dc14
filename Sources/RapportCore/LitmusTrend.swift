/// A stretch of litmus scores from one question-set version: a trend line never runs
/// across versions, so a change of questions shows as a break.
public struct LitmusSegment: Equatable, Sendable {
    public var version: Int
    public var checks: [LitmusCheck]
}

extension Account {
    /// Litmus history, oldest first, split where the question-set version changes.
    public var litmusSegments: [LitmusSegment] {
        var segments: [LitmusSegment] = []
        for check in litmusHistory {
            if segments.last?.version == check.version {
                segments[segments.count - 1].checks.append(check)
            } else {
                segments.append(LitmusSegment(version: check.version, checks: [check]))
            }
        }
        return segments
    }

    /// The answers of the latest check, by question id (what the runner shows beside
    /// each question as "last time").
    public var lastLitmusAnswers: [String: LitmusAnswer] {
        Dictionary((litmusHistory.last?.answers ?? []).map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
    }
}

/// Eight-level block sparklines.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value, scaled between `low` and `high` (default: the values'
    /// own range); a missing value is a space.
    public static func line(_ values: [Double?], low: Double? = nil, high: Double? = nil) -> String {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let minimum = low ?? present.min(), let maximum = high ?? present.max() else {
            return String(repeating: " ", count: values.count)
        }
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                return blocks[level(of: value, from: minimum, to: maximum)]
            })
    }

    /// Which block `value` is between `low` and `high`, clamped; the middle one when
    /// there is no range or no number. Any finite values: the differences are taken of
    /// halves, so they cannot overflow to infinity (1.5e308 less -1.5e308 would), and
    /// no `Int` is made from a number that is not a small finite one.
    static func level(of value: Double, from low: Double, to high: Double) -> Int {
        let span = high / 2 - low / 2
        let share = (value / 2 - low / 2) / span
        guard span > 0, span.isFinite, share.isFinite else { return 3 }
        let top = Double(blocks.count - 1)
        return Int((min(max(share, 0), 1) * top).rounded())
    }

    /// Litmus scores (0–100) per version segment, joined with a visible break.
    public static func litmus(_ segments: [LitmusSegment]) -> String {
        segments.map { line($0.checks.map { Double($0.score) }, low: 0, high: 100) }.joined(separator: "│")
    }
}

extension Measure {
    /// The last `months` months' values ending at `last`, nil where there is no reading.
    public func values(months: Int, endingAt last: YearMonth) -> [Double?] {
        let byMonth = Dictionary(readings.map { ($0.month, $0.value) }, uniquingKeysWith: { $1 })
        return (0..<months).map { byMonth[last.adding(months: $0 - months + 1)] }
    }

    /// The latest reading and its change from the one before.
    public var latest: (reading: MeasureReading, change: Double?)? {
        let sorted = readings.sorted { $0.month < $1.month }
        guard let last = sorted.last else { return nil }
        return (last, sorted.dropLast().last.map { last.value - $0.value })
    }

    /// Records the value for `month`, replacing any earlier reading of that month.
    public mutating func record(_ value: Double, month: YearMonth, note: String = "") {
        readings.removeAll { $0.month == month }
        readings.append(MeasureReading(month: month, value: value, note: note))
        readings.sort { $0.month < $1.month }
    }

    /// A reading as people write it: whole numbers without decimals, others to one place.
    /// Any value: one too large for an `Int` (a hand-edited file) is written as Swift
    /// writes a `Double` (`1.5e+308`), and one that is not a number as a dash.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "-" : value < 0 ? "-∞" : "∞" }
        guard abs(value) < 1e15 else { return String(value) }
        guard value != value.rounded() else { return String(Int(value)) }
        return String((value * 10).rounded() / 10)
    }

    /// Changes the definition; once there are readings the old one is kept with the reason.
    public mutating func redefine(
        name: String, unit: String, direction: MeasureDirection, reason: String, on day: Day
    ) throws {
        guard name != self.name || unit != self.unit || direction != self.direction else { return }
        if !readings.isEmpty {
            guard !reason.trimmingSpaces().isEmpty else {
                throw InputError(
                    "\(self.name) has readings: say why its definition changes (the old one is kept)")
            }
            definitionHistory.append(
                MeasureDefinitionChange(
                    day: day, previousName: self.name, previousUnit: self.unit,
                    previousDirection: self.direction, reason: reason))
        }
        self.name = name
        self.unit = unit
        self.direction = direction
    }
}
