import RapportCore
import TUIKit

/// Builds the capture and edit forms, pre-filled from a record or with quick defaults.
extension Forms {
    /// Mark a follow-up done: a note (Enter right away is fine), plus the reading or
    /// the outcome when the item needs one.
    static func completion(_ item: FollowUp) -> Form {
        var fields = [FormField("note", "Note", .text, hint: "optional: what happened, in a line")]
        switch item.ref.needs {
        case .value: fields.insert(FormField("value", "Value", .number, hint: "the reading, e.g. 82"), at: 0)
        case .outcome: fields.insert(FormField("outcome", "Outcome", .choice(codes(Outcome.self))), at: 0)
        case .nothing, .litmusTest: break
        }
        fields.append(FormField("on", "Done on", .day, value: "today"))
        return Form(title: "Done · \(item.accountName): \(item.title)", fields: fields)
    }

    static func snooze(_ item: FollowUp) -> Form {
        Form(
            title: "Snooze · \(item.accountName): \(item.title)",
            fields: [
                FormField("until", "Until", .day, value: "+1w", hint: "mon, +3d, 2026-12-01"),
                FormField(
                    "reason", "Reason", .text, value: item.snooze?.reason ?? "", hint: "why it can wait")
            ])
    }

    static let keep = "keep"
    static let drop = "drop"

    /// The playbook's steps for a new plan, each to keep or drop; contacts and
    /// cadences are filled in and can be edited once the plan exists.
    static func playbookReview(_ playbook: Playbook, for a: Account) -> Form {
        var fields = playbook.steps.enumerated().map { i, step -> FormField in
            let names = playbook.contacts(for: step, in: a).compactMap { a.contact($0)?.name }
            let with =
                names.isEmpty
                ? (step.contacts.isEmpty ? "" : " · no \(step.contacts) contact yet")
                : " · " + names.joined(separator: ", ")
            return FormField(
                "step\(i)", step.title, .choice(["\(keep) · \(step.cadence.label)\(with)", drop]))
        }
        fields.append(FormField("owner", "Owner", .text, value: a.owner))
        return Form(title: "New plan from the playbook · \(a.name)", fields: fields)
    }

    static func planStates(_ plan: RelationshipPlan?) -> Form {
        Form(
            title: "The relationship",
            fields: [
                FormField(
                    "current", "What it is", .multiline, value: plan?.currentState ?? "",
                    hint: "how the relationship stands today"),
                FormField(
                    "target", "Needs to be", .multiline, value: plan?.targetState ?? "",
                    hint: "what it needs to become")
            ])
    }

    static func planItem(_ item: PlanItem?, in a: Account, state: AppState) -> Form {
        let contacts = contactChoices(a)
        let names = contacts.map(\.name) + [nobody]
        let contactIndex =
            item.map { item in contacts.firstIndex { item.contactIDs.contains($0.id) } ?? contacts.count }
            ?? contacts.count
        return Form(
            title: item == nil ? "Add a plan item · \(a.name)" : "Edit plan item · \(a.name)",
            fields: [
                FormField(
                    "title", "What", .text, value: item?.title ?? "",
                    hint: "e.g. Quarterly review with the CFO"),
                FormField("with", "With", .choice(names), choice: contactIndex),
                FormField("owner", "Owner", .text, value: item?.owner ?? a.owner),
                FormField(
                    "cadence", "Cadence", .text, value: item?.cadence.code ?? "monthly",
                    hint: "weekly, monthly, quarterly, yearly, once, 45d"),
                FormField("start", "Starts", .day, value: item?.startOn.iso ?? "today"),
                FormField(
                    "step", "Playbook step", .choice(codes(PlaybookStep.self)),
                    choice: index(item?.step ?? .custom, PlaybookStep.self)),
                FormField("notes", "Notes", .multiline, value: item?.notes ?? "")
            ])
    }
}
