import RapportCore
import TUIKit

/// The account's people: level, preferred channel, last touch and keep-in-touch cadence.
enum ContactsSection: AccountSectionContent {
    typealias Command = Never

    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { a.contacts.count }

    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.addContact(account: a.id), ContactForm.make(nil))
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let c = a.contacts[safe: view.table.selection] else { return }
        state.overlay = .form(.editContact(account: a.id, c), ContactForm.make(c))
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        a.contacts[safe: view.table.selection].map {
            .deleteRecord(
                account: a.id, .removeContact($0.id), undo: .addContact($0), what: "contact \($0.name)")
        }
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        let rows = a.contacts.map { c in
            TableRow(
                [
                    c.name, c.title, c.level.label, c.channel.label,
                    a.lastTouch(with: c.id).map { "\($0.days(until: context.today))d" } ?? "never",
                    c.keepInTouch.map { "\($0.idealDays)/\($0.maximumDays)d" } ?? "-"
                ],
                style: c.isCurrent ? .normal : .dim)
        }
        table(
            &view, rows,
            [
                Column("Name", .flexible(min: 14)), Column("Title", .flexible(min: 10)),
                Column("Level", .fixed(13)),
                Column("Prefers", .fixed(9)), Column("Last", .fixed(5), alignRight: true),
                Column("Touch", .fixed(8))
            ],
            empty: "No contacts yet. a adds one.", into: &canvas, rect: rect)
    }
}
