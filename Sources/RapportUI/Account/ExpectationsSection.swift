import RapportCore
import TUIKit

/// Expectations agreed up front: the checklist, goals with an honest chance, barriers.
enum ExpectationsSection: AccountSectionContent {
    /// The set shown, of the account's sets of expectations (one per project).
    static func shownSet(_ a: Account, _ view: AccountViewState) -> ExpectationSet? {
        a.expectations[safe: view.expectationSet]
    }

    /// The goals of the set shown.
    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int {
        shownSet(a, view)?.goals.count ?? 0
    }

    /// `a`: a goal of the set shown, or with no set yet, the first set.
    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let set = shownSet(a, view) else {
            state.overlay = .form(.addExpectations(account: a.id), ExpectationsForm.make(nil))
            return
        }
        state.overlay = .form(.addGoal(account: a.id, set: set.id), GoalForm.make(nil))
    }

    /// `e`: the selected goal, or with none, the set's checklist.
    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let set = shownSet(a, view) else { return }
        if let g = set.goals[safe: view.table.selection] {
            state.overlay = .form(.editGoal(account: a.id, set: set.id, g), GoalForm.make(g))
        } else {
            state.overlay = .form(.editExpectations(account: a.id, set), ExpectationsForm.make(set))
        }
    }

    /// `d`: the selected goal.
    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        guard let set = shownSet(a, view), let g = set.goals[safe: view.table.selection] else { return nil }
        return .deleteRecord(
            account: a.id, .removeGoal(set: set.id, g.id), undo: .addGoal(set: set.id, g),
            what: "goal \"\(g.text)\"")
    }

    static let keymap: Keymap<ExpectationCommand>? = Keymaps.expectations

    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: ExpectationCommand
    ) -> [Effect] {
        let set = shownSet(a, view)
        switch command {
        case .newSet:
            state.overlay = .form(.addExpectations(account: a.id), ExpectationsForm.make(nil))
        case .checklist:
            if let set {
                state.overlay = .form(.editExpectations(account: a.id, set), ExpectationsForm.make(set))
            } else {
                state.overlay = .form(.addExpectations(account: a.id), ExpectationsForm.make(nil))
            }
        case .nextSet, .previousSet:
            state.accountView?.showExpectationSet(by: command == .nextSet ? 1 : -1, of: a.expectations.count)
        }
        return []
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        guard let e = shownSet(a, view) else {
            canvas.put(
                "No expectations recorded. n writes them down: what they liked and disliked before, what would earn",
                x: 0, y: rect.y, style: .dim, limit: rect.width)
            canvas.put(
                "rave reviews, reports, dates, who does what, and the agreed answer to \"what if we miss?\"",
                x: 0, y: rect.y + 1, style: .dim, limit: rect.width)
            return
        }
        var y = rect.y
        let which =
            a.expectations.count > 1
            ? " (\(view.expectationSet + 1) of \(a.expectations.count); [ ] switch)" : ""
        canvas.put(
            "\(e.title)\(which)" + (e.agreedOn.map { " · agreed \($0.iso)" } ?? ""), x: 0, y: y,
            style: .title, limit: rect.width)
        y += 1
        let blank = e.blankAnswers
        canvas.put(
            blank.isEmpty ? "Checklist complete" : "Still blank (w): " + blank.joined(separator: ", "), x: 0,
            y: y,
            style: blank.isEmpty ? .good : .warning, limit: rect.width)
        y += 1
        canvas.put(
            "If we miss: "
                + (e.ifWeMiss.isEmpty ? "not agreed yet" : e.ifWeMiss.replacingText("\n", with: " ")), x: 0,
            y: y,
            style: e.ifWeMiss.isEmpty ? .warning : .normal, limit: rect.width)
        y += 2
        let rows = e.goals.map { g -> TableRow in
            let ours = g.barriers.filter(\.underOurControl).count
            let theirs = g.barriers.count - ours
            return TableRow(
                [
                    g.text, "\(g.probability)%",
                    g.isLongShot ? "coin toss or worse" : (g.probability >= 90 ? "" : "below 90%"),
                    "\(ours) ours, \(theirs) not"
                ],
                cellStyles: [1: g.isLongShot ? .danger : (g.probability >= 90 ? .good : .warning), 2: .danger]
            )
        }
        table(
            &view, rows,
            [
                Column("Goal", .flexible(min: 16)), Column("Chance", .fixed(6), alignRight: true),
                Column("", .fixed(18)), Column("Barriers", .fixed(15))
            ],
            empty: "No goals yet: a adds one with an honest chance of success.", into: &canvas,
            rect: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y))
    }
}

extension AccountViewState {
    /// Shows the next (`offset` 1) or previous (-1) of `count` sets of expectations, its
    /// goals from the top; with none, nothing changes.
    mutating func showExpectationSet(by offset: Int, of count: Int) {
        guard count > 0 else { return }
        expectationSet = (expectationSet + (offset > 0 ? 1 : count - 1)) % count
        table = TableView()
    }
}

/// Commands of the Expectations section (besides add/edit/delete).
enum ExpectationCommand: Sendable { case newSet, checklist, nextSet, previousSet }

extension Keymaps {
    static let expectations = Keymap<ExpectationCommand>(
        "Expectations section",
        [
            Binding(
                [.char("w")], .checklist, label: "checklist", help: "Write the up-front checklist answers"),
            Binding([.char("n")], .newSet, label: "project", help: "Expectations for another project"),
            Binding([.char("]")], .nextSet, help: "Next project's expectations"),
            Binding([.char("[")], .previousSet, help: "Previous project's expectations")
        ])
}
