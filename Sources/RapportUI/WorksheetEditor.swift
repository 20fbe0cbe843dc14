import RapportCore
import TUIKit

/// The worksheet editor's own state, for one worksheet opened (it is carried by
/// `Screen.worksheet`).
public struct WorksheetEditorState: Equatable, Sendable {
    /// The worksheet edited.
    var worksheet: RecordID
    var step: WorksheetStep
    /// The current step's list.
    var table = TableView()
    /// The account view the editor was opened from, as it was: Esc goes back to it.
    var back: AccountViewState

    /// The worksheet's account.
    var account: RecordID { back.id }

    /// Shows another step, its list from the top.
    mutating func show(_ step: WorksheetStep) {
        self.step = step
        table = TableView()
    }
}

/// The 7-step root-cause worksheet: a rail of the steps in their two phases on the
/// left, the current step with its prompt on the right, the execution frame below.
enum WorksheetEditor {
    static func worksheet(_ state: AppState, _ accountID: RecordID, _ id: RecordID) -> Worksheet? {
        state.account(accountID)?.worksheets.first { $0.id == id }
    }

    /// Opens `w` at `step` (at the step it has reached when nil). Esc comes back to the
    /// account view showing (or to the one the editor showing came from).
    static func open(
        _ state: inout AppState, _ accountID: RecordID, _ w: Worksheet, at step: WorksheetStep? = nil
    ) {
        let back =
            [state.accountView, state.worksheetEditor?.back].compactMap { $0 }.first { $0.id == accountID }
            ?? AccountViewState(id: accountID)
        state.screen = .worksheet(
            WorksheetEditorState(worksheet: w.id, step: step ?? w.currentStep, back: back))
        state.message = nil
    }

    /// Rows of the current step's list.
    static func rowCount(_ w: Worksheet, _ step: WorksheetStep) -> Int {
        switch step {
        case .explore: return w.causes.count
        case .solution, .implications: return w.options.count
        case .action: return w.actions.count
        case .define, .decision, .evaluation: return 0
        }
    }

    /// The step Tab, S-Tab or a digit goes to from `step`.
    static func step(_ command: WorksheetCommand, _ key: Key, from step: WorksheetStep) -> WorksheetStep {
        if case .char(let c) = key, let n = Int(String(c)), let s = WorksheetStep(rawValue: n) { return s }
        switch command {
        case .nextStep: return WorksheetStep(rawValue: min(7, step.rawValue + 1)) ?? step
        case .previousStep: return WorksheetStep(rawValue: max(1, step.rawValue - 1)) ?? step
        default: return step
        }
    }

    static func handle(_ state: inout AppState, _ editor: WorksheetEditorState, _ key: Key) -> [Effect] {
        let accountID = editor.account
        let id = editor.worksheet
        guard let account = state.account(accountID), let w = worksheet(state, accountID, id) else {
            state.screen = .account(editor.back)
            return []
        }
        guard let command = Keymaps.worksheet.command(for: key) else { return [] }
        let step = editor.step
        let i = editor.table.selection
        func form(_ part: WorksheetPart) {
            state.overlay = .form(
                .worksheetPart(account: accountID, worksheet: w, part),
                WorksheetPartForm.make(part, w, in: account))
        }
        func save(_ changed: Worksheet, _ message: String) -> [Effect] {
            [.mutate(accountID, [.editWorksheet(base: w, mine: changed)], message: message)]
        }
        switch command {
        case .move:
            _ = state.worksheetEditor?.table.handle(key, count: rowCount(w, step), pageSize: 8)
        case .nextStep, .previousStep, .step:
            let next = Self.step(command, key, from: step)
            if next.rawValue > step.rawValue && w.progress(of: step) == .empty {
                state.message = Message(
                    "Step \(step.rawValue) · \(step.title) is still empty; the rail shows the gap",
                    isError: true)
            } else {
                state.message = nil
            }
            state.worksheetEditor?.show(next)
        case .edit:
            switch step {
            case .define: form(.define)
            case .explore: if let c = w.causes[safe: i] { form(.cause(c.id)) } else { form(.cause(nil)) }
            case .solution: if let o = w.options[safe: i] { form(.option(o.id)) } else { form(.option(nil)) }
            case .implications:
                guard let o = w.options[safe: i] else {
                    state.message = Message("List the options first (step 3)", isError: true)
                    return []
                }
                form(.implications(o.id))
            case .decision:
                guard !w.options.isEmpty else {
                    state.message = Message(
                        "A decision picks one of the options: list them in step 3 first", isError: true)
                    return []
                }
                form(.decision)
            case .action: if let a = w.actions[safe: i] { form(.action(a.id)) } else { form(.action(nil)) }
            case .evaluation: form(.evaluation)
            }
        case .add:
            switch step {
            case .explore: form(.cause(nil))
            case .solution, .implications: form(.option(nil))
            case .action: form(.action(nil))
            default: state.message = Message("Nothing to add in this step; e edits it")
            }
        case .delete:
            var changed = w
            switch step {
            case .explore:
                guard w.causes.indices.contains(i) else { return [] }
                changed.causes.remove(at: i)
            case .solution, .implications:
                guard w.options.indices.contains(i) else { return [] }
                let removed = changed.options.remove(at: i)
                if changed.decision?.optionID == removed.id { changed.decision = nil }
            case .action:
                guard w.actions.indices.contains(i) else { return [] }
                changed.actions.remove(at: i)
            default: return []
            }
            state.undo = .record(
                account: accountID, .editWorksheet(base: changed, mine: w),
                what: "the \(step.title.lowercased()) entry")
            state.worksheetEditor?.table.move(-1, count: Int.max)
            return save(changed, "Deleted from \(step.title) (u brings it back)")
        case .undo:
            return Undo.perform(&state)
        case .moveUp, .moveDown:
            let offset = command == .moveUp ? -1 : 1
            var changed = w
            guard move(&changed, step: step, from: i, by: offset) else { return [] }
            state.worksheetEditor?.table.move(offset, count: rowCount(w, step))
            return save(changed, "Moved")
        case .markRoot:
            guard step == .explore, w.causes.indices.contains(i) else {
                state.message = Message("r marks the likely root cause in step 2 · Explore")
                return []
            }
            var changed = w
            let wasRoot = changed.causes[i].isLikelyRoot
            for j in changed.causes.indices { changed.causes[j].isLikelyRoot = false }
            changed.causes[i].isLikelyRoot = !wasRoot
            return save(
                changed,
                wasRoot ? "No cause marked as the root" : "Likely root cause: \(changed.causes[i].text)")
        case .frame:
            form(.frame)
        case .close:
            guard w.evaluation.outcome != nil else {
                state.worksheetEditor?.show(.evaluation)
                form(.evaluation)
                state.message = Message(
                    "Closing needs an outcome: record it in the evaluation", isError: true)
                return []
            }
            var changed = w
            changed.status = .closed
            if changed.evaluation.evaluatedOn == nil { changed.evaluation.evaluatedOn = state.today }
            return save(changed, "Worksheet closed: \(w.evaluation.outcome!.label)")
        case .export:
            return [
                .export(
                    fileName: "\(PlanSection.slug(account.name))-\(PlanSection.slug(w.title)).md",
                    text: WorksheetDocument.markdown(w, in: account))
            ]
        case .back:
            var back = editor.back
            back.section = .worksheets
            state.screen = .account(back)
        }
        return []
    }

    static func move(_ w: inout Worksheet, step: WorksheetStep, from i: Int, by offset: Int) -> Bool {
        func shift<T>(_ list: inout [T]) -> Bool {
            let j = i + offset
            guard list.indices.contains(i), list.indices.contains(j) else { return false }
            list.swapAt(i, j)
            return true
        }
        switch step {
        case .explore: return shift(&w.causes)
        case .solution, .implications: return shift(&w.options)
        case .action: return shift(&w.actions)
        default: return false
        }
    }

    // MARK: Rendering

    static func render(
        _ editor: inout WorksheetEditorState, _ a: Account, _ w: Worksheet, _ context: ScreenContext,
        into canvas: inout Canvas, body: Rect
    ) {
        let step = editor.step
        canvas.put("\(a.name) · \(w.title)", x: 0, y: body.y, style: .title, limit: body.width - 24)
        let status = "\(w.status.label) · step \(step.rawValue) of 7"
        canvas.put(
            status, x: body.width - DisplayWidth.of(status), y: body.y,
            style: w.status == .closed ? .dim : .accent)
        let railWidth = 18
        var y = body.y + 2
        for step in WorksheetStep.allCases {
            if step == .define || step == .decision {
                canvas.put(step == .define ? "Root cause" : "Execution", x: 0, y: y, style: .header)
                y += 1
            }
            let progress = w.progress(of: step)
            let mark = progress == .complete ? "✓" : (progress == .inProgress ? "◐" : "·")
            let text = DisplayWidth.fit(" \(mark) \(step.rawValue) \(step.title)", to: railWidth)
            let style: Style =
                step == editor.step
                ? .selected : (progress == .complete ? .good : (progress == .empty ? .dim : .normal))
            canvas.put(text, x: 0, y: y, style: style)
            y += 1
        }
        let frameY = body.maxY - 1
        let frame =
            "Focus: \(w.focus.isEmpty ? "-" : w.focus) · Accountable: \(w.accountable.isEmpty ? "-" : w.accountable.map(\.name).joined(separator: ", ")) · Talk: "
            + ([w.communication.cadence?.label, w.communication.how.isEmpty ? nil : w.communication.how]
                .compactMap { $0 }.joined(separator: ", ").nonEmpty(or: "-"))
        canvas.put(frame, x: 0, y: frameY, style: .dim, limit: body.width)

        let x = railWidth + 2
        let width = body.width - x
        var cy = body.y + 2
        canvas.put("Step \(step.rawValue) · \(step.title)", x: x, y: cy, style: .title)
        cy += 1
        for line in Chrome.wrap(step.prompt, width: width).prefix(3) {
            canvas.put(line, x: x, y: cy, style: .dim)
            cy += 1
        }
        cy += 1
        let rect = Rect(x: x, y: cy, width: width, height: frameY - 1 - cy)
        renderStep(&editor, w, context, into: &canvas, rect: rect)
    }

    /// The current step's paragraphs or list.
    static func renderStep(
        _ editor: inout WorksheetEditorState, _ w: Worksheet, _ context: ScreenContext,
        into canvas: inout Canvas, rect: Rect
    ) {
        func paragraphs(_ items: [(String, String)]) {
            var y = rect.y
            for (label, text) in items where y < rect.maxY {
                canvas.put(label, x: rect.x, y: y, style: .header)
                y += 1
                let lines =
                    text.isEmpty
                    ? ["not written yet"]
                    : text.split(separator: "\n", omittingEmptySubsequences: false)
                        .flatMap { Chrome.wrap(String($0), width: rect.width - 2) }
                for line in lines.prefix(3) where y < rect.maxY {
                    canvas.put(line, x: rect.x + 2, y: y, style: text.isEmpty ? .dim : .normal)
                    y += 1
                }
            }
        }
        func table(_ rows: [TableRow], _ columns: [Column], empty: String) {
            if rows.isEmpty {
                canvas.put(empty, x: rect.x, y: rect.y, style: .dim, limit: rect.width)
            } else {
                editor.table.render(columns: columns, rows: rows, into: &canvas, rect: rect)
            }
        }
        switch editor.step {
        case .define:
            paragraphs([
                ("The problem", w.define.problem), ("What we know", w.define.dataWeHave),
                ("What we still need to find out", w.define.dataMissing)
            ])
        case .explore:
            table(
                w.causes.map {
                    TableRow(
                        [$0.isLikelyRoot ? "root" : "", $0.text],
                        cellStyles: $0.isLikelyRoot ? [0: .accent] : [:])
                },
                [Column("", .fixed(4)), Column("Possible cause", .flexible(min: 10))],
                empty: "No causes yet: a adds one.")
        case .solution:
            table(
                w.options.enumerated().map {
                    TableRow([
                        "\($0.offset + 1).",
                        $0.element.text + (w.decision?.optionID == $0.element.id ? "  (chosen)" : "")
                    ])
                },
                [Column("", .fixed(3)), Column("Option", .flexible(min: 10))],
                empty: "No options yet: a adds one.")
        case .implications:
            table(
                w.options.map {
                    TableRow(
                        [$0.text, $0.ups.nonEmpty(or: "?"), $0.downs.nonEmpty(or: "?")],
                        cellStyles: [1: $0.ups.isEmpty ? .dim : .good, 2: $0.downs.isEmpty ? .dim : .warning])
                },
                [
                    Column("Option", .flexible(min: 10)), Column("Better", .flexible(min: 8)),
                    Column("Costs, risks", .flexible(min: 8))
                ],
                empty: "No options to weigh: list them in step 3.")
        case .decision:
            if let chosen = w.chosenOption {
                paragraphs([("We chose", chosen.text), ("Because", w.decision?.why ?? "")])
            } else {
                canvas.put(
                    w.options.isEmpty
                        ? "No options yet: list them in step 3, then decide here."
                        : "Not decided: e picks one of the \(w.options.count) options.",
                    x: rect.x, y: rect.y, style: .dim, limit: rect.width)
            }
        case .action:
            // Owners by their full names: as wide as the longest, within 5 to 20 cells.
            let ownerWidth = min(20, max(5, w.actions.map { DisplayWidth.of($0.owner) }.max() ?? 0))
            table(
                w.actions.map { a in
                    let late = a.status.isOpen && (a.due.map { $0 < context.today } ?? false)
                    return TableRow(
                        [
                            a.text, a.owner.nonEmpty(or: "-"), a.due?.iso ?? "-",
                            a.status.label
                        ],
                        style: a.status.isOpen ? .normal : .dim, cellStyles: late ? [2: .danger] : [:])
                },
                [
                    Column("Action", .flexible(min: 10)), Column("Owner", .fixed(ownerWidth)),
                    Column("Due", .fixed(10)), Column("Status", .fixed(11))
                ],
                empty: "No actions yet: a adds one (who, what, by when, how we measure it).")
        case .evaluation:
            paragraphs([
                ("Review on", w.evaluation.reviewOn?.iso ?? ""),
                ("Outcome", w.evaluation.outcome?.label ?? ""),
                ("What we learned", w.evaluation.learned)
            ])
        }
    }
}

/// Commands of the worksheet editor.
enum WorksheetCommand: Sendable {
    case move, nextStep, previousStep, step, add, edit, delete, undo, moveUp, moveDown, markRoot, frame,
        close, export, back
}

extension Keymaps {
    static let worksheet = Keymap<WorksheetCommand>(
        "Worksheet",
        [
            Binding(
                [.tab, .char("]")], .nextStep, label: "step",
                help: "Next step (warns when leaving an empty one)"),
            Binding([.backTab, .char("[")], .previousStep, help: "Previous step"),
            Binding((1...7).map { .char(Character(String($0))) }, .step, help: "Jump to a step by number"),
            Binding(navigation, .move, help: "Move within the step's list"),
            Binding(
                [.char("e"), .enter], .edit, label: "edit", help: "Edit the step (or the selected entry)"),
            Binding([.char("a")], .add, label: "add", help: "Add a cause, option or action"),
            Binding(
                [.char("d")], .delete, help: "Delete the selected cause, option or action (u brings it back)"),
            Binding([.char("u")], .undo, help: "Undo the last delete"),
            Binding(
                [.char("r")], .markRoot, label: "root",
                help: "Explore: mark the selected cause as the likely root cause"),
            Binding([.char("K")], .moveUp, help: "Move the selected entry up"),
            Binding([.char("J")], .moveDown, help: "Move the selected entry down"),
            Binding(
                [.char("f")], .frame, label: "frame", help: "Focus, who is accountable, how often we talk"),
            Binding([.char("C")], .close, help: "Close the worksheet (needs an outcome)"),
            Binding([.char("X")], .export, help: "Export as Markdown (a file in the current directory)"),
            Binding([.escape, .char("q")], .back, label: "back", help: "Back to the account")
        ])
}
