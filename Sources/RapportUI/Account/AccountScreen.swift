import RapportCore
import TUIKit

/// The account view's own state, for one visit (it is carried by `Screen.account`).
public struct AccountViewState: Equatable, Sendable {
    /// The account shown.
    var id: RecordID
    var section: AccountSection = .overview
    /// Which expectation set the Expectations section shows.
    var expectationSet = 0
    var table = TableView()
    /// Where Esc goes back to (the accounts table, or the due list it was opened from).
    var back: Screen = .accounts
    /// A due item's record to select once the account is loaded (opened from the due list).
    var focus: DueRef?

    /// Selects the `focus` record's row when the account is at hand, and forgets it.
    mutating func focusRecord(in account: Account?) {
        guard let ref = focus, let account else { return }
        focus = nil
        if let row = DueScreen.row(of: ref, in: account) { table.selection = row }
    }

    /// Moves the selection over the section's `rows`.
    mutating func move(_ key: Key, rows: Int, pageSize: Int) {
        _ = table.handle(key, count: rows, pageSize: pageSize)
    }

    /// Tab, S-Tab or a digit: another section, from its top (0 is the tenth).
    mutating func switchSection(_ command: ViewCommand, _ key: Key) {
        let all = AccountSection.allCases
        let current = all.firstIndex(of: section)!
        var next = command == .nextSection ? (current + 1) % all.count : (current + all.count - 1) % all.count
        if case .char(let c) = key, let n = Int(String(c)) { next = n == 0 ? all.count - 1 : n - 1 }
        section = all[next]
        table = TableView()
    }
}

/// One account: vital facts and flags on top, then a tab bar and the section chosen.
/// Each section's rows, records, keys and drawing are its own (`AccountSection.content`).
enum AccountScreen {
    static func handle(_ state: inout AppState, _ view: AccountViewState, _ key: Key) -> [Effect] {
        guard let account = state.account(view.id) else {
            state.screen = .accounts
            return []
        }
        let section = view.section.content
        if let effects = section.handle(&state, account, view, key: key) { return effects }
        guard let command = Keymaps.account.command(for: key) else { return [] }
        switch command {
        case .move:
            let pageSize = state.height - 10
            state.accountView?.move(key, rows: section.rowCount(account, view), pageSize: pageSize)
        case .back:
            state.screen = view.back
        case .nextSection, .previousSection, .section:
            state.accountView?.switchSection(command, key)
        case .log:
            state.overlay = .form(
                .logTouchpoint(account: account.id), TouchpointForm.make(nil, in: account))
        case .concern:
            state.overlay = .form(
                .addConcern(account: account.id), ConcernForm.make(nil, in: account))
        case .add:
            section.add(&state, account, view)
        case .edit:
            section.edit(&state, account, view)
        case .delete:
            if let purpose = section.deletion(account, view) { state.overlay = .confirm(purpose) }
        case .undo:
            return Undo.perform(&state)
        }
        return []
    }

    // MARK: Rendering

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        body: Rect
    ) {
        var y = header(a, context, into: &canvas, y: body.y)
        tabBar(view.section, into: &canvas, y: y, width: body.width)
        y += 1
        let rect = Rect(x: 0, y: y, width: body.width, height: body.maxY - y)
        view.section.content.render(a, &view, context, into: &canvas, rect: rect)
    }

    /// Name and vital facts, money and health, warning flags; returns the next free row.
    static func header(_ a: Account, _ context: ScreenContext, into canvas: inout Canvas, y: Int) -> Int {
        var y = y
        let facts =
            "\(a.tier.rawValue) · \(a.status.label) · \(a.season.rawValue) · \(a.owner.isEmpty ? "no owner" : a.owner)"
        let used = canvas.put(a.name, x: 0, y: y, style: .title)
        canvas.put("  " + facts, x: used, y: y, style: a.status == .atRisk ? .danger : .normal)
        y += 1
        var line =
            "\(Money.short(a.annualValue, currency: context.currency))/yr · lifetime \(Money.short(a.lifetimeValue, currency: context.currency))"
        if let h = a.health {
            line += " · health \(h)\(AccountsScreen.arrow(a.healthChange))"
        } else {
            line += " · no litmus test yet"
        }
        line += " · last touch " + (a.lastTouch.map { ago($0, context.today) } ?? "never")
        if let c = a.contract {
            let days = context.today.days(until: c.renewsOn)
            line +=
                " · renews " + (days < 0 ? "\(-days)d ago, not marked" : days == 0 ? "today" : "in \(days)d")
        }
        canvas.put(line, x: 0, y: y)
        y += 1
        let flags = a.warningFlags(on: context.today)
        if flags.isEmpty {
            canvas.put("No warning signs", x: 0, y: y, style: .good)
        } else {
            canvas.put(
                "⚠ " + flags.map(\.short).joined(separator: " · "), x: 0, y: y,
                style: flags.count >= 3 ? .danger : .warning)
        }
        if let loss = a.loss {
            y += 1
            canvas.put(loss.line(currency: context.currency, money: Money.short), x: 0, y: y, style: .danger)
        }
        return y + 1
    }

    /// Every section by number and title when they fit; otherwise four letters, the
    /// current one in full.
    static func tabBar(_ current: AccountSection, into canvas: inout Canvas, y: Int, width: Int) {
        let full = AccountSection.allCases.map { " \($0.rawValue % 10) \($0.title) " }
        let fits = full.reduce(0) { $0 + DisplayWidth.of($1) } <= width
        var x = 0
        for (section, label) in zip(AccountSection.allCases, full) {
            let text = fits || section == current ? label : " \(section.rawValue % 10) \(section.short)"
            x += canvas.put(text, x: x, y: y, style: section == current ? .selected : .dim)
        }
    }
}

/// "today", "yesterday" or "12d ago".
func ago(_ day: Day, _ today: Day) -> String {
    let days = day.days(until: today)
    switch days {
    case 0: return "today"
    case 1: return "yesterday"
    case ..<0: return "in \(-days)d"
    default: return "\(days)d ago"
    }
}

/// Commands of the account view.
enum ViewCommand: Sendable {
    case move, back, nextSection, previousSection, section
    case log, concern, add, edit, delete, undo
}

extension Keymaps {
    static let account = Keymap<ViewCommand>(
        "Account",
        [
            Binding(navigation, .move, help: "Move within the section"),
            Binding(
                [.tab, .right], .nextSection, label: "section", help: "Next section (Tab), previous (S-Tab)"),
            Binding([.backTab, .left], .previousSection, help: "Previous section"),
            Binding(
                (0...9).map { .char(Character(String($0))) }, .section,
                help: "Jump to a section by number (0 is Expectations)"),
            Binding([.char("l")], .log, label: "log", help: "Log a touchpoint"),
            Binding([.char("c")], .concern, label: "concern", help: "Record a customer concern"),
            Binding(
                [.char("a")], .add, label: "add",
                help:
                    "Add to the section: contact, team member, touchpoint, concern, plan item, worksheet, measure, risk or goal"
            ),
            Binding(
                [.char("e")], .edit, label: "edit",
                help: "Edit the selected record (the account's facts on Overview)"),
            Binding(
                [.char("d")], .delete, label: "del", help: "Delete the selected record (asks first; u undoes)"
            ),
            Binding([.char("u")], .undo, help: "Undo the last delete"),
            Binding([.escape, .char("q")], .back, label: "back", help: "Back to the accounts")
        ])
}
