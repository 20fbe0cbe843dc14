import RapportCore
import TUIKit

/// Logs a touchpoint, or edits one: the form, pre-filled, and what it saves.
enum TouchpointForm: FormKind {
    case log(account: RecordID)
    /// Edits the touchpoint as it was when the form opened.
    case edit(account: RecordID, base: Touchpoint)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case kind, with, summary, sentiment, on, followUp
    }

    /// Log (or edit) a touchpoint. Opens on the summary with kind "call" and the main
    /// contact chosen, so a call is `l`, the text, Enter.
    static func make(_ t: Touchpoint?, in a: Account) -> Form {
        let contacts = Forms.contactChoices(a)
        let names = contacts.map(\.name) + [Forms.nobody]
        let contactIndex =
            t.map { t in contacts.firstIndex { t.contactIDs.contains($0.id) } ?? contacts.count } ?? 0
        return Form(
            title: t == nil ? "Log a touchpoint · \(a.name)" : "Edit touchpoint · \(a.name)",
            fields: [
                FormField(
                    Field.kind, "Kind", .choice(Forms.codes(TouchKind.self)),
                    choice: Forms.index(t?.kind ?? .call, TouchKind.self)),
                FormField(Field.with, "With", .choice(names), choice: contactIndex),
                FormField(
                    Field.summary, "Summary", .text, value: t?.summary ?? "", hint: "what happened, in a line"
                ),
                FormField(
                    Field.sentiment, "Sentiment", .choice(Forms.codes(Sentiment.self)),
                    choice: Forms.index(t?.sentiment ?? .neutral, Sentiment.self)),
                FormField(
                    Field.on, "On", .day, value: t.map { $0.day.iso } ?? "today", replacesOnType: t == nil),
                FormField(
                    Field.followUp, "Follow up", .day, value: t?.followUp?.iso ?? "",
                    hint: "optional: +3d, fri, 2026-12-01")
            ], focus: 2)
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .log(let account), .edit(let account, _): id = account
        }
        guard let a = state.account(id) else { return [] }
        let summary = r.text(.summary)
        r.check(.summary) { () throws(InputError) in try Touchpoint.validateSummary(summary) }
        let day = r.day(.on, .past) ?? state.today
        r.check(.on) { () throws(InputError) in try Touchpoint.validateDay(day, today: state.today) }
        let followUp = r.day(.followUp, .future)
        let with = r.contactID(.with, in: a).map { [$0] } ?? []
        if case .edit(_, let base) = self {
            var t = base
            t.kind = r.choice(.kind)
            t.summary = summary
            t.day = day
            t.followUp = followUp
            t.sentiment = r.choice(.sentiment)
            t.contactIDs = Forms.replacingChosenContact(in: t.contactIDs, with: with.first, of: a)
            return [.mutate(id, [.editTouchpoint(base: base, mine: t)], message: "Touchpoint updated")]
        }
        let kind: TouchKind = r.choice(.kind)
        let t = Touchpoint(
            day: day, kind: kind, contactIDs: with, summary: summary, sentiment: r.choice(.sentiment),
            followUp: followUp)
        var message = "Logged \(kind.label) at \(a.name)"
        if let f = followUp { message += "; follow up \(f.iso)" }
        return [.mutate(id, [.addTouchpoint(t)], message: message)]
    }

    /// A touchpoint just logged may count as a due plan item's completion.
    func followUp(after effects: [Effect], state: inout AppState) {
        if case .log = self { FormSubmission.offerPlanCredit(for: effects, state: &state) }
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func logTouchpoint(account: RecordID) -> Self { Self(TouchpointForm.log(account: account)) }
    static func editTouchpoint(account: RecordID, _ t: Touchpoint) -> Self {
        Self(TouchpointForm.edit(account: account, base: t))
    }
}
