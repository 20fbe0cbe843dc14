import RapportCore
import TUIKit

/// Starts a relationship plan from the playbook: its steps, each to keep or drop;
/// contacts and cadences are filled in and can be edited once the plan exists.
struct StartPlanForm: FormKind {
    var account: RecordID

    /// A step of the playbook (by its place), then the plan's owner.
    enum Field: RawRepresentable, Hashable {
        case step(Int)
        case owner

        init?(rawValue: String) {
            if rawValue == "owner" {
                self = .owner
            } else if rawValue.hasPrefix("step"), let i = Int(rawValue.dropFirst(4)) {
                self = .step(i)
            } else {
                return nil
            }
        }

        var rawValue: String {
            switch self {
            case .step(let i): return "step\(i)"
            case .owner: return "owner"
            }
        }
    }

    static let keep = "keep"
    static let drop = "drop"

    static func make(_ playbook: Playbook, for a: Account) -> Form {
        var fields = playbook.steps.enumerated().map { i, step -> FormField in
            let names = playbook.contacts(for: step, in: a).compactMap { a.contact($0)?.name }
            let with =
                names.isEmpty
                ? (step.contacts.isEmpty ? "" : " · no \(step.contacts) contact yet")
                : " · " + names.joined(separator: ", ")
            return FormField(
                Field.step(i), step.title, .choice(["\(keep) · \(step.cadence.label)\(with)", drop]))
        }
        fields.append(FormField(Field.owner, "Owner", .text, value: a.owner))
        return Form(title: "New plan from the playbook · \(a.name)", fields: fields)
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        guard let a = state.account(account), let playbook = state.playbook else { return [] }
        var random = SystemRandomNumberGenerator()
        let owner = r.text(.owner)
        var plan = RelationshipPlan(
            currentState: playbook.currentState, targetState: playbook.targetState, createdOn: state.today
        )
        for (i, step) in playbook.steps.enumerated() where !r.text(.step(i)).hasPrefix(Self.drop) {
            plan.items.append(
                playbook.item(step, for: a, owner: owner, startingOn: state.today, using: &random))
        }
        return [
            .mutate(
                account, [.startPlan(plan)],
                message:
                    "Plan started with \(plan.items.count) item\(plan.items.count == 1 ? "" : "s"); w writes what the relationship is and needs to be"
            )
        ]
    }
}

/// Says what the relationship is and what it needs to be (starting a plan if none is).
struct PlanStatesForm: FormKind {
    var account: RecordID
    /// The plan as it was when the form opened (nil: there was none).
    var base: RelationshipPlan?

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case current, target
    }

    static func make(_ plan: RelationshipPlan?) -> Form {
        Form(
            title: "The relationship",
            fields: [
                FormField(
                    Field.current, "What it is", .multiline, value: plan?.currentState ?? "",
                    hint: "how the relationship stands today"),
                FormField(
                    Field.target, "Needs to be", .multiline, value: plan?.targetState ?? "",
                    hint: "what it needs to become")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let current = r.text(.current)
        let target = r.text(.target)
        guard let base else {
            let plan = RelationshipPlan(currentState: current, targetState: target, createdOn: state.today)
            return [.mutate(account, [.startPlan(plan)], message: "Plan started")]
        }
        var plan = base
        plan.currentState = current
        plan.targetState = target
        return [.mutate(account, [.editPlan(base: base, mine: plan)], message: "Plan updated")]
    }
}

/// Adds an item to the plan (starting the plan if there is none), or edits one.
enum PlanItemForm: FormKind {
    case add(account: RecordID)
    /// Edits the item as it was when the form opened.
    case edit(account: RecordID, base: PlanItem)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case title, with, owner, cadence, start, step, notes
    }

    static func make(_ item: PlanItem?, in a: Account) -> Form {
        let contacts = Forms.contactChoices(a)
        let names = contacts.map(\.name) + [Forms.nobody]
        let contactIndex =
            item.map { item in contacts.firstIndex { item.contactIDs.contains($0.id) } ?? contacts.count }
            ?? contacts.count
        return Form(
            title: item == nil ? "Add a plan item · \(a.name)" : "Edit plan item · \(a.name)",
            fields: [
                FormField(
                    Field.title, "What", .text, value: item?.title ?? "",
                    hint: "e.g. Quarterly review with the CFO"),
                FormField(Field.with, "With", .choice(names), choice: contactIndex),
                FormField(Field.owner, "Owner", .text, value: item?.owner ?? a.owner),
                FormField(
                    Field.cadence, "Cadence", .text, value: item?.cadence.code ?? "monthly",
                    hint: "weekly, monthly, quarterly, yearly, once, 45d", replacesOnType: item == nil),
                FormField(
                    Field.start, "Starts", .day, value: item?.startOn.iso ?? "today",
                    replacesOnType: item == nil),
                FormField(
                    Field.step, "Playbook step", .choice(Forms.codes(PlaybookStep.self)),
                    choice: Forms.index(item?.step ?? .custom, PlaybookStep.self)),
                FormField(Field.notes, "Notes", .multiline, value: item?.notes ?? "")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .add(let account), .edit(let account, _): id = account
        }
        guard let a = state.account(id) else { return [] }
        let title = r.required(.title, "What to do")
        let cadenceText = r.text(.cadence)
        let cadence = Cadence(parsing: cadenceText)
        if cadence == nil {
            r.fail(.cadence, "'\(cadenceText)' is not a cadence; expected \(Cadence.accepted)")
        }
        let start = r.day(.start, .past) ?? state.today
        var base: PlanItem?
        if case .edit(_, let item) = self { base = item }
        var item = base ?? PlanItem(title: title, cadence: cadence ?? .monthly, startOn: start)
        item.title = title
        item.cadence = cadence ?? item.cadence
        item.startOn = start
        item.owner = r.text(.owner)
        item.step = r.choice(.step)
        item.notes = r.text(.notes)
        let with = r.contactID(.with, in: a)
        item.contactIDs = Forms.replacingChosenContact(in: item.contactIDs, with: with, of: a)
        var mutations: [Mutation] = []
        if let base {
            mutations.append(.editPlanItem(base: base, mine: item))
        } else {
            // Joins a plan started meanwhile rather than replacing it.
            if a.plan == nil { mutations.append(.startPlan(RelationshipPlan(createdOn: state.today))) }
            mutations.append(.addPlanItem(item))
        }
        return [
            .mutate(id, mutations, message: "Saved plan item: \(title); next due \(item.nextDue?.iso ?? "-")")
        ]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func startPlan(account: RecordID) -> Self { Self(StartPlanForm(account: account)) }
    /// What the relationship is and needs to be, in `plan` as it is now (nil: no plan yet).
    static func planStates(account: RecordID, _ plan: RelationshipPlan?) -> Self {
        Self(PlanStatesForm(account: account, base: plan))
    }
    static func addPlanItem(account: RecordID) -> Self { Self(PlanItemForm.add(account: account)) }
    static func editPlanItem(account: RecordID, _ item: PlanItem) -> Self {
        Self(PlanItemForm.edit(account: account, base: item))
    }
}
