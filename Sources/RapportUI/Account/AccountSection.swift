import RapportCore

/// Sections of the account view.
public enum AccountSection: Int, CaseIterable, Sendable {
    case overview = 1
    case contacts, team, timeline, concerns, plan, worksheets, health, risks, expectations

    /// Four letters, for a narrow tab bar.
    public var short: String {
        switch self {
        case .health: return "Hlth"
        case .expectations: return "Expt"
        case .worksheets: return "Work"
        default: return String(title.prefix(4))
        }
    }

    public var title: String {
        switch self {
        case .health: return "Health"
        case .risks: return "Risks"
        case .expectations: return "Expectations"
        case .worksheets: return "Worksheets"
        case .plan: return "Plan"
        case .overview: return "Overview"
        case .contacts: return "Contacts"
        case .team: return "Team"
        case .timeline: return "Timeline"
        case .concerns: return "Concerns"
        }
    }
}
