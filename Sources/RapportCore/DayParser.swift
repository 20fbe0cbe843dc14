/// Turns what a user types into a `Day`: `2026-12-01`, `today`, `tomorrow`,
/// `yesterday`, `+3d`, `+2w`, `+1m`, `-3d`, or a weekday name (`fri`, `friday`).
///
/// A weekday means the next one for a future date (a follow-up) and the most recent
/// one for a past date (when a touchpoint happened): `friday` typed on a Friday is a
/// week ahead, or today, respectively.
public struct DayParser: Sendable {
    /// Which way a bare weekday name points.
    public enum Direction: Sendable { case future, past }

    public var today: Day

    public init(today: Day) { self.today = today }

    /// What the parser accepts, for error messages.
    public static let accepted =
        "YYYY-MM-DD, today, tomorrow, yesterday, +3d, +2w, +1m, -3d or a weekday name"

    private static let weekdays = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
    ]

    /// The day `text` means, or an error naming what was wrong and what is accepted.
    /// Whatever form it takes, the day must be one of `Day.supported`.
    public func parse(_ text: String, direction: Direction = .future) throws(InputError) -> Day {
        let day = try anyDay(text, direction: direction)
        try Day.validateSupported(day, typed: text.trimmingSpaces())
        return day
    }

    /// The day `text` means, supported or not.
    private func anyDay(_ text: String, direction: Direction) throws(InputError) -> Day {
        let word = text.trimmingSpaces().lowercased()
        switch word {
        case "today": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        default: break
        }
        if let day = Day(iso: word) { return day }
        if let day = try relative(word, typed: text) { return day }
        if word.count >= 3, let index = DayParser.weekdays.firstIndex(where: { $0.hasPrefix(word) }) {
            let target = index + 1
            switch direction {
            case .future:
                let ahead = (target - today.weekday + 7) % 7
                return today.adding(days: ahead == 0 ? 7 : ahead)
            case .past:
                let back = (today.weekday - target + 7) % 7
                return today.adding(days: -back)
            }
        }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count > 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isDigit) }) {
            // A year of five digits or more: a date, but far outside the supported days.
            throw InputError(Day.unsupported(text.trimmingSpaces()))
        }
        if word.split(separator: "-").count == 3 {
            throw InputError("'\(text)' is not a real calendar day; expected \(DayParser.accepted)")
        }
        throw InputError("'\(text)' is not a date; expected \(DayParser.accepted)")
    }

    /// `+3d`, `-2w`, `+1m`, `+1y`: a sign, digits and a unit; nil for anything else.
    private func relative(_ word: String, typed: String) throws(InputError) -> Day? {
        guard let sign = word.first, sign == "+" || sign == "-", word.count >= 3 else { return nil }
        let unit = word.last!
        let digits = word.dropFirst().dropLast()
        guard "dwmy".contains(unit), digits.allSatisfy(isDigit) else { return nil }
        // More than 200,000 of any unit leaves the supported days (300 years); such a
        // count is refused before it is computed, which could overflow.
        guard let n = Int(digits), n <= 200_000 else {
            throw InputError(Day.unsupported(typed.trimmingSpaces()))
        }
        let amount = sign == "-" ? -n : n
        switch unit {
        case "d": return today.adding(days: amount)
        case "w": return today.adding(days: amount * 7)
        case "m": return today.adding(months: amount)
        case "y": return today.adding(years: amount)
        default: return nil
        }
    }

    private func isDigit(_ c: Character) -> Bool { c >= "0" && c <= "9" }
}
