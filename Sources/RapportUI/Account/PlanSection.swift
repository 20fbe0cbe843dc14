import RapportCore
import TUIKit

/// The account's relationship-for-life plan: what it is, what it needs to be, the
/// items that get it there, and the gaps it should close.
enum PlanSection: AccountSectionContent {
    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { a.plan?.items.count ?? 0 }

    /// `a`: a plan item, or with no plan yet, the plan itself.
    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard a.plan != nil else { return start(&state, a) }
        state.overlay = .form(.addPlanItem(account: a.id), PlanItemForm.make(nil, in: a))
    }

    /// `e`: the selected item, or with no items, what the relationship is and needs to be.
    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let item = a.plan?.items[safe: view.table.selection] else {
            if a.plan != nil {
                state.overlay = .form(.planStates(account: a.id, a.plan), PlanStatesForm.make(a.plan))
            }
            return
        }
        state.overlay = .form(
            .editPlanItem(account: a.id, item), PlanItemForm.make(item, in: a))
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        a.plan?.items[safe: view.table.selection].map {
            .deleteRecord(
                account: a.id, .removePlanItem($0.id), undo: .addPlanItem($0),
                what: "plan item \"\($0.title)\"")
        }
    }

    static let keymap: Keymap<PlanCommand>? = Keymaps.plan

    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: PlanCommand
    ) -> [Effect] {
        let item = a.plan?.items[safe: view.table.selection]
        switch command {
        case .start:
            start(&state, a)
        case .states:
            state.overlay = .form(.planStates(account: a.id, a.plan), PlanStatesForm.make(a.plan))
        case .done:
            guard let item else {
                state.message = Message(
                    a.plan == nil
                        ? "No plan yet: p starts one from the playbook" : "No item selected: a adds one")
                return []
            }
            let followUp = FollowUp(
                accountID: a.id, accountName: a.name, title: item.title, ref: .planItem(item.id),
                due: item.nextDue ?? state.today, owner: item.owner, why: "")
            state.overlay = .form(.completeFollowUp(followUp), CompletionForm.make(followUp))
        case .pause:
            guard let item else { return [] }
            var changed = item
            changed.paused.toggle()
            return [
                .mutate(
                    a.id, [.editPlanItem(base: item, mine: changed)],
                    message: changed.paused ? "Paused: \(item.title)" : "Resumed: \(item.title)")
            ]
        case .moveUp, .moveDown:
            guard let item else { return [] }
            let offset = command == .moveUp ? -1 : 1
            state.accountView?.table.move(offset, count: a.plan?.items.count ?? 0)
            return [.mutate(a.id, [.movePlanItem(item.id, offset: offset)], message: "Moved \(item.title)")]
        case .fixGap:
            return fixGap(&state, a)
        case .export:
            return [
                .export(
                    fileName: "\(slug(a.name))-plan.md", text: PlanDocument.markdown(a, today: state.today))
            ]
        }
        return []
    }

    /// A plan from the playbook (its review form), or without a playbook, an empty one.
    static func start(_ state: inout AppState, _ a: Account) {
        guard a.plan == nil else {
            state.message = Message(
                "\(a.name) already has a plan; a adds items, w edits what it is and needs to be")
            return
        }
        guard let playbook = state.playbook else {
            state.overlay = .form(.planStates(account: a.id, nil), PlanStatesForm.make(nil))
            return
        }
        state.overlay = .form(.startPlan(account: a.id), StartPlanForm.make(playbook, for: a))
    }

    /// Offers the fix for the first gap: a contact form at the missing level, or the
    /// playbook's regular main-contact meeting.
    static func fixGap(_ state: inout AppState, _ a: Account) -> [Effect] {
        guard let gap = a.planGaps.first else {
            state.message = Message(
                "No gaps: the plan covers senior leaders, indirect contacts and a regular meeting")
            return []
        }
        switch gap {
        case .noSeniorContact, .noIndirectContacts:
            let level: ContactLevel = gap == .noSeniorContact ? .senior : .indirect
            state.overlay = .form(.addContact(account: a.id), ContactForm.make(nil, level: level))
        case .noRegularMeeting:
            guard a.plan != nil else {
                state.message = Message("Start a plan first: p offers the playbook")
                return []
            }
            guard let step = state.playbook?.step(.mainContactMeeting) else {
                state.overlay = .form(.addPlanItem(account: a.id), PlanItemForm.make(nil, in: a))
                return []
            }
            var random = SystemRandomNumberGenerator()
            let item = state.playbook!.item(
                step, for: a, owner: a.owner, startingOn: state.today, using: &random)
            return [
                .mutate(a.id, [.addPlanItem(item)], message: "Added: \(item.title), \(item.cadence.label)")
            ]
        }
        return []
    }

    static func slug(_ name: String) -> String {
        let words = name.lowercased().split { !$0.isLetter && !$0.isNumber }
        return words.isEmpty ? "account" : words.joined(separator: "-")
    }

    // MARK: Rendering

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        guard let plan = a.plan else {
            let lines = [
                ("No relationship plan yet.", Style.title),
                ("", .normal),
                ("A plan moves the relationship from what it is to what it needs to be, through", .normal),
                ("recurring items whose cadences drive the due list.", .normal),
                ("", .normal),
                ("p  start from the playbook (keep, edit or drop each standard step)", .normal)
            ]
            for (i, line) in lines.enumerated() where i < rect.height {
                canvas.put(line.0, x: rect.x + 2, y: rect.y + i, style: line.1, limit: rect.width - 2)
            }
            renderGaps(
                a, into: &canvas, x: rect.x + 2, y: rect.y + lines.count + 1, width: rect.width - 2,
                limit: rect.maxY)
            return
        }
        var y = rect.y
        canvas.put("What it is:  ", x: 0, y: y, style: .dim)
        canvas.put(
            summary(plan.currentState), x: 13, y: y, style: plan.currentState.isEmpty ? .dim : .normal,
            limit: rect.width - 13)
        y += 1
        canvas.put("Needs to be: ", x: 0, y: y, style: .dim)
        canvas.put(
            summary(plan.targetState), x: 13, y: y, style: plan.targetState.isEmpty ? .dim : .normal,
            limit: rect.width - 13)
        y += 1
        y = renderGaps(a, into: &canvas, x: 0, y: y, width: rect.width, limit: rect.maxY - 2)
        let tableRect = Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y)
        let rows = plan.items.map { item -> TableRow in
            let status = item.status(on: context.today)
            let with = item.contactIDs.compactMap { a.contact($0)?.name }.joined(separator: ", ")
            let style: Style =
                status == .overdue
                ? .danger : (status == .due ? .warning : (status == .paused ? .dim : .good))
            return TableRow(
                [
                    item.title, with.isEmpty ? "-" : with, AccountsScreen.firstName(item.owner),
                    item.cadence.label,
                    item.lastDone?.iso ?? "never", item.paused ? "-" : (item.nextDue?.iso ?? "done"),
                    status.rawValue
                ],
                style: item.paused ? .dim : .normal, cellStyles: [6: style])
        }
        table(
            &view, rows,
            [
                Column("What", .flexible(min: 14)), Column("With", .fixed(12)), Column("Owner", .fixed(6)),
                Column("Cadence", .fixed(9)), Column("Last done", .fixed(10)), Column("Next due", .fixed(10)),
                Column("Status", .fixed(8))
            ],
            empty: "No items. a adds one; f adds the regular main-contact meeting.", into: &canvas,
            rect: tableRect)
    }

    /// The gap lines; returns the next free row.
    @discardableResult
    static func renderGaps(_ a: Account, into canvas: inout Canvas, x: Int, y: Int, width: Int, limit: Int)
        -> Int
    {
        var y = y
        let gaps = a.planGaps
        for (i, gap) in gaps.enumerated() where y < limit {
            canvas.put("⚠ " + gap.message + (i == 0 ? " (f)" : ""), x: x, y: y, style: .warning, limit: width)
            y += 1
        }
        return y
    }

    /// The first line of a text, or a hint when empty.
    static func summary(_ text: String) -> String {
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        return first.isEmpty ? "not written yet (w)" : first
    }
}

/// Commands of the plan section (besides the account view's own).
enum PlanCommand: Sendable { case start, states, done, pause, moveUp, moveDown, fixGap, export }

extension Keymaps {
    static let plan = Keymap<PlanCommand>(
        "Plan section",
        [
            Binding(
                [.char("p")], .start, label: "playbook",
                help: "Start a plan from the playbook (keep, edit or drop each step)"),
            Binding(
                [.char("x")], .done, label: "done",
                help: "Mark the selected item done (with a note; logs the touchpoint)"),
            Binding(
                [.char("w")], .states, label: "write",
                help: "Write what the relationship is and what it needs to be"),
            Binding(
                [.char("f")], .fixGap, label: "fix gap",
                help: "Fix the first gap: add the missing contact or the regular meeting"),
            Binding([.char("z")], .pause, help: "Pause or resume the selected item (P is the portfolio)"),
            Binding([.char("K")], .moveUp, help: "Move the selected item up"),
            Binding([.char("J")], .moveDown, help: "Move the selected item down"),
            Binding(
                [.char("X")], .export, help: "Export the plan as Markdown (a file in the current directory)")
        ])
}
