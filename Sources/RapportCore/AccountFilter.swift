extension WarningFlag: Choice {}

/// Which accounts a triage shows: every condition set must hold. The app's `:filter`
/// line and `rapport accounts` options read the same conditions, so a filter works the
/// same in both (README, "Triage").
public struct AccountFilter: Equatable, Sendable {
    /// A health condition: the trend of the latest litmus score, or a ceiling.
    public enum Health: Equatable, Sendable {
        case falling, rising
        /// Below this score (accounts never tested do not match).
        case below(Int)
    }

    /// Flags that must all show.
    public var flags: [WarningFlag] = []
    public var health: Health?
    public var tier: Tier?
    public var status: AccountStatus?
    public var season: Season?
    public var owner: String?
    /// Renewing within this many days from today (a passed renewal does not match).
    public var renewsWithin: Int?
    /// Only accounts whose value is at risk.
    public var atRisk = false
    /// Only these accounts (a line of the portfolio opened), with what they are.
    public var only: Selection?

    /// Accounts picked by what they stand for, not by a condition (a portfolio figure).
    public struct Selection: Equatable, Sendable {
        public var label: String
        public var ids: Set<RecordID>

        public init(label: String, ids: Set<RecordID>) {
            self.label = label
            self.ids = ids
        }
    }

    public init() {}

    /// Whether nothing is set (every account matches).
    public var isEmpty: Bool { self == AccountFilter() }

    public func matches(_ s: AccountSummary) -> Bool {
        if !flags.allSatisfy(s.flags.contains) { return false }
        if let tier, s.tier != tier { return false }
        if let status, s.status != status { return false }
        if let season, s.season != season { return false }
        if let owner, s.owner.lowercased() != owner.lowercased() { return false }
        if let renewsWithin {
            guard let days = s.renewsInDays, (0...renewsWithin).contains(days) else { return false }
        }
        if atRisk && !s.valueAtRisk { return false }
        if let only, !only.ids.contains(s.id) { return false }
        switch health {
        case nil: return true
        case .falling: return (s.healthChange ?? 0) < 0
        case .rising: return (s.healthChange ?? 0) > 0
        case .below(let score): return s.health.map { $0 < score } ?? false
        }
    }

    /// The conditions as the filter line writes them: `flag=no-senior tier=key`.
    public var text: String {
        var parts = flags.map { "flag=\($0.rawValue)" }
        if let health { parts.append("health=\(Self.text(health))") }
        if let tier { parts.append("tier=\(tier.rawValue)") }
        if let status { parts.append("status=\(status.rawValue)") }
        if let season { parts.append("season=\(season.rawValue)") }
        if let owner { parts.append("owner=\(owner.contains(" ") ? "\"\(owner)\"" : owner)") }
        if let renewsWithin { parts.append("renews<\(renewsWithin)d") }
        if atRisk { parts.append("at-risk") }
        if let only { parts.append("portfolio: \(only.label)") }
        return parts.joined(separator: " ")
    }

    static func text(_ health: Health) -> String {
        switch health {
        case .falling: return "falling"
        case .rising: return "rising"
        case .below(let score): return "below:\(score)"
        }
    }

    /// Reads a filter line: conditions `KEY=VALUE` separated by spaces (a value with
    /// spaces in double quotes): `flag=` (repeatable), `health=falling|rising|below:N`,
    /// `tier=`, `status=`, `season=`, `owner=NAME|me`, and `renews<90d` (within 90 days) and
    /// `at-risk`. `me` is the user's name.
    public static func parse(_ line: String, me: String) throws(InputError) -> AccountFilter {
        var filter = AccountFilter()
        for word in try words(line) {
            if word.lowercased() == "at-risk" {
                filter.atRisk = true
                continue
            }
            if word.lowercased().hasPrefix("renews<") {
                filter.renewsWithin = try renewalWindow(String(word.dropFirst("renews<".count)))
                continue
            }
            guard let equals = word.firstIndex(of: "=") else {
                throw InputError("'\(word)' is not a condition; write KEY=VALUE with KEY one of \(keys)")
            }
            let key = word[..<equals].lowercased()
            let value = String(word[word.index(after: equals)...])
            switch key {
            case "flag": filter.flags.append(try choice(value, key))
            case "health": filter.health = try health(value)
            case "tier": filter.tier = try choice(value, key)
            case "status": filter.status = try choice(value, key)
            case "season": filter.season = try choice(value, key)
            case "owner":
                guard !value.isEmpty else { throw InputError("owner= needs a name (or me)") }
                filter.owner = try owner(value, me: me, option: "owner=me")
            default:
                throw InputError("'\(key)' is not a filter; the filters are \(keys)")
            }
        }
        return filter
    }

    static let keys = "flag, health, tier, status, season and owner (and renews<90d, at-risk)"

    /// `90d` or `90`: days from 0 to 3,650.
    public static func renewalWindow(_ text: String) throws(InputError) -> Int {
        let digits = text.lowercased().hasSuffix("d") ? String(text.dropLast()) : text
        guard let days = Int(digits), (0...3650).contains(days) else {
            throw InputError(
                "renews<'\(text)' is not valid; expected a number of days from 0 to 3650, e.g. renews<90d")
        }
        return days
    }

    /// An owner as given: `me` is the user's name (`me`), refused when the user has none.
    /// `option` names where it was given, for the message.
    public static func owner(_ value: String, me: String, option: String) throws(InputError) -> String {
        guard value.lowercased() == "me" else { return value }
        guard !me.isEmpty else {
            throw InputError(
                "\(option) needs your name: set RAPPORT_OWNER (or USER), or give the owner's name")
        }
        return me
    }

    /// `falling`, `rising` or `below:N` (N from 1 to 100).
    public static func health(_ text: String) throws(InputError) -> Health {
        switch text.lowercased() {
        case "falling": return .falling
        case "rising": return .rising
        default:
            let parts = text.lowercased().split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0] == "below", let score = Int(parts[1]), (1...100).contains(score)
            else {
                throw InputError(
                    "health '\(text)' is not valid; expected falling, rising or below:N (N 1–100)")
            }
            return .below(score)
        }
    }

    static func choice<T: Choice>(_ text: String, _ key: String) throws(InputError) -> T {
        guard let value = T(parsing: text) else {
            throw InputError("\(key) '\(text)' is not valid; expected \(T.acceptedList)")
        }
        return value
    }

    /// Splits at spaces, keeping double-quoted runs together (`owner="Tom Okafor"`).
    static func words(_ line: String) throws(InputError) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for ch in line {
            if ch == "\"" {
                quoted.toggle()
            } else if ch == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(ch)
            }
        }
        guard !quoted else { throw InputError("a \" is not closed in '\(line)'") }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
