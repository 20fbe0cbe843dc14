/// How often something recurs: a plan item, a communication rhythm, a check-up.
///
/// The next occurrence always counts from the last time the thing was actually done,
/// never from the date it was first scheduled, so doing something late moves the
/// following occurrence on instead of piling up missed ones.
/// Encodes as a short string: `once`, `weekly`, `monthly`, `quarterly`, `yearly`,
/// or `every-N-days`.
public enum Cadence: Hashable, Sendable {
    case once
    case weekly
    case monthly
    case quarterly
    case yearly
    case everyDays(Int)

    /// The day after `last` on which it is due again; nil for `once` (done is done).
    public func next(after last: Day) -> Day? {
        switch self {
        case .once: return nil
        case .weekly: return last.adding(days: 7)
        case .monthly: return last.adding(months: 1)
        case .quarterly: return last.adding(months: 3)
        case .yearly: return last.adding(years: 1)
        case .everyDays(let n): return last.adding(days: n)
        }
    }

    /// Approximate length in days, for comparing cadences and ranking.
    public var approximateDays: Int? {
        switch self {
        case .once: return nil
        case .weekly: return 7
        case .monthly: return 30
        case .quarterly: return 91
        case .yearly: return 365
        case .everyDays(let n): return n
        }
    }

    /// The stored and typed form, e.g. `quarterly` or `every-10-days`.
    public var code: String {
        switch self {
        case .once: return "once"
        case .weekly: return "weekly"
        case .monthly: return "monthly"
        case .quarterly: return "quarterly"
        case .yearly: return "yearly"
        case .everyDays(let n): return "every-\(n)-days"
        }
    }

    /// Human wording, e.g. "every 10 days".
    public var label: String {
        if case .everyDays(let n) = self { return n == 1 ? "daily" : "every \(n) days" }
        return code
    }

    /// Accepts the codes above, plus `daily`, `every 10 days`, `10d`, `every 2 weeks`, `2w`.
    public init?(parsing raw: String) {
        // A code as Rapport writes it (lower-case letters, digits, dashes) is as normalizing
        // would leave it: the lower-casing, trimming and replacing are skipped.
        let written = raw.utf8.allSatisfy { $0 &- 97 < 26 || $0 &- 48 < 10 || $0 == 45 }
        self.init(normalized: written ? raw : raw.lowercased().trimmingSpaces().replacingText(" ", with: "-"))
    }

    /// `init(parsing:)` of text already lower-cased, trimmed and with dashes for spaces.
    private init?(normalized text: String) {
        switch text {
        case "once": self = .once
        case "weekly": self = .weekly
        case "monthly": self = .monthly
        case "quarterly": self = .quarterly
        case "yearly", "annually": self = .yearly
        case "daily": self = .everyDays(1)
        default:
            var rest = Substring(text)
            if rest.hasPrefix("every-") { rest = rest.dropFirst(6) }
            let digits = rest.prefix(while: \.isNumber)
            guard let n = Int(digits), n > 0, n <= 3650 else { return nil }
            let unit = rest.dropFirst(digits.count).drop(while: { $0 == "-" })
            switch unit {
            case "d", "day", "days": self = .everyDays(n)
            case "w", "week", "weeks": self = .everyDays(n * 7)
            default: return nil
            }
        }
    }

    /// What `init(parsing:)` accepts, for error messages.
    public static let accepted =
        "once, weekly, monthly, quarterly, yearly, daily, or every N days (e.g. 'every-10-days', '10d', '2w')"
}

extension Cadence: CustomStringConvertible {
    public var description: String { label }
}

extension Cadence: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Cadence(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a cadence (expected \(Cadence.accepted))")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
