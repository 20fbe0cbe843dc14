import RapportCore
import TUIKit

/// The search screen's own state: what was searched and what was found.
public struct SearchScreenState: Equatable, Sendable {
    var query: String
    var hits: [SearchHit]
    var table = TableView()
    /// Where Esc goes back to.
    var back: Screen = .accounts
}

/// Every record whose text holds the words of `:search TEXT` (or `F`), across all
/// accounts; Enter opens the account at the record.
enum SearchScreen {
    static func handle(_ state: inout AppState, _ search: SearchScreenState, _ key: Key) -> [Effect] {
        guard let command = Keymaps.search.command(for: key) else { return [] }
        var search = search
        switch command {
        case .move:
            _ = search.table.handle(key, count: search.hits.count, pageSize: state.height - 6)
            state.screen = .search(search)
        case .open:
            guard search.hits.indices.contains(search.table.selection) else { return [] }
            return open(&state, search.hits[search.table.selection], from: .search(search))
        case .again:
            state.overlay = .command(TextField("search \(search.query)"))
        case .back:
            state.screen = search.back
        }
        return []
    }

    /// Shows what a search found (the runner's answer to `Effect.search`).
    static func show(_ state: inout AppState, query: String, hits: [SearchHit]) {
        let back: Screen
        if case .search(let previous) = state.screen { back = previous.back } else { back = state.screen }
        state.screen = .search(SearchScreenState(query: query, hits: hits, back: back))
        state.message = Message(
            hits.isEmpty ? "Nothing matches '\(query)'" : "\(hits.count) match\(hits.count == 1 ? "" : "es")")
    }

    /// Opens the hit's account at the section and record it was found in.
    static func open(_ state: inout AppState, _ hit: SearchHit, from screen: Screen) -> [Effect] {
        let (section, ref) = place(of: hit)
        let effects = AccountsScreen.open(&state, hit.accountID, at: section, back: screen)
        if case .account(var view) = state.screen, let ref {
            view.focus = ref
            view.focusRecord(in: state.account(hit.accountID))
            state.screen = .account(view)
        }
        return effects
    }

    /// The account section showing a hit's kind of record, and the record to select there.
    static func place(of hit: SearchHit) -> (AccountSection, DueRef?) {
        guard let id = hit.recordID else { return (hit.kind == "plan" ? .plan : .overview, nil) }
        switch hit.kind {
        case "contact": return (.contacts, .contact(id))
        case "team": return (.team, nil)
        case "touchpoint": return (.timeline, .touchFollowUp(id))
        case "concern": return (.concerns, .concern(id))
        case "worksheet": return (.worksheets, .evaluation(worksheet: id))
        case "plan": return (.plan, .planItem(id))
        case "risk": return (.risks, .riskReview(id))
        case "expectations": return (.expectations, nil)
        default: return (.overview, nil)
        }
    }

    static func render(_ search: inout SearchScreenState, into canvas: inout Canvas, body: Rect) {
        canvas.put(
            "Search  '\(search.query)' · \(search.hits.count) match\(search.hits.count == 1 ? "" : "es")",
            x: 0, y: body.y, style: .title)
        let rest = body.splitTop(1).1
        guard !search.hits.isEmpty else {
            canvas.put(
                "Nothing matches. F searches again; the words may be in any case, with or without accents.",
                x: 2, y: rest.y + 1, style: .dim)
            return
        }
        let hits = search.hits
        search.table.render(
            columns: [
                Column("Account", .fixed(20)), Column("Kind", .fixed(12)), Column("Day", .fixed(10)),
                Column("Text", .flexible(min: 10))
            ],
            count: hits.count,
            row: { i in TableRow([hits[i].accountName, hits[i].kind, hits[i].day?.iso ?? "-", hits[i].line])
            },
            into: &canvas, rect: rest)
    }
}

/// Commands of the search screen.
enum SearchScreenCommand: Sendable { case move, open, again, back }

extension Keymaps {
    static let search = Keymap<SearchScreenCommand>(
        "Search",
        [
            Binding(navigation, .move, help: "Move: j/k or arrows, g/G first/last, PgUp/PgDn"),
            Binding([.enter], .open, label: "open", help: "Open the account at the record found"),
            Binding([.char("F")], .again, label: "search", help: "Search again (the words can be changed)"),
            Binding([.escape], .back, label: "back", help: "Back to where the search started")
        ])
}
