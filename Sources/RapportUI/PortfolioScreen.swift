import RapportCore
import TUIKit

/// The portfolio screen's own state: which of its lines is selected, and how far it scrolled.
public struct PortfolioScreenState: Equatable, Sendable {
    /// The selected line, counted among the lines that stand for accounts.
    var selection = 0
    var scroll = 0
}

/// The book at a glance (`P`, `:portfolio`; D50): value, value at risk and why, renewals,
/// health bands, flags, seasons, owners, the last year's health and the last week's
/// changes. Enter on a line opens the accounts table showing exactly its accounts.
enum PortfolioScreen {
    static func show(_ state: inout AppState) {
        state.screen = .portfolio(PortfolioScreenState())
        state.overlay = nil
        state.message = nil
    }

    static func lines(_ state: AppState) -> [PortfolioLines.Line] {
        PortfolioLines.lines(
            Portfolio(state.digests, today: state.today), currency: state.currency, width: state.width)
    }

    /// The positions of the lines that stand for accounts (the ones Enter opens).
    static func selectable(_ lines: [PortfolioLines.Line]) -> [Int] {
        lines.indices.filter { !(lines[$0].ids ?? []).isEmpty }
    }

    static func handle(_ state: inout AppState, _ view: PortfolioScreenState, _ key: Key) -> [Effect] {
        guard let command = Keymaps.portfolio.command(for: key) else { return [] }
        var view = view
        switch command {
        // Moving needs no figures: drawing keeps the selection on a line (one pass over the
        // digests a key, not two).
        case .down: view.selection += 1
        case .up: view.selection = max(view.selection - 1, 0)
        case .open:
            let all = lines(state)
            let rows = selectable(all)
            guard !rows.isEmpty else { return [] }
            let line = all[rows[min(view.selection, rows.count - 1)]]
            state.list.conditions = AccountFilter()
            state.list.conditions.only = AccountFilter.Selection(label: line.label, ids: Set(line.ids ?? []))
            state.list.filter = TextField()
            state.list.table.selection = 0
            state.screen = .accounts
            state.message = Message(
                "\(line.ids?.count ?? 0) account\(line.ids?.count == 1 ? "" : "s"): \(line.label) (x clears)")
            return []
        case .back:
            state.screen = .accounts
            return []
        }
        state.screen = .portfolio(view)
        return []
    }

    static func render(
        _ state: AppState, _ view: inout PortfolioScreenState, into canvas: inout Canvas, body: Rect
    ) {
        let all = lines(state)
        let rows = selectable(all)
        canvas.put("Portfolio · \(state.today.iso)", x: 0, y: body.y, style: .title, limit: body.width)
        let rest = body.splitTop(1).1
        view.selection = min(view.selection, max(0, rows.count - 1))
        let selected = rows.indices.contains(view.selection) ? rows[view.selection] : nil
        if let selected {
            if selected < view.scroll { view.scroll = selected }
            if selected >= view.scroll + rest.height { view.scroll = selected - rest.height + 1 }
        }
        for (offset, index) in (view.scroll..<all.count).prefix(rest.height).enumerated() {
            let line = all[index]
            let style: Style
            switch line.kind {
            case .heading: style = .title
            case .warning: style = .warning
            case .dim: style = .dim
            case .normal: style = .normal
            }
            let y = rest.y + offset
            if index == selected {
                canvas.fill(Rect(x: 0, y: y, width: rest.width, height: 1), style: .selected)
                canvas.put(line.text, x: 0, y: y, style: .selected, limit: rest.width)
            } else {
                canvas.put(line.text, x: 0, y: y, style: style, limit: rest.width)
            }
        }
    }
}

/// Commands of the portfolio screen.
enum PortfolioCommand: Sendable { case down, up, open, back }

extension Keymaps {
    static let portfolio = Keymap<PortfolioCommand>(
        "Portfolio",
        [
            Binding([.char("j"), .down], .down, help: "Next line"),
            Binding([.char("k"), .up], .up, help: "Previous line"),
            Binding(
                [.enter], .open, label: "accounts", help: "The accounts table, showing this line's accounts"),
            Binding([.escape, .char("q")], .back, label: "back", help: "Back to the accounts")
        ])
}
