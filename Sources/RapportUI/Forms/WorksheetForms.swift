import RapportCore
import TUIKit

/// Starts a root-cause worksheet, on a problem or on an open concern (whose summary and
/// detail start its Define step).
struct NewWorksheetForm: FormKind {
    var account: RecordID

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case title, concern
    }

    static func make(in a: Account, concern: Concern?) -> Form {
        let open = a.concerns.filter(\.status.isOpen)
        let choices = [Forms.nobody] + open.map(\.summary)
        return Form(
            title: "New root-cause worksheet · \(a.name)",
            fields: [
                FormField(
                    Field.title, "Title", .text, value: concern?.summary ?? "",
                    hint: "the problem, in a few words"),
                FormField(
                    Field.concern, "Concern", .choice(choices),
                    choice: concern.flatMap { c in open.firstIndex { $0.id == c.id }.map { $0 + 1 } } ?? 0)
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        guard let a = state.account(account) else { return [] }
        let w = Self.worksheet(&r, in: a, state: state)
        return [
            .mutate(
                account, [.addWorksheet(w)],
                message: "Worksheet started: work through the seven steps (Tab moves on)")
        ]
    }

    /// The worksheet just started opens in the editor.
    func followUp(after effects: [Effect], state: inout AppState) {
        FormSubmission.openNewWorksheet(account: account, after: effects, state: &state)
    }

    /// A new worksheet from the form; Define starts from the linked concern.
    static func worksheet(_ r: inout FormReader<Field>, in a: Account, state: AppState) -> Worksheet {
        let title = r.required(.title, "A title")
        let concern = a.concerns.first { $0.status.isOpen && $0.summary == r.text(.concern) }
        var w = Worksheet(title: title, createdOn: state.today, concernID: concern?.id)
        if let concern {
            let who = concern.raisedBy.flatMap(a.contact).map { " (raised by \($0.name))" } ?? ""
            w.define.problem = concern.summary + (concern.detail.isEmpty ? "" : "\n" + concern.detail)
            w.define.dataWeHave =
                "Raised on \(concern.raisedOn.iso)\(who), \(concern.severity.rawValue) severity."
        }
        w.accountable = a.owner.isEmpty ? [] : [Accountable(name: a.owner)]
        return w
    }
}

/// Edits one part of a worksheet: a step of the seven, an entry of a step, or its frame.
struct WorksheetPartForm: FormKind {
    var account: RecordID
    /// The worksheet as it was when the form opened.
    var base: Worksheet
    var part: WorksheetPart

    /// Every part's fields (each part shows its own few).
    enum Field: String, CaseIterable {
        /// Define.
        case problem, have, missing
        /// A cause, an option, an action: what it says.
        case text
        /// Implications of an option.
        case ups, downs
        /// Decision.
        case option, why
        /// An action (besides its text).
        case owner, due, measure, status
        /// Evaluation.
        case review, outcome, learned
        /// The frame.
        case focus, accountable, cadence, how
    }

    static let notYet = "not yet"

    static func make(_ part: WorksheetPart, _ w: Worksheet, in a: Account) -> Form {
        switch part {
        case .define:
            return Form(
                title: "1 · Define",
                fields: [
                    FormField(Field.problem, "The problem", .multiline, value: w.define.problem),
                    FormField(Field.have, "What we know", .multiline, value: w.define.dataWeHave),
                    FormField(Field.missing, "Still to find out", .multiline, value: w.define.dataMissing)
                ])
        case .cause(let id):
            let cause = w.causes.first { $0.id == id }
            return Form(
                title: cause == nil ? "2 · Explore: add a possible cause" : "2 · Explore: edit the cause",
                fields: [
                    FormField(Field.text, "Possible cause", .text, value: cause?.text ?? "")
                ])
        case .option(let id):
            let option = w.options.first { $0.id == id }
            return Form(
                title: option == nil ? "3 · Solution: add an option" : "3 · Solution: edit the option",
                fields: [
                    FormField(Field.text, "Option", .text, value: option?.text ?? "")
                ])
        case .implications(let id):
            let option = w.options.first { $0.id == id }
            return Form(
                title: "4 · Implications: \(option?.text ?? "")",
                fields: [
                    FormField(Field.ups, "Makes better", .multiline, value: option?.ups ?? ""),
                    FormField(Field.downs, "Costs, risks", .multiline, value: option?.downs ?? "")
                ])
        case .decision:
            let chosen = w.options.firstIndex { $0.id == w.decision?.optionID } ?? 0
            return Form(
                title: "5 · Decision",
                fields: [
                    FormField(Field.option, "We choose", .choice(w.options.map(\.text)), choice: chosen),
                    FormField(Field.why, "Because", .multiline, value: w.decision?.why ?? "")
                ])
        case .action(let id):
            let action = w.actions.first { $0.id == id }
            return Form(
                title: action == nil ? "6 · Action: add an action" : "6 · Action: edit the action",
                fields: [
                    FormField(Field.text, "What", .text, value: action?.text ?? ""),
                    FormField(Field.owner, "Who", .text, value: action?.owner ?? a.owner),
                    FormField(
                        Field.due, "By when", .day, value: action?.due?.iso ?? "",
                        hint: "fri, +2w, 2026-12-15"),
                    FormField(Field.measure, "How we measure", .text, value: action?.measure ?? ""),
                    FormField(
                        Field.status, "Status", .choice(Forms.codes(ActionStatus.self)),
                        choice: Forms.index(action?.status, ActionStatus.self))
                ])
        case .evaluation:
            let outcomes = [notYet] + Forms.codes(Outcome.self)
            return Form(
                title: "7 · Evaluation",
                fields: [
                    FormField(
                        Field.review, "Review on", .day, value: w.evaluation.reviewOn?.iso ?? "",
                        hint: "when we look back, e.g. +1m"),
                    FormField(
                        Field.outcome, "Outcome", .choice(outcomes),
                        choice: w.evaluation.outcome.map { Forms.index($0, Outcome.self) + 1 } ?? 0),
                    FormField(Field.learned, "What we learned", .multiline, value: w.evaluation.learned)
                ])
        case .frame:
            return Form(
                title: "The frame · \(w.title)",
                fields: [
                    FormField(Field.focus, "What matters most", .text, value: w.focus),
                    FormField(
                        Field.accountable, "Accountable", .text,
                        value: w.accountable.map(\.name).joined(separator: ", "),
                        hint: "names, comma-separated"),
                    FormField(
                        Field.cadence, "We talk", .text, value: w.communication.cadence?.code ?? "",
                        hint: "weekly, every-3-days, …"),
                    FormField(
                        Field.how, "How", .text, value: w.communication.how, hint: "e.g. a 15-minute call")
                ])
        }
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let (changed, message) = apply(&r, to: base, state: state)
        return [.mutate(account, [.editWorksheet(base: base, mine: changed)], message: message)]
    }

    /// One option's implications saved, the next option's open (on the worksheet as
    /// this form leaves it).
    func followUp(after effects: [Effect], state: inout AppState) {
        guard case .implications(let option) = part else { return }
        for case .mutate(_, let mutations, _) in effects {
            for case .editWorksheet(_, let saved) in mutations {
                FormSubmission.walkImplications(
                    account: account, worksheet: saved, from: option, state: &state)
            }
        }
    }

    /// The worksheet with the form's answers, or validation messages on the reader.
    func apply(_ r: inout FormReader<Field>, to w: Worksheet, state: AppState) -> (Worksheet, String) {
        var w = w
        switch part {
        case .define:
            w.define = ProblemDefinition(
                problem: r.text(.problem), dataWeHave: r.text(.have), dataMissing: r.text(.missing))
            return (w, "Define saved")
        case .cause(let id):
            let text = r.required(.text, "The cause")
            if let i = w.causes.firstIndex(where: { $0.id == id }) {
                w.causes[i].text = text
            } else {
                w.causes.append(Cause(text: text))
            }
            return (w, "Cause saved")
        case .option(let id):
            let text = r.required(.text, "The option")
            if let i = w.options.firstIndex(where: { $0.id == id }) {
                w.options[i].text = text
            } else {
                w.options.append(SolutionOption(text: text))
            }
            return (w, "Option saved")
        case .implications(let id):
            guard let i = w.options.firstIndex(where: { $0.id == id }) else { return (w, "") }
            w.options[i].ups = r.text(.ups)
            w.options[i].downs = r.text(.downs)
            return (w, "Implications of \"\(w.options[i].text)\" saved")
        case .decision:
            guard let option = w.options.first(where: { $0.text == r.text(.option) }) else {
                r.fail(.option, "choose one of the listed options")
                return (w, "")
            }
            w.decision = Decision(
                optionID: option.id, why: r.text(.why), decidedOn: w.decision?.decidedOn ?? state.today)
            if w.status == .open { w.status = .executing }
            return (w, "Decided: \(option.text)")
        case .action(let id):
            let text = r.required(.text, "The action")
            let due = r.day(.due, .future)
            var action = w.actions.first { $0.id == id } ?? WorksheetAction(text: text)
            action.text = text
            action.owner = r.text(.owner)
            action.due = due
            action.measure = r.text(.measure)
            let status: ActionStatus = r.choice(.status)
            if status == .done && action.status != .done { action.doneOn = state.today }
            action.status = status
            if let i = w.actions.firstIndex(where: { $0.id == action.id }) {
                w.actions[i] = action
            } else {
                w.actions.append(action)
            }
            return (w, "Action saved" + (due.map { "; due \($0.iso)" } ?? ""))
        case .evaluation:
            w.evaluation.reviewOn =
                r.day(.review, .future)
                ?? w.evaluation.reviewOn.flatMap { r.text(.review).isEmpty ? nil : $0 }
            w.evaluation.outcome = Outcome(rawValue: r.text(.outcome))
            w.evaluation.learned = r.text(.learned)
            if w.evaluation.outcome != nil && w.evaluation.evaluatedOn == nil {
                w.evaluation.evaluatedOn = state.today
            }
            if w.evaluation.outcome != nil && w.status != .closed { w.status = .evaluating }
            return (w, "Evaluation saved" + (w.evaluation.outcome == nil ? "" : "; C closes the worksheet"))
        case .frame:
            w.focus = r.text(.focus)
            w.accountable = r.text(.accountable).split(separator: ",").map { $0.trimmingSpaces() }
                .filter { !$0.isEmpty }.map { name in
                    w.accountable.first { $0.name == name } ?? Accountable(name: name)
                }
            let cadenceText = r.text(.cadence)
            if cadenceText.isEmpty {
                w.communication.cadence = nil
            } else if let cadence = Cadence(parsing: cadenceText) {
                w.communication.cadence = cadence
            } else {
                r.fail(.cadence, "'\(cadenceText)' is not a cadence; expected \(Cadence.accepted)")
            }
            w.communication.how = r.text(.how)
            return (w, "Frame saved")
        }
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func newWorksheet(account: RecordID) -> Self { Self(NewWorksheetForm(account: account)) }
    /// A part of `worksheet` as it is now.
    static func worksheetPart(account: RecordID, worksheet: Worksheet, _ part: WorksheetPart) -> Self {
        Self(WorksheetPartForm(account: account, base: worksheet, part: part))
    }
}
