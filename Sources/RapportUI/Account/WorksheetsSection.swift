import RapportCore
import TUIKit

/// The account's root-cause worksheets: `n` starts one, Enter (or `e`) opens it in the editor.
enum WorksheetsSection: AccountSectionContent {
    /// Open ones first, newest first.
    static func worksheets(_ a: Account) -> [Worksheet] {
        a.worksheets.sorted {
            ($0.status == .closed ? 1 : 0, $1.createdOn) < ($1.status == .closed ? 1 : 0, $0.createdOn)
        }
    }

    static let keymap: Keymap<WorksheetListCommand>? = Keymaps.worksheetList

    /// `n` and Enter (`w`, working a concern, is the concerns section's).
    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: WorksheetListCommand
    ) -> [Effect] {
        switch command {
        case .new: add(&state, a, view)
        case .open: edit(&state, a, view)
        case .fromConcern: return ConcernsSection.handle(&state, a, view, command)
        }
        return []
    }

    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { a.worksheets.count }

    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.newWorksheet(account: a.id), NewWorksheetForm.make(in: a, concern: nil))
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        if let w = worksheets(a)[safe: view.table.selection] { WorksheetEditor.open(&state, a.id, w) }
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        worksheets(a)[safe: view.table.selection].map {
            .deleteRecord(
                account: a.id, .removeWorksheet($0.id), undo: .addWorksheet($0),
                what: "worksheet \"\($0.title)\"")
        }
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        let rows = worksheets(a).map { w -> TableRow in
            let concern =
                a.concerns.first { $0.id == w.concernID }?.summary ?? w.lossOn.map { "the loss \($0.iso)" }
                ?? "-"
            let next = w.status == .closed ? "-" : (w.nextDate?.iso ?? "-")
            let late = w.status != .closed && (w.nextDate.map { $0 < context.today } ?? false)
            return TableRow(
                [w.title, concern, "\(w.currentStep.rawValue) \(w.currentStep.title)", w.status.label, next],
                style: w.status == .closed ? .dim : .normal, cellStyles: late ? [4: .danger] : [:])
        }
        table(
            &view, rows,
            [
                Column("Worksheet", .flexible(min: 14)), Column("Concern", .flexible(min: 10)),
                Column("Step", .fixed(14)),
                Column("Status", .fixed(10)), Column("Next", .fixed(10))
            ],
            empty: "No worksheets. n starts one; in Concerns (5), w works a concern through one.",
            into: &canvas, rect: rect)
    }
}

/// Commands of the worksheets section and of the concerns section's extra key.
enum WorksheetListCommand: Sendable { case new, open, fromConcern }

extension Keymaps {
    static let worksheetList = Keymap<WorksheetListCommand>(
        "Worksheets section",
        [
            Binding([.char("n")], .new, label: "new", help: "Start a new root-cause worksheet"),
            Binding([.enter], .open, label: "open", help: "Open the selected worksheet")
        ])
}
