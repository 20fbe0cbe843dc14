/// How important an account is; key accounts get the closest attention.
public enum Tier: String, Choice { case key, core, standard }

/// Where an account stands commercially.
public enum AccountStatus: String, Choice {
    case active
    case atRisk = "at-risk"
    case lost, former
}

/// The season a relationship is in; each needs a deliberate approach.
public enum Season: String, Choice {
    case growth, stagnancy, tension, reconnection, disruption

    /// What the season asks of the account manager, in a line.
    public var approach: String {
        switch self {
        case .growth: return "Invest: widen the relationship while things go well."
        case .stagnancy: return "Unwanted standstill: bring something new, ask what they need."
        case .tension: return "Listen first; address every concern quickly and visibly."
        case .reconnection: return "Rebuild trust: meet in person, agree expectations again."
        case .disruption: return "Their world changed: map the risks and help them through it."
        }
    }
}

/// A contact's place at the customer.
public enum ContactLevel: String, Choice {
    case main, senior, indirect, other
    public var label: String {
        switch self {
        case .main: return "main contact"
        case .senior: return "senior leader"
        case .indirect: return "indirect"
        case .other: return "other"
        }
    }
}

/// How a contact prefers to be reached.
public enum Channel: String, Choice {
    case phone, email, video
    case inPerson = "in-person"
}

/// How often a contact wants progress reports.
public enum ReportFrequency: String, Choice { case daily, weekly, monthly, quarterly }

/// A role in our own organisation's team around the customer.
public enum TeamRole: String, Choice {
    case accountManager = "account-manager"
    case sales, delivery, support, finance
    case executiveSponsor = "executive-sponsor"
    case product, other
}

/// The kind of a touchpoint with the customer.
public enum TouchKind: String, Choice {
    case meeting, call, email, report, meal
    case siteVisit = "site-visit"
    case review
    public var label: String {
        switch self {
        case .meal: return "lunch/breakfast"
        case .siteVisit: return "site visit"
        case .report: return "report sent"
        default: return rawValue
        }
    }
}

/// How a touchpoint felt.
public enum Sentiment: String, Choice { case positive, neutral, negative }

/// How serious a customer concern is.
public enum Severity: String, Choice {
    case low, medium, high, critical
    /// 1 (low) to 4 (critical).
    public var weight: Int { Severity.allCases.firstIndex(of: self)! + 1 }
}

/// Where a customer concern stands.
public enum ConcernStatus: String, Choice {
    case open
    case inProgress = "in-progress"
    case resolved
    public var isOpen: Bool { self != .resolved }
}

/// Where a root-cause worksheet stands.
public enum WorksheetStatus: String, Choice { case open, executing, evaluating, closed }

/// Where a worksheet action stands.
public enum ActionStatus: String, Choice {
    case planned
    case inProgress = "in-progress"
    case done, dropped
    public var isOpen: Bool { self == .planned || self == .inProgress }
}

/// Whether a worksheet's chosen solution worked.
public enum Outcome: String, Choice {
    case worked, partly
    case didNotWork = "did-not-work"
}

/// Whether a risk is being discussed up front or has happened.
public enum RiskState: String, Choice { case hypothetical, occurred }

/// What kind of disruption a risk comes from.
public enum DisruptionKind: String, Choice {
    case marketDownturn = "market-downturn"
    case keyPeopleLoss = "key-people-loss"
    case legislation
    case austerity
    case newEntrant = "new-entrant"
    case actOfGod = "act-of-god"
    case other
}

/// Whether a higher reading of a measure is good or bad news.
public enum MeasureDirection: String, Choice {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
}

/// The standard steps of a relationship-for-life plan, plus the user's own.
public enum PlaybookStep: String, Choice {
    case seniorLeaders = "senior-leaders"
    case askWhatTheyWant = "ask-what-they-want"
    case indirectUpdates = "indirect-updates"
    case mainContactMeeting = "main-contact-meeting"
    case outOfOffice = "out-of-office"
    case custom
}
