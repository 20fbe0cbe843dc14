/// A warning sign on an account that the manager should see without digging,
/// in order of seriousness.
public enum WarningFlag: String, CaseIterable, Codable, Sendable {
    /// An open concern is past its respond-by day: our reply is late.
    case lateReply = "late-reply"
    /// The renewal day has passed and the renewal was not marked (renewed or lost).
    case renewalPassed = "renewal-passed"
    /// A main contact or senior leader left and nobody has reconnected since.
    case championLeft = "champion-left"
    /// The latest litmus score is lower than the one before (same question set).
    case healthFalling = "health-falling"
    /// A contact has gone past the maximum keep-in-touch interval.
    case outOfTouch = "out-of-touch"
    /// We know nobody senior at the customer.
    case noSenior = "no-senior"
    /// We know nobody at the customer at all.
    case noContacts = "no-contacts"
    /// We are connected to one person only.
    case oneContact = "one-contact"

    /// The flag as tables and headers show it: its JSON name with spaces, one vocabulary
    /// for the screens and `accounts --json`.
    /// Literals, not the raw value re-spelled: the app lowers every account's flags into
    /// its filter text at start.
    public var short: String {
        switch self {
        case .lateReply: return "late reply"
        case .renewalPassed: return "renewal passed"
        case .championLeft: return "champion left"
        case .healthFalling: return "health falling"
        case .outOfTouch: return "out of touch"
        case .noSenior: return "no senior"
        case .noContacts: return "no contacts"
        case .oneContact: return "one contact"
        }
    }

    /// What the flag means, in a sentence.
    public var explanation: String {
        switch self {
        case .lateReply: return "an open concern is past its respond-by date"
        case .renewalPassed: return "the renewal day has passed without the renewal being marked"
        case .championLeft: return "a main contact or senior leader left and nobody has reconnected since"
        case .healthFalling: return "the latest litmus score is lower than the previous one"
        case .outOfTouch: return "a contact has not been reached within their keep-in-touch interval"
        case .noSenior: return "we know nobody senior at the customer"
        case .noContacts: return "we know nobody at the customer"
        case .oneContact: return "we are connected to one person only"
        }
    }
}

extension Account {
    /// The warning signs showing today.
    public func warningFlags(on today: Day) -> [WarningFlag] {
        AccountDigest(self, policy: DuePolicy()).flags(on: today)
    }
}
