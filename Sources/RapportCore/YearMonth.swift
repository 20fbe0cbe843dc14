/// A calendar month, for monthly measure readings. Encodes as `"2026-11"`.
public struct YearMonth: Hashable, Comparable, Sendable {
    /// Months since year 0 (year * 12 + month - 1).
    public let index: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        index = year * 12 + month - 1
    }

    public init(_ day: Day) { index = day.year * 12 + day.month - 1 }

    /// The month `index` months after January of year 0 (what `index` gives back).
    public init(index: Int) { self.index = index }

    /// Parses `YYYY-MM`.
    public init?(iso text: String) {
        var text = text
        guard let month = text.withUTF8({ YearMonth(isoUTF8: $0) }) else { return nil }
        self = month
    }

    /// Parses `YYYY-MM` from UTF-8 bytes (how the index checks a reading's month).
    public init?(isoUTF8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 7, b[4] == UInt8(ascii: "-"), let year = Day.digits(b, 0..<4),
            let month = Day.digits(b, 5..<7)
        else { return nil }
        self.init(year: year, month: month)
    }

    public var year: Int { index / 12 }
    public var month: Int { index % 12 + 1 }
    public var iso: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }

    /// The first day of the month.
    /// The month's English name, e.g. "October".
    public var name: String {
        [
            "January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"
        ][month - 1]
    }
    public var firstDay: Day { Day(year: year, month: month, day: 1)! }
    /// The last day of the month.
    public var lastDay: Day { Day(year: year, month: month, day: Day.daysIn(month: month, year: year))! }

    public func adding(months: Int) -> YearMonth { YearMonth(index: index + months) }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.index < rhs.index }
}

extension YearMonth: CustomStringConvertible {
    public var description: String { iso }
}

extension YearMonth: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a month (expected YYYY-MM)")
        }
        guard YearMonth.supported.contains(value) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: YearMonth.unsupported(text))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
