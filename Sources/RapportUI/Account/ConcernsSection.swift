import RapportCore
import TUIKit

/// The account's concerns, open ones first; `w` works one through a root-cause worksheet.
enum ConcernsSection: AccountSectionContent {
    /// Open ones first (most severe first), then resolved, newest first.
    static func concerns(_ a: Account) -> [Concern] {
        a.concerns.sorted {
            if $0.status.isOpen != $1.status.isOpen { return $0.status.isOpen }
            if $0.severity != $1.severity && $0.status.isOpen {
                return $0.severity.weight > $1.severity.weight
            }
            return $0.raisedOn > $1.raisedOn
        }
    }

    static let keymap: Keymap<WorksheetListCommand>? = Keymaps.concernList

    /// `w`: opens the selected concern's worksheet, or starts one (the keys of the
    /// worksheets section, which share the command type, are the worksheets section's).
    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: WorksheetListCommand
    ) -> [Effect] {
        guard command == .fromConcern else { return WorksheetsSection.handle(&state, a, view, command) }
        guard let c = concerns(a)[safe: view.table.selection] else { return [] }
        if let existing = a.worksheets.first(where: { $0.id == c.worksheetID }) {
            WorksheetEditor.open(&state, a.id, existing)
            state.message = Message("This concern already has a worksheet")
        } else {
            state.overlay = .form(
                .newWorksheet(account: a.id), NewWorksheetForm.make(in: a, concern: c))
        }
        return []
    }

    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { a.concerns.count }

    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.addConcern(account: a.id), ConcernForm.make(nil, in: a))
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let c = concerns(a)[safe: view.table.selection] else { return }
        state.overlay = .form(.editConcern(account: a.id, c), ConcernForm.make(c, in: a))
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        concerns(a)[safe: view.table.selection].map {
            .deleteRecord(
                account: a.id, .removeConcern($0.id), undo: .addConcern($0), what: "concern \"\($0.summary)\""
            )
        }
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        let rows = concerns(a).map { c -> TableRow in
            let overdue = c.isOverdue(on: context.today)
            return TableRow(
                [
                    c.raisedOn.iso, c.severity.rawValue, c.status.label,
                    c.respondBy.map { overdue ? "\($0.iso)!" : $0.iso } ?? "-", c.summary
                ],
                style: c.status.isOpen ? .normal : .dim,
                cellStyles: overdue ? [3: .danger] : [:])
        }
        table(
            &view, rows,
            [
                Column("Raised", .fixed(10)), Column("Severity", .fixed(8)), Column("Status", .fixed(11)),
                Column("Respond by", .fixed(11)), Column("Concern", .flexible(min: 16))
            ],
            empty: "No concerns recorded. c records one, however small.", into: &canvas, rect: rect)
    }
}

extension Keymaps {
    static let concernList = Keymap<WorksheetListCommand>(
        "Concerns section",
        [
            Binding(
                [.char("w")], .fromConcern, label: "worksheet",
                help: "Work the selected concern through a root-cause worksheet (Define prefilled)")
        ])
}
