#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A calendar day (year, month, day) with no time of day and no time zone.
///
/// Due dates, touchpoint dates and review dates are `Day`s so that they never shift
/// when the machine's time zone changes. Internally a day is a count of days since
/// 1970-01-01 (proleptic Gregorian), which makes comparison and arithmetic exact.
/// It encodes as an ISO 8601 string such as `"2026-11-22"`.
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// Creates a day from its parts; returns nil for impossible dates such as 2026-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year),
            (1...9999).contains(year)
        else { return nil }
        self.ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses the strict ISO form `YYYY-MM-DD`.
    public init?(iso text: String) {
        // YYYY-MM-DD read as bytes: account files hold dozens of days each.
        var text = text
        guard let day = text.withUTF8({ Day(isoUTF8: $0) }) else { return nil }
        self = day
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes (as the store reads a file's days).
    public init?(isoUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            let y = Day.digits(utf8, 0..<4), let m = Day.digits(utf8, 5..<7), let d = Day.digits(utf8, 8..<10)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The number a run of ASCII digits spells (a date's year, month or day); nil when a
    /// byte in `range` is not a digit.
    static func digits(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for i in range {
            guard utf8[i] >= UInt8(ascii: "0") && utf8[i] <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(utf8[i] - UInt8(ascii: "0"))
        }
        return value
    }

    /// The day it is now in the machine's time zone (`TZ`, or the system's setting).
    public static func today() -> Day {
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil,
            let day = Day(
                year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
        else {
            return Day(ordinal: now / 86_400)
        }
        return day
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    /// `YYYY-MM-DD`.
    public var iso: String { withISO { String(decoding: $0, as: UTF8.self) } }

    /// `YYYY-MM-DD` as UTF-8 bytes, handed to `body` without allocating (JSON output
    /// writes a hundred thousand of them). Inlinable, so the bytes are on the caller's
    /// stack: called across modules unspecialised, it cost a thousand instructions a day.
    @inlinable
    public func withISO<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let c = civil
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var end = 0
            func put(_ n: Int, width: Int) {
                var digits = 1
                var rest = abs(n) / 10
                while rest > 0 {
                    digits += 1
                    rest /= 10
                }
                if n < 0 {
                    buffer[end] = UInt8(ascii: "-")
                    end += 1
                }
                let count = max(width, digits)
                var value = abs(n)
                for i in (end..<end + count).reversed() {
                    buffer[i] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                end += count
            }
            put(c.year, width: 4)
            buffer[end] = UInt8(ascii: "-")
            end += 1
            put(c.month, width: 2)
            buffer[end] = UInt8(ascii: "-")
            end += 1
            put(c.day, width: 2)
            return try body(UnsafeBufferPointer(rebasing: buffer[..<end]))
        }
    }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (ordinal + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Adds calendar months, clamping to the end of a shorter month (Jan 31 + 1 month = Feb 28/29).
    public func adding(months: Int) -> Day {
        let c = civil
        let total = c.year * 12 + (c.month - 1) + months
        let y = total / 12
        let m = total % 12 + 1
        let d = min(c.day, Day.daysIn(month: m, year: y))
        return Day(ordinal: Day.ordinal(year: y, month: m, day: d))
    }

    public func adding(years: Int) -> Day { adding(months: years * 12) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    private static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @usableFromInline var civil: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Day: CustomStringConvertible {
    public var description: String { iso }
}

extension Day: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a calendar day (expected YYYY-MM-DD)")
        }
        // A day no one could have typed (a hand-edited file, or an older Rapport that let
        // one in) is named, and the file reported, rather than carried on.
        guard Day.supported.contains(day) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Day.unsupported(text))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
