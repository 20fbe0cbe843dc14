import RapportCore
import TUIKit

/// Our people on the account: role and responsibility.
enum TeamSection: AccountSectionContent {
    typealias Command = Never

    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { a.team.count }

    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.addTeamMember(account: a.id), TeamMemberForm.make(nil))
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let m = a.team[safe: view.table.selection] else { return }
        state.overlay = .form(.editTeamMember(account: a.id, m), TeamMemberForm.make(m))
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        a.team[safe: view.table.selection].map {
            .deleteRecord(
                account: a.id, .removeTeamMember($0.id), undo: .addTeamMember($0),
                what: "team member \($0.name)")
        }
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        let rows = a.team.map { TableRow([$0.name, $0.role.label, $0.responsibility]) }
        table(
            &view, rows,
            [
                Column("Name", .fixed(18)), Column("Role", .fixed(17)),
                Column("Responsibility", .flexible(min: 10))
            ],
            empty: "No team members yet. a adds one.", into: &canvas, rect: rect)
    }
}
