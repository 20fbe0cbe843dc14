import IndexKit
import RapportCore
import TUIKit

/// The due list's own state.
struct DueListState: Equatable, Sendable {
    var table = TableView()
    var filter = TextField()
    var filtering = false
    /// Only the user's own items.
    var mine = false
    /// How far ahead "Later" looks, in days.
    var horizon = 30
}

/// The follow-up list across all accounts, grouped Overdue / Today / This week / Later.
enum DueScreen {
    /// The items shown, most urgent first, after the "mine" and text filters.
    /// Matches on account name, title, owner and source, reading the digests' text as
    /// it is kept (no strings built per item). Escaping only changes backslashes and
    /// characters a query cannot hold (tab, newline), so text is unescaped only for a
    /// query with a backslash in it.
    static func items(_ state: AppState) -> [DueSlot] {
        let me = state.due.mine && !state.me.isEmpty ? Array(state.me.lowercased().utf8) : nil
        let query = state.due.filter.text.lowercased().trimmingSpaces()
        guard me != nil || !query.isEmpty else { return state.dueSlots }
        let digests = state.digests
        let plain = !query.utf8.contains(FieldText.backslash)
        func matches(_ field: SharedBytes) -> Bool {
            plain
                ? field.withUnsafeBufferPointer { TextSearch.containsFoldingCase($0, query) }
                : FieldText.unescapedBytes(field).withUnsafeBufferPointer {
                    TextSearch.containsFoldingCase($0, query)
                }
        }
        return state.dueSlots.filter { slot in
            let digest = digests[slot.account]
            let fields = digest.dueEntries.fields(of: slot.item)
            if let me, !FieldText.equalFoldingCase(fields.owner, me) { return false }
            return query.isEmpty || TextSearch.containsFoldingCase(digest.name, query)
                || matches(fields.title)
                || matches(fields.owner)
                || TextSearch.contains(digest.dueEntries[slot.item].source.label, query)
        }
    }

    static func selected(_ state: AppState) -> FollowUp? {
        items(state)[safe: state.due.table.selection].map {
            DueList.followUp($0, in: state.digests, on: state.today)
        }
    }

    static func show(_ state: inout AppState) {
        state.rankDueList()
        state.screen = .due
        state.overlay = nil
        state.message = nil
    }

    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let command = Keymaps.due.command(for: key) else { return [] }
        let count = items(state).count
        switch command {
        case .move:
            _ = state.due.table.handle(key, count: count, pageSize: state.height - 8)
        case .open:
            if let item = selected(state) { return open(&state, item) }
        case .done:
            guard let item = selected(state) else { return [] }
            if case .mergeConflict(let conflict) = item.ref {
                // Done means choosing which value stands: open the account and ask about this one.
                let effects = open(&state, item)
                if let account = state.account(item.accountID) {
                    MergeConflictSettlement.open(&state, account, conflict: conflict)
                } else {
                    state.message = Message("Press x on the account's Overview to settle the merge conflict")
                }
                return effects
            } else if item.ref.needs == .litmusTest {
                // Done means answering the questions: open the account and start the test.
                let effects = open(&state, item)
                if let account = state.account(item.accountID), state.litmus != nil {
                    LitmusRunner.start(&state, account)
                } else {
                    state.message = Message(
                        "The litmus test is done by answering its questions: press t to run it")
                }
                return effects
            } else {
                state.overlay = .form(.completeFollowUp(item), CompletionForm.make(item))
            }
        case .snooze:
            if let item = selected(state) {
                state.overlay = .form(.snoozeFollowUp(item), SnoozeForm.make(item))
            }
        case .mine:
            if state.me.isEmpty {
                state.message = Message(
                    "Set $RAPPORT_OWNER to your name to see only your follow-ups", isError: true)
            } else {
                state.due.mine.toggle()
                state.due.table.selection = 0
                state.message = Message(
                    state.due.mine ? "Showing \(state.me)'s follow-ups" : "Showing everyone's follow-ups")
            }
        case .filter:
            state.due.filtering = true
        case .today:
            if let i = items(state).firstIndex(where: { $0.band(on: state.today) == .today }) {
                state.due.table.selection = i
            } else {
                state.message = Message("Nothing is due today")
            }
        case .horizon:
            let next = horizons.first { $0 > state.due.horizon } ?? horizons[0]
            state.setDueHorizon(next)
            state.due.table.selection = 0
            state.message = Message("Showing what is due in the next \(next) days")
        case .back:
            state.screen = .accounts
        }
        return []
    }

    /// Typing while the filter is open.
    static func handleFilterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        let current = state
        ListFilter.handle(
            key, filter: &state.due.filter, filtering: &state.due.filtering, table: &state.due.table,
            count: { items(current).count }, pageSize: state.height - 8)
        return []
    }

    /// How far ahead `h` looks, in turn.
    static let horizons = [30, 90, 365]

    /// Opens the item's account at the section where it is worked.
    static func open(_ state: inout AppState, _ item: FollowUp) -> [Effect] {
        let effects = AccountsScreen.open(&state, item.accountID, at: section(for: item.source), back: .due)
        if case .account(var view) = state.screen {
            // At the item's own record; an account still loading is put there once it loads.
            view.focus = item.ref
            view.focusRecord(in: state.account(item.accountID))
            state.screen = .account(view)
        }
        // A worksheet's action or review opens the worksheet itself, at that step.
        let worksheet: (id: RecordID, step: WorksheetStep)?
        switch item.ref {
        case .action(let w, _): worksheet = (w, .action)
        case .evaluation(let w): worksheet = (w, .evaluation)
        default: worksheet = nil
        }
        if let worksheet,
            let w = state.account(item.accountID)?.worksheets.first(where: { $0.id == worksheet.id })
        {
            WorksheetEditor.open(&state, item.accountID, w, at: worksheet.step)
        }
        return effects
    }

    /// The row of the item's own record in the section it opens at, in that section's order.
    static func row(of ref: DueRef, in a: Account) -> Int? {
        switch ref {
        case .concern(let id): return ConcernsSection.concerns(a).firstIndex { $0.id == id }
        case .planItem(let id): return a.plan?.items.firstIndex { $0.id == id }
        case .action(let w, _), .evaluation(let w):
            return WorksheetsSection.worksheets(a).firstIndex { $0.id == w }
        case .contact(let id): return a.contacts.firstIndex { $0.id == id }
        case .reading(let m, _): return a.measures.firstIndex { $0.id == m }
        case .satisfaction: return a.measures.firstIndex { $0.isSatisfaction }
        case .touchFollowUp(let id):
            return TimelineSection.entries(a).firstIndex {
                if case .touch(let t) = $0 { return t.id == id }
                return false
            }
        case .riskReview(let id): return RiskSection.risks(a).firstIndex { $0.id == id }
        case .reconnect(let id): return a.contacts.firstIndex { $0.id == id }
        case .litmus, .mergeConflict, .renewal, .renewalDay, .renewalNotice: return nil
        }
    }

    static func section(for source: DueSource) -> AccountSection {
        switch source {
        case .concern: return .concerns
        case .keepInTouch: return .contacts
        case .touchFollowUp: return .timeline
        case .plan: return .plan
        case .action, .evaluation: return .worksheets
        case .litmus, .satisfaction, .reading: return .health
        case .riskReview: return .risks
        case .mergeConflict, .renewal, .renewalDay, .renewalNotice: return .overview
        case .reconnect: return .contacts
        }
    }

    // MARK: Rendering

    /// "12d over", "today", "in 3d".
    static func when(_ item: FollowUp, _ today: Day) -> String {
        let days = today.days(until: item.due)
        if days < 0 { return "\(-days)d over" }
        return days == 0 ? "today" : "in \(days)d"
    }

    static func render(_ state: inout AppState, into canvas: inout Canvas, body: Rect) {
        state.rankDueList()
        let items = items(state)
        let today = state.today
        let lines = DueLines(items, today: today)
        let overdue = lines.count(of: .overdue)
        let who = state.due.mine ? state.me : "everyone"
        canvas.put(
            "Follow-ups  \(items.count) · \(overdue) overdue · \(who) · next \(state.due.horizon) days", x: 0,
            y: body.y, style: .title)
        let rest = ListFilter.render(
            state.due.filter, filtering: state.due.filtering, into: &canvas, rect: body.splitTop(1).1)
        guard !items.isEmpty else {
            canvas.put(
                state.due.filter.text.isEmpty
                    ? "Nothing due. Well done." : "Nothing matches. Esc clears the filter.",
                x: 2, y: rest.y + 1, style: .dim)
            return
        }
        let wide = canvas.width >= 100
        let widths = TableView.widths(columns(wide: wide), total: rest.width - 2)
        var table = state.due.table
        table.selection = min(table.selection, items.count - 1)
        let selectedLine = lines.line(ofItem: table.selection) ?? 0
        let visible = rest.height
        if selectedLine - 1 < table.scroll { table.scroll = max(0, selectedLine - 1) }
        if selectedLine >= table.scroll + visible { table.scroll = selectedLine - visible + 1 }
        table.scroll = max(0, min(table.scroll, max(0, lines.count - visible)))
        state.due.table = table
        for row in 0..<visible {
            let index = table.scroll + row
            guard index < lines.count else { break }
            let y = rest.y + row
            let i: Int
            switch lines[index] {
            case .heading(let band, let count):
                canvas.put(
                    "\(band.title) (\(count))", x: 0, y: y, style: band == .overdue ? .danger : .header)
                continue
            case .item(let item):
                i = item
            }
            let item = DueList.followUp(items[i], in: state.digests, on: today)
            let cells = cells(item, today, wide: wide)
            let selected = i == table.selection
            if selected { canvas.fill(Rect(x: 0, y: y, width: rest.width, height: 1), style: .selected) }
            var x = 2
            for (c, cell) in cells.enumerated() where c < widths.count {
                var style: Style = selected ? .selected : .normal
                if !selected && c == 0 {
                    style =
                        item.band(on: today) == .overdue
                        ? .danger : (item.band(on: today) == .today ? .warning : .dim)
                }
                if !selected && item.isRed(on: today) && c == 2 { style = .danger }
                canvas.put(
                    DisplayWidth.fit(cell, to: widths[c], alignRight: c == 0), x: x, y: y, style: style)
                x += widths[c] + 1
            }
        }
    }

    static func columns(wide: Bool) -> [Column] {
        [
            Column("When", .fixed(9), alignRight: true), Column("Account", .fixed(wide ? 22 : 17)),
            Column("What", .flexible(min: 16)), Column("Source", .fixed(wide ? 13 : 12)),
            Column("Owner", .fixed(wide ? 15 : 6))
        ]
    }

    static func cells(_ item: FollowUp, _ today: Day, wide: Bool) -> [String] {
        let title = item.snooze == nil ? item.title : "snoozed · " + item.title
        return [
            when(item, today), item.accountName, title, item.source.label,
            wide ? item.owner : AccountsScreen.firstName(item.owner)
        ]
    }
}

/// Commands of the due list.
enum DueCommand: Sendable { case move, open, done, snooze, mine, filter, today, horizon, back }

extension Keymaps {
    static let due = Keymap<DueCommand>(
        "Follow-ups",
        [
            Binding(navigation, .move, help: "Move: j/k or arrows, g/G first/last, PgUp/PgDn"),
            Binding([.enter], .open, label: "open", help: "Open the account at the right section"),
            Binding(
                [.char("x")], .done, label: "done",
                help: "Mark done (asks for a note; recorded where it belongs)"),
            Binding([.char("z")], .snooze, label: "snooze", help: "Snooze to a later day, with a reason"),
            Binding(
                [.char("m")], .mine, label: "mine",
                help: "Toggle between your follow-ups ($RAPPORT_OWNER) and everyone's"),
            Binding(
                [.char("/")], .filter, label: "filter",
                help: "Filter as you type (account, what, owner, source); Esc clears"),
            Binding([.char("t")], .today, label: "today", help: "Jump to the first item due today"),
            Binding(
                [.char("h")], .horizon, label: "horizon",
                help: "Look further ahead: the next 30, 90 or 365 days, then 30 again"),
            Binding([.escape, .char("q")], .back, label: "back", help: "Back to the accounts")
        ])
}
