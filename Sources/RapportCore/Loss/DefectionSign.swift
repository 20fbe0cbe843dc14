/// A kind of warning sign a defection review looks for in an account's history (D48).
public enum DefectionSignKind: String, CaseIterable, Codable, Sendable {
    case lateConcern = "late-concern"
    case negativeTouch = "negative-touch"
    case fallingScore = "falling-score"
    case championLeft = "champion-left"
    case contactLeft = "contact-left"
    case noSenior = "no-senior"
    case singleThreaded = "single-threaded"
    case outOfTouch = "out-of-touch"
    case planOverdue = "plan-overdue"
    case riskOccurred = "risk-occurred"
    case tension
    case disruption

    /// What the sign is, in a few words.
    public var label: String {
        switch self {
        case .lateConcern: return "concerns answered late or never"
        case .negativeTouch: return "negative touchpoints"
        case .fallingScore: return "falling litmus score"
        case .championLeft: return "a champion left"
        case .contactLeft: return "a contact left"
        case .noSenior: return "nobody senior"
        case .singleThreaded: return "single-threaded"
        case .outOfTouch: return "out of touch past the maximum"
        case .planOverdue: return "plan items overdue"
        case .riskOccurred: return "a risk occurred"
        case .tension: return "a season of tension"
        case .disruption: return "a season of disruption"
        }
    }
}

/// One warning sign found in an account's history: when it first showed and each time it did.
public struct DefectionSign: Hashable, Sendable {
    public var kind: DefectionSignKind
    /// The first day the sign was visible.
    public var since: Day
    /// The most recent day it showed (for a standing sign such as nobody senior: the
    /// day looked at).
    public var latest: Day
    /// Each occurrence in a line, oldest first ("“Late invoices” answered 9 days late").
    public var details: [String]

    public init(kind: DefectionSignKind, since: Day, latest: Day, details: [String]) {
        self.kind = kind
        self.since = since
        self.latest = latest
        self.details = details
    }

    /// Days from the sign's first showing to `day` (the loss): the warning we had.
    public func days(before day: Day) -> Int { since.days(until: day) }
}
