import RapportCore
import TUIKit

/// Draws the whole screen for `state`. Takes `inout` state only to keep table scroll
/// positions in step with what is visible; it changes nothing a user would notice.
public func render(_ state: inout AppState, into canvas: inout Canvas) {
    canvas.fill(canvas.bounds)
    if canvas.width < AppState.minimumWidth || canvas.height < AppState.minimumHeight {
        Chrome.tooSmall(
            minimumWidth: AppState.minimumWidth, minimumHeight: AppState.minimumHeight, into: &canvas)
        return
    }
    let (rest, footer) = canvas.bounds.splitBottom(1)
    let (body, messageLine) = rest.splitBottom(1)
    switch state.screen {
    case .welcome:
        WelcomeScreen.render(state, into: &canvas, body: body)
    case .review(var review):
        if let account = state.account(review.account) {
            DefectionReviewScreen.render(&review, account, state, into: &canvas, body: body)
            state.screen = .review(review)
        }
    case .accounts:
        AccountsScreen.render(&state, into: &canvas, body: body)
    case .account(var view):
        if let account = state.account(view.id) {
            AccountScreen.render(account, &view, state.context, into: &canvas, body: body)
            state.screen = .account(view)
        }
    case .due:
        DueScreen.render(&state, into: &canvas, body: body)
    case .search(var search):
        SearchScreen.render(&search, into: &canvas, body: body)
        state.screen = .search(search)
    case .portfolio(var view):
        PortfolioScreen.render(state, &view, into: &canvas, body: body)
        state.screen = .portfolio(view)
    case .worksheet(var editor):
        if let account = state.account(editor.account),
            let w = WorksheetEditor.worksheet(state, editor.account, editor.worksheet)
        {
            WorksheetEditor.render(&editor, account, w, state.context, into: &canvas, body: body)
            state.screen = .worksheet(editor)
        }
    }
    if let message = state.message {
        canvas.put(
            DisplayWidth.elidingMiddle(message.text, to: canvas.width), x: 0, y: messageLine.y,
            style: message.isError ? .danger : .accent)
    }
    Chrome.footer(footerHints(state), into: &canvas, y: footer.y)
    switch state.overlay {
    case .help(let scroll)?:
        Chrome.help(title: "Rapport help", sections: helpSections(state), scroll: scroll, into: &canvas)
    case .form(_, let form)?:
        form.render(into: &canvas)
    case .confirm(let purpose)?:
        Chrome.confirm(Confirmation.question(purpose, state), into: &canvas)
    case .command(let field)?:
        canvas.fill(messageLine)
        canvas.put(":", x: 0, y: messageLine.y, style: .accent)
        field.render(into: &canvas, x: 1, y: messageLine.y, width: canvas.width - 1, focused: true)
    case .litmus(let run)?:
        LitmusRunner.render(run, state.account(run.account), into: &canvas)
    case .conflict(let review)?:
        ConflictReview.render(review, into: &canvas)
    case .settle(let settlement)?:
        MergeConflictSettlement.render(settlement, into: &canvas)
    case nil:
        break
    }
}

func footerHints(_ state: AppState) -> [(keys: String, label: String)] {
    if case .form? = state.overlay { return Form.keymap.hints }
    if case .command? = state.overlay { return [("Enter", "run"), ("Esc", "cancel")] }
    if case .conflict? = state.overlay { return Keymaps.conflict.hints }
    if case .settle? = state.overlay { return Keymaps.settle.hints }
    if case .litmus? = state.overlay {
        return [("0–4", "answer"), ("c", "comment"), ("←", "back"), ("Esc", "cancel")]
    }
    if (state.list.filtering && state.screen == .accounts) || (state.due.filtering && state.screen == .due) {
        return [("type", "to filter"), ("Enter", "keep"), ("Esc", "clear"), ("↑↓", "move")]
    }
    switch state.screen {
    case .welcome: return Keymaps.welcome.hints
    case .review: return Keymaps.review.hints + Keymaps.global.hints
    case .accounts: return Keymaps.accounts.hints + Keymaps.global.hints
    case .account(let view):
        let section = view.section.content.hints
        return section + Keymaps.account.hints + Keymaps.global.hints
    case .worksheet: return Keymaps.worksheet.hints + Keymaps.global.hints
    case .search: return Keymaps.search.hints + Keymaps.global.hints
    case .portfolio: return Keymaps.portfolio.hints + Keymaps.global.hints
    case .due:
        // The band and horizon keys come last: shown where the width has room for them.
        let later: Set = ["today", "horizon"]
        let hints = Keymaps.due.hints
        return hints.filter { !later.contains($0.label) } + Keymaps.global.hints
            + hints.filter { later.contains($0.label) }
    }
}

func helpSections(_ state: AppState) -> [(title: String, lines: [(keys: String, help: String)])] {
    var sections: [(title: String, lines: [(keys: String, help: String)])] = []
    switch state.screen {
    case .account(let view):
        if let help = view.section.content.help { sections.append(help) }
        sections.append((Keymaps.account.title, Keymaps.account.helpLines))
    case .due: sections.append((Keymaps.due.title, Keymaps.due.helpLines))
    case .worksheet: sections.append((Keymaps.worksheet.title, Keymaps.worksheet.helpLines))
    case .welcome: sections.append((Keymaps.welcome.title, Keymaps.welcome.helpLines))
    case .review: sections.append((Keymaps.review.title, Keymaps.review.helpLines))
    case .accounts: sections.append((Keymaps.accounts.title, Keymaps.accounts.helpLines))
    case .search: sections.append((Keymaps.search.title, Keymaps.search.helpLines))
    case .portfolio: sections.append((Keymaps.portfolio.title, Keymaps.portfolio.helpLines))
    }
    sections.append((Keymaps.global.title, Keymaps.global.helpLines))
    sections.append((Keymaps.confirm.title, Keymaps.confirm.helpLines))
    sections.append((Keymaps.conflict.title, Keymaps.conflict.helpLines))
    sections.append((Keymaps.settle.title, Keymaps.settle.helpLines))
    sections.append((Form.keymap.title, Form.keymap.helpLines))
    sections.append((TextField.keymap.title, TextField.keymap.helpLines))
    sections.append((Keymaps.help.title, Keymaps.help.helpLines))
    return sections
}

/// Commands of the help overlay.
enum HelpCommand: Sendable { case close, down, up }

extension Keymaps {
    static let help = Keymap<HelpCommand>(
        "Help",
        [
            Binding([.escape, .char("?"), .char("q"), .enter], .close, help: "Close the help"),
            Binding([.char("j"), .down], .down, help: "Scroll down"),
            Binding([.char("k"), .up], .up, help: "Scroll up")
        ])
}
