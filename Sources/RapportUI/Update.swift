import RapportCore
import TUIKit

/// The one place state changes: applies an action and returns the work to do.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .key(let key):
        return handleKey(&state, key)
    case .resize(let width, let height):
        state.width = width
        state.height = height
        return []
    case .loaded(let digests, let problems):
        state.setDigests(digests)
        if problems != state.problems, let warning = AppState.warning(problems) { state.message = warning }
        state.problems = problems
        if let id = state.screen.accountID {
            if state.digest(id) == nil {
                state.screen = .accounts
            } else {
                return [.loadAccount(id, retry: nil)]
            }
        }
        return []
    case .changedOnDisk(let digests, let problems):
        let changes = state.takeDiskChanges(digests)
        state.problems = problems
        if let sentence = changes.sentence { state.message = Message(sentence) }
        guard let open = state.screen.accountID else { return [] }
        guard state.digest(open) != nil else {
            state.screen = .accounts
            return []
        }
        return [.refreshAccount(open, report: !changes.ids.contains(open))]
    case .found(let query, let hits, let problems):
        state.problems = problems
        SearchScreen.show(&state, query: query, hits: hits)
        return []
    case .accountRefreshed(let account, let report):
        let shown = state.account(account.id)
        state.keep(account)
        if report, let shown, shown != account { state.message = Message("\(account.name) changed on disk") }
        return []
    case .accountLoaded(let account, let retry):
        state.keep(account)
        if case .account(var view) = state.screen, view.id == account.id, view.focus != nil {
            view.focusRecord(in: account)
            state.screen = .account(view)
        }
        return retry.map { handleKey(&state, $0) } ?? []
    case .saved(let account, let message), .created(let account, let message):
        state.store(account)
        state.message = Message(message)
        return []
    case .deleted(let id, let message):
        state.remove(id)
        if state.screen.accountID == id { state.screen = .accounts }
        state.message = Message(message)
        return []
    case .conflicted(let conflict, let stored, let mutations, let message):
        state.store(stored)
        state.overlay = .conflict(ConflictReview(conflict, mutations: mutations, message: message))
        state.message = nil
        return []
    case .failed(let message):
        state.message = Message(message, isError: true)
        return [.reload]
    case .edited(let field, let text, let error):
        if let error { state.message = Message(error, isError: true) }
        if let text, case .form(let purpose, var form)? = state.overlay, var f = form[field] {
            f.input.text = TerminalCharacters.typeable(text)
            form[field] = f
            state.overlay = .form(purpose, form)
        }
        return []
    case .storeCreated(let accounts):
        for account in accounts { state.store(account) }
        state.screen = .accounts
        state.message = Message(
            accounts.isEmpty
                ? "Empty store created: press a to add your first account"
                : "Demo portfolio created: \(accounts.count) accounts")
        return []
    case .exported(let path):
        state.message = Message("Wrote \(path)")
        return []
    case .swept(let names, let digests):
        _ = state.takeDiskChanges(digests)
        state.message = Message(SweepWording.message(names))
        return []
    case .synced(let report):
        state.message = Message(
            TeamSyncSummary.message(report), isError: report.failure != nil)
        return []
    case .terminate:
        // Pending edits first: an open form that can be saved is saved.
        state.quitting = true
        switch state.overlay {
        case .form(let purpose, let form)?:
            return FormSubmission.submit(purpose, form, state: &state)
        case .conflict(let review)?:
            // As Esc would: theirs for every conflicting field, the rest of mine saved.
            return ConflictReview.settle(review.choosingAll(.theirs), state: &state)
        default:
            return []
        }
    }
}

private func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    if key == .resize { return [] }
    // Ctrl-J is a line break in a form's multi-line field; everywhere else it is Enter.
    if key == .ctrl("j"), !isFormOpen(state) { return handleKey(&state, .enter) }
    if state.width < AppState.minimumWidth || state.height < AppState.minimumHeight {
        if key == .char("Q") {
            state.quitting = true
            return []
        }
        return []
    }
    if case .form(let purpose, var form)? = state.overlay {
        // Taken out of the state so that `form` is its only holder and is edited in place:
        // edited through a second copy, every keystroke would copy a long text.
        state.overlay = nil
        return handleForm(&state, purpose, &form, key)
    }
    if let overlay = state.overlay { return handleOverlay(&state, overlay, key) }
    if state.list.filtering, state.screen == .accounts { return AccountsScreen.handleFilterKey(&state, key) }
    if state.due.filtering, state.screen == .due { return DueScreen.handleFilterKey(&state, key) }
    state.message = nil
    if let command = Keymaps.global.command(for: key) {
        switch command {
        case .help: state.overlay = .help(scroll: 0)
        case .commandLine: state.overlay = .command(TextField())
        case .search: state.overlay = .command(TextField("search "))
        case .redraw: return [.redraw, .checkDisk]
        case .dueList: DueScreen.show(&state)
        case .portfolio: PortfolioScreen.show(&state)
        case .quit:
            state.quitting = true
            return []
        }
        return []
    }
    switch state.screen {
    case .welcome: return WelcomeScreen.handle(&state, key)
    case .review(let review): return DefectionReviewScreen.handle(&state, review, key)
    case .accounts: return AccountsScreen.handle(&state, key)
    case .account(let view): return AccountScreen.handle(&state, view, key)
    case .due: return DueScreen.handle(&state, key)
    case .worksheet(let editor): return WorksheetEditor.handle(&state, editor, key)
    case .search(let search): return SearchScreen.handle(&state, search, key)
    case .portfolio(let view): return PortfolioScreen.handle(&state, view, key)
    }
}

private func handleOverlay(_ state: inout AppState, _ overlay: Overlay, _ key: Key) -> [Effect] {
    switch overlay {
    case .help(let scroll):
        switch Keymaps.help.command(for: key) {
        case .close: state.overlay = nil
        case .down: state.overlay = .help(scroll: scroll + 1)
        case .up: state.overlay = .help(scroll: max(0, scroll - 1))
        case nil: break
        }
        return []
    case .confirm(let purpose):
        guard let answer = Keymaps.confirm.command(for: key) else { return [] }
        return Confirmation.answer(purpose, yes: answer == .yes, state: &state)
    case .command(var field):
        switch key {
        case .escape: state.overlay = nil
        case .enter:
            state.overlay = nil
            return CommandPrompt.run(field.text, state: &state)
        default:
            if key == .backspace && field.text.isEmpty {
                state.overlay = nil
                return []
            }
            field.handle(key)
            state.overlay = .command(field)
        }
        return []
    case .litmus(let run):
        return LitmusRunner.handle(&state, run, key)
    case .conflict(let review):
        return ConflictReview.handle(&state, review, key)
    case .settle(let settlement):
        return MergeConflictSettlement.handle(&state, settlement, key)
    case .form(let purpose, var form):
        return handleForm(&state, purpose, &form, key)
    }
}

/// A key in an open form; the form is put back unless it was saved or cancelled.
private func handleForm(_ state: inout AppState, _ purpose: FormPurpose, _ form: inout Form, _ key: Key)
    -> [Effect]
{
    switch form.handle(key) {
    case .editing:
        state.overlay = .form(purpose, form)
    case .cancel:
        state.overlay = nil
        state.message = Message("Cancelled; nothing saved")
    case .submit:
        state.overlay = .form(purpose, form)
        return FormSubmission.submit(purpose, form, state: &state)
    case .openEditor(let field):
        state.overlay = .form(purpose, form)
        return [.openEditor(field: field, text: form[field]?.value ?? "")]
    }
    return []
}

private func isFormOpen(_ state: AppState) -> Bool {
    if case .form? = state.overlay { return true }
    return false
}
