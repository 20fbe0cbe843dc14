/// A warning sign on an account that the manager should see without digging,
/// in order of seriousness.
public enum WarningFlag: String, CaseIterable, Codable, Sendable {
    /// An open concern is past its respond-by day.
    case overdueConcern = "overdue-concern"
    /// The latest litmus score is lower than the one before (same question set).
    case fallingHealth = "falling-health"
    /// A contact has gone past the maximum keep-in-touch interval.
    case outOfTouch = "out-of-touch"
    /// We know nobody senior at the customer.
    case noSeniorContact = "no-senior-contact"
    /// We are connected to one person only.
    case singleThreaded = "single-threaded"

    /// A short label for tables.
    public var short: String {
        switch self {
        case .overdueConcern: return "late reply"
        case .fallingHealth: return "health falling"
        case .outOfTouch: return "out of touch"
        case .noSeniorContact: return "no senior"
        case .singleThreaded: return "one contact"
        }
    }

    /// What the flag means, in a sentence.
    public var explanation: String {
        switch self {
        case .overdueConcern: return "an open concern is past its respond-by date"
        case .fallingHealth: return "the latest litmus score is lower than the previous one"
        case .outOfTouch: return "a contact has not been reached within their keep-in-touch interval"
        case .noSeniorContact: return "we know nobody senior at the customer"
        case .singleThreaded: return "we are connected to one person only"
        }
    }
}

extension Account {
    /// The warning signs showing today.
    public func warningFlags(on today: Day) -> [WarningFlag] {
        AccountDigest(self, policy: DuePolicy()).flags(on: today)
    }
}
