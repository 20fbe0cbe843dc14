/// A calendar month, for monthly measure readings. Encodes as `"2026-11"`.
public struct YearMonth: Hashable, Comparable, Sendable {
    /// Months since year 0 (year * 12 + month - 1).
    public let index: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        index = year * 12 + month - 1
    }

    public init(_ day: Day) { index = day.year * 12 + day.month - 1 }

    private init(index: Int) { self.index = index }

    /// Parses `YYYY-MM`.
    public init?(iso text: String) {
        guard let month = Array(text.utf8).withUnsafeBufferPointer({ YearMonth(isoUTF8: $0) }) else { return nil }
        self = month
    }

    /// Parses `YYYY-MM` from UTF-8 bytes (how the index checks a reading's month).
    public init?(isoUTF8 b: UnsafeBufferPointer<UInt8>) {
        func digit(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
        guard b.count == 7, b[4] == UInt8(ascii: "-"), let y0 = digit(0), let y1 = digit(1), let y2 = digit(2),
              let y3 = digit(3), let m0 = digit(5), let m1 = digit(6) else { return nil }
        self.init(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1)
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
        ["January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"][month - 1]
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
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
