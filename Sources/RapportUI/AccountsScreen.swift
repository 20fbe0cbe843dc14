import RapportCore
import TUIKit

/// The accounts table's own state.
struct AccountListState: Equatable, Sendable {
    var table = TableView()
    var filter = TextField()
    var filtering = false
    var sort: AccountSort = .name
    /// Whether the sort is turned round (`r`).
    var reversed = false
    /// The triage conditions (`:filter`, and `t`, `S`, `o`, `f` for one at a time).
    var conditions = AccountFilter()
}

/// The accounts table: every account with its vital facts and warning flags.
enum AccountsScreen {
    /// Where the accounts shown sit in `state.summaries`, after filters and sort: the
    /// table draws only a page of them, so the rows are not copied on every keystroke.
    /// Positions are sorted, not rows: summaries are kept in name order, so a position
    /// breaks ties by name for free. Those last drawn are kept (`AppState.visibleRows`).
    static func visiblePositions(_ state: AppState) -> [Int] {
        state.visibleRows.kept(for: visibleKey(state)) ?? computePositions(state)
    }

    /// The same, keeping them for the next keystroke: one more letter typed narrows the
    /// rows last drawn.
    static func visiblePositions(keeping state: inout AppState) -> [Int] {
        let current = state
        let needle = Array(lowercasedQuery(state).utf8)
        return state.visibleRows.positions(
            for: visibleKey(state), compute: { computePositions(current) },
            narrow: { current.searchTexts.filter($0, containing: needle) })
    }

    private static func lowercasedQuery(_ state: AppState) -> String {
        state.list.filter.text.lowercased().trimmingSpaces()
    }

    private static func visibleKey(_ state: AppState) -> VisibleRows.Key {
        VisibleRows.Key(
            query: lowercasedQuery(state), conditions: state.list.conditions, sort: state.list.sort,
            reversed: state.list.reversed, version: state.summariesVersion)
    }

    private static func computePositions(_ state: AppState) -> [Int] {
        let list = state.list
        let rows = state.summaries
        // The text test first, over every row's prepared lower-case text at once.
        var shown = state.searchTexts.positions(containing: Array(lowercasedQuery(state).utf8))
        if !list.conditions.isEmpty { shown = shown.filter { list.conditions.matches(rows[$0]) } }
        return list.sort.order(shown, of: rows, reversed: list.reversed)
    }

    static func selected(_ state: AppState) -> AccountSummary? {
        let shown = visiblePositions(state)
        return shown.indices.contains(state.list.table.selection)
            ? state.summaries[shown[state.list.table.selection]] : nil
    }

    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let command = Keymaps.accounts.command(for: key) else { return [] }
        switch command {
        case .move:
            // Only moving needs the rows shown (filtering them reads every account).
            _ = state.list.table.handle(key, count: visiblePositions(state).count, pageSize: state.height - 6)
        case .open:
            if let s = selected(state) { return open(&state, s.id) }
        case .filter:
            state.list.filtering = true
        case .sort:
            let all = AccountSort.allCases
            state.list.sort = all[(all.firstIndex(of: state.list.sort)! + 1) % all.count]
            state.message = Message("Sorted by \(state.list.sort.rawValue)")
        case .reverse:
            state.list.reversed.toggle()
            state.message = Message(
                "Sorted by \(state.list.sort.rawValue)" + (state.list.reversed ? ", reversed" : ""))
        case .tierFilter:
            state.list.conditions.tier = cycle(state.list.conditions.tier, Tier.allCases)
            state.list.table.selection = 0
        case .statusFilter:
            state.list.conditions.status = cycle(state.list.conditions.status, AccountStatus.allCases)
            state.list.table.selection = 0
        case .ownerFilter:
            let owners = Array(Set(state.digests.map(\.owner))).sorted()
            state.list.conditions.owner = cycle(state.list.conditions.owner, owners)
            state.list.table.selection = 0
        case .flagFilter:
            let flag = cycle(state.list.conditions.flags.first, WarningFlag.allCases)
            state.list.conditions.flags = flag.map { [$0] } ?? []
            state.list.table.selection = 0
        case .clearFilters:
            state.list.conditions = AccountFilter()
            state.list.filter = TextField()
        case .add:
            state.overlay = .form(.addAccount, AccountForm.make(nil, me: state.me))
        case .log, .concern, .edit, .delete:
            guard let s = selected(state) else { return [] }
            guard let a = state.account(s.id) else { return [.loadAccount(s.id, retry: key)] }
            switch command {
            case .log:
                state.overlay = .form(
                    .logTouchpoint(account: a.id), TouchpointForm.make(nil, in: a))
            case .concern:
                state.overlay = .form(.addConcern(account: a.id), ConcernForm.make(nil, in: a))
            case .edit: state.overlay = .form(.editAccount(a), AccountForm.make(a))
            default: state.overlay = .confirm(.deleteAccount(a.id))
            }
        case .undo:
            return Undo.perform(&state)
        case .quit:
            state.quitting = true
            return []
        }
        return []
    }

    /// Typing while the filter is open.
    static func handleFilterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        let current = state
        ListFilter.handle(
            key, filter: &state.list.filter, filtering: &state.list.filtering, table: &state.list.table,
            count: { visiblePositions(current).count }, pageSize: state.height - 6)
        return []
    }

    /// Shows an account (loading it first when needed).
    static func open(
        _ state: inout AppState, _ id: RecordID, at section: AccountSection = .overview,
        back: Screen = .accounts
    ) -> [Effect] {
        state.screen = .account(AccountViewState(id: id, section: section, back: back))
        state.message = nil
        return state.account(id) == nil ? [.loadAccount(id, retry: nil)] : []
    }

    static func cycle<T: Equatable>(_ current: T?, _ all: [T]) -> T? {
        guard let current, let i = all.firstIndex(of: current) else { return all.first }
        return i + 1 < all.count ? all[i + 1] : nil
    }

    // MARK: Rendering

    /// Days to the next follow-up: "-12d" when overdue, "today", "3d".
    static func nextDueText(_ day: Day?, _ today: Day) -> String {
        guard let day else { return "-" }
        let days = today.days(until: day)
        return days == 0 ? "today" : "\(days)d"
    }

    static func render(_ state: inout AppState, into canvas: inout Canvas, body: Rect) {
        let shown = visiblePositions(keeping: &state)
        let rows = state.summaries
        var header = "Accounts  \(shown.count) of \(state.digests.count)"
        // Read through the buffer: a summary copied out per row counted references to its
        // strings and arrays, a tenth of a keystroke at 100,000 accounts.
        let total = rows.withUnsafeBufferPointer { rows in
            shown.reduce(0) { Money.sum($0, rows[$1].annualValue) }
        }
        header += " · \(Money.short(total, currency: state.currency))/yr"
        if !state.list.conditions.isEmpty { header += " · " + state.list.conditions.text }
        header += " · by \(state.list.sort.rawValue)" + (state.list.reversed ? ", reversed" : "")
        canvas.put(header, x: 0, y: body.y, style: .title)
        let rest = ListFilter.render(
            state.list.filter, filtering: state.list.filtering, into: &canvas, rect: body.splitTop(1).1)
        if shown.isEmpty {
            let text =
                state.digests.isEmpty
                ? "No accounts yet. Press a to add one." : "No account matches. Esc or x clears the filters."
            canvas.put(text, x: 2, y: rest.y + 1, style: .dim)
            return
        }
        let layout = AccountsTableLayout(
            width: canvas.width,
            renewals: rows.withUnsafeBufferPointer { rows in shown.contains { rows[$0].renewsOn != nil } })
        let makeRow = { (i: Int) -> TableRow in
            let s = rows[shown[i]]
            var styles: [Int: Style] = [:]
            func style(_ field: AccountsTableLayout.Field, _ style: Style) {
                if let column = layout.column(of: field) { styles[column] = style }
            }
            if !s.flags.isEmpty { style(.flags, s.flags.count >= 3 ? .danger : .warning) }
            if s.status == .atRisk { style(.status, .danger) }
            if s.valueAtRisk { style(.value, .warning) }
            if let days = s.renewsInDays, days <= ValueAtRisk.renewalWindow {
                style(.renews, days < 0 ? .danger : s.valueAtRisk ? .warning : .normal)
            }
            if let change = s.healthChange, change < 0 { style(.health, .danger) }
            if let next = s.nextDue, next <= state.today {
                style(.next, next < state.today ? .danger : .warning)
            }
            return TableRow(
                layout.cells(s, today: state.today, currency: state.currency),
                style: s.status == .lost || s.status == .former ? .dim : .normal, cellStyles: styles)
        }
        state.list.table.render(
            columns: layout.columns, count: shown.count, row: makeRow, into: &canvas, rect: rest)
    }

    /// Flags most serious first; when they do not all fit in `width`, the ones that fit
    /// and how many more there are ("no senior +1", or "late re… +2" when even one is
    /// too wide).
    static func flagText(_ flags: [WarningFlag], width: Int) -> String {
        let all = flags.map(\.short).joined(separator: ", ")
        guard flags.count > 1, DisplayWidth.of(all) > width else { return all }
        // The flags that fit, then how many more there are ("no senior +1").
        for shown in stride(from: flags.count - 1, through: 1, by: -1) {
            let text = flags.prefix(shown).map(\.short).joined(separator: ", ") + " +\(flags.count - shown)"
            if DisplayWidth.of(text) <= width { return text }
        }
        let more = " +\(flags.count - 1)"
        return DisplayWidth.truncate(flags[0].short, to: max(1, width - DisplayWidth.of(more))) + more
    }

    /// "Maya" for "Maya Lindqvist": narrow tables show owners by first name.
    static func firstName(_ name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? name
    }

    static func tierShort(_ tier: Tier) -> String { tier == .standard ? "std" : tier.rawValue }

    static func arrow(_ change: Int?) -> String {
        guard let change else { return "" }
        return change < 0 ? "↓" : (change > 0 ? "↑" : "")
    }
}

/// Commands of the accounts table.
enum ListCommand: Sendable {
    case move, open, filter, sort, reverse, tierFilter, statusFilter, ownerFilter, flagFilter, clearFilters
    case add, log, concern, edit, delete, undo, quit
}

extension Keymaps {
    static let accounts = Keymap<ListCommand>(
        "Accounts",
        [
            Binding(navigation, .move, help: "Move: j/k or arrows, g/G first/last, PgUp/PgDn"),
            Binding([.enter], .open, label: "open", help: "Open the selected account"),
            Binding(
                [.char("/")], .filter, label: "filter",
                help: "Filter as you type (name, owner, tags, contacts); Esc clears"),
            Binding(
                [.char("s")], .sort, label: "sort",
                help: "Cycle the sort: name, value, health, last, next, flags, tier, renewal"),
            Binding([.char("t")], .tierFilter, help: "Cycle the tier filter: all, key, core, standard"),
            Binding(
                [.char("S")], .statusFilter,
                help: "Cycle the status filter: all, active, at risk, lost, former"),
            Binding([.char("o")], .ownerFilter, help: "Cycle the owner filter through the owners"),
            Binding([.char("x")], .clearFilters, help: "Clear every filter"),
            Binding([.char("r")], .reverse, help: "Turn the sort round"),
            Binding([.char("f")], .flagFilter, help: "Cycle the warning-flag filter (:filter combines them)"),
            Binding([.char("l")], .log, label: "log", help: "Log a touchpoint for the selected account"),
            Binding(
                [.char("c")], .concern, label: "concern",
                help: "Record a customer concern for the selected account"),
            Binding([.char("a")], .add, label: "add", help: "Add an account"),
            Binding([.char("e")], .edit, help: "Edit the selected account's facts"),
            Binding([.char("d")], .delete, help: "Delete the selected account (asks first; u undoes)"),
            Binding([.char("u")], .undo, help: "Undo the last delete"),
            Binding([.char("q")], .quit, help: "Quit")
        ])
}
