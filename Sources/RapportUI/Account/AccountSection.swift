import RapportCore
import TUIKit

/// Sections of the account view.
enum AccountSection: Int, CaseIterable, Sendable {
    case overview = 1
    case contacts, team, timeline, concerns, plan, worksheets, health, risks, expectations

    /// Four letters, for a narrow tab bar.
    var short: String {
        switch self {
        case .health: return "Hlth"
        case .expectations: return "Expt"
        case .worksheets: return "Work"
        default: return String(title.prefix(4))
        }
    }

    var title: String {
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

extension AccountSection {
    /// The type that holds everything about the section.
    var content: any AccountSectionContent.Type {
        switch self {
        case .overview: return OverviewSection.self
        case .contacts: return ContactsSection.self
        case .team: return TeamSection.self
        case .timeline: return TimelineSection.self
        case .concerns: return ConcernsSection.self
        case .plan: return PlanSection.self
        case .worksheets: return WorksheetsSection.self
        case .health: return HealthSection.self
        case .risks: return RiskSection.self
        case .expectations: return ExpectationsSection.self
        }
    }
}

/// Everything about one section of the account view, in one type: its rows, what `a`,
/// `e` and `d` do there, its own keys and how it draws. The account screen dispatches
/// through `AccountSection.content` and never switches on the section itself.
///
/// Handlers get the account shown and the view's state as the key found it. Those that
/// open a form, ask a question, open the worksheet editor or say something take the
/// app's state (forms are built from it); one that changes the view writes it back
/// through `state.accountView`. `rowCount` and `deletion` only read, and drawing changes
/// only the view's own state (its table's scroll), reading the rest from a `ScreenContext`.
protocol AccountSectionContent {
    /// The section's own commands, besides the account view's (`Never` when it has none).
    associatedtype Command: Sendable
    /// The keys of the section's own commands, tried before the account view's keys.
    static var keymap: Keymap<Command>? { get }
    /// Rows the selection moves over (0 when the section has no table).
    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int
    /// `a`: adds a record of the section's kind.
    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState)
    /// `e`: edits the selected row's record.
    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState)
    /// `d`: what deleting the selected row asks to confirm (nil: nothing to delete).
    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose?
    /// One of the section's own commands.
    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: Command
    ) -> [Effect]
    /// Draws the section into `rect`, below the tab bar.
    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect)
}

extension AccountSectionContent where Command == Never {
    static var keymap: Keymap<Never>? { nil }
    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: Never
    ) -> [Effect] {}
}

extension AccountSectionContent {
    /// The section's own command for `key`, done (nil: the key is not one of them).
    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, key: Key
    ) -> [Effect]? {
        guard let command = keymap?.command(for: key) else { return nil }
        return handle(&state, a, view, command)
    }

    /// The footer hints of the section's own keys.
    static var hints: [(keys: String, label: String)] { keymap?.hints ?? [] }

    /// The help overlay's part on the section's own keys.
    static var help: (title: String, lines: [(keys: String, help: String)])? {
        keymap.map { ($0.title, $0.helpLines) }
    }

    /// A section's table, or `empty` when it has no rows.
    static func table(
        _ view: inout AccountViewState, _ rows: [TableRow], _ columns: [Column], empty: String,
        into canvas: inout Canvas, rect: Rect
    ) {
        if rows.isEmpty {
            canvas.put(empty, x: 2, y: rect.y + 1, style: .dim)
        } else {
            view.table.render(columns: columns, rows: rows, into: &canvas, rect: rect)
        }
    }
}
