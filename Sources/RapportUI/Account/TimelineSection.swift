import RapportCore
import TUIKit

/// Touchpoints and concerns together, newest first.
enum TimelineSection: AccountSectionContent {
    typealias Command = Never

    /// An entry of the timeline: a touchpoint or a concern.
    enum Entry {
        case touch(Touchpoint)
        case concern(Concern)
        var day: Day {
            switch self {
            case .touch(let t): return t.day
            case .concern(let c): return c.raisedOn
            }
        }
    }

    static func entries(_ a: Account) -> [Entry] {
        (a.touchpoints.map(Entry.touch) + a.concerns.map(Entry.concern)).sorted { $0.day > $1.day }
    }

    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int {
        a.touchpoints.count + a.concerns.count
    }

    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.logTouchpoint(account: a.id), TouchpointForm.make(nil, in: a))
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        switch entries(a)[safe: view.table.selection] {
        case .touch(let t)?:
            state.overlay = .form(
                .editTouchpoint(account: a.id, t), TouchpointForm.make(t, in: a))
        case .concern(let c)?:
            state.overlay = .form(.editConcern(account: a.id, c), ConcernForm.make(c, in: a))
        case nil:
            break
        }
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        switch entries(a)[safe: view.table.selection] {
        case .touch(let t)?:
            return .deleteRecord(
                account: a.id, .removeTouchpoint(t.id), undo: .addTouchpoint(t),
                what: "touchpoint of \(t.day)")
        case .concern(let c)?:
            return .deleteRecord(
                account: a.id, .removeConcern(c.id), undo: .addConcern(c), what: "concern \"\(c.summary)\"")
        case nil:
            return nil
        }
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        let rows = entries(a).map { entry -> TableRow in
            switch entry {
            case .touch(let t):
                let who = t.contactIDs.compactMap { a.contact($0)?.name }.joined(separator: ", ")
                let style: Style =
                    t.sentiment == .negative ? .warning : (t.sentiment == .positive ? .good : .normal)
                return TableRow(
                    [t.day.iso, t.kind.label, t.summary + (who.isEmpty ? "" : " — \(who)")],
                    cellStyles: [1: style])
            case .concern(let c):
                return TableRow(
                    [
                        c.raisedOn.iso, "concern",
                        "[\(c.severity.rawValue)] \(c.summary)" + (c.status.isOpen ? "" : " (resolved)")
                    ],
                    cellStyles: [1: c.status.isOpen ? .danger : .dim])
            }
        }
        table(
            &view, rows,
            [Column("Date", .fixed(10)), Column("Kind", .fixed(15)), Column("What", .flexible(min: 20))],
            empty: "Nothing logged yet. l logs a touchpoint, c a concern.", into: &canvas, rect: rect)
    }
}
