import RapportCore
import TUIKit

/// Marks a follow-up done: a note (Enter right away is fine), plus the reading or the
/// outcome when the item needs one.
struct CompletionForm: FormKind {
    var item: FollowUp

    /// The form's fields, in the order they show (value or outcome only when needed).
    enum Field: String, CaseIterable {
        case value, outcome, note, on
    }

    static func make(_ item: FollowUp) -> Form {
        var fields = [FormField(Field.note, "Note", .text, hint: "optional: what happened, in a line")]
        switch item.ref.needs {
        case .value:
            fields.insert(FormField(Field.value, "Value", .number, hint: "the reading, e.g. 82"), at: 0)
        case .outcome:
            fields.insert(FormField(Field.outcome, "Outcome", .choice(Forms.codes(Outcome.self))), at: 0)
        case .nothing, .litmusTest: break
        }
        fields.append(FormField(Field.on, "Done on", .day, value: "today", replacesOnType: true))
        return Form(title: "Done · \(item.accountName): \(item.title)", fields: fields)
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let day = r.day(.on, .past) ?? state.today
        if day > state.today { r.fail(.on, "\(day.iso) is in the future; mark it done when it is done") }
        var done = DueCompletion(day: day, note: r.text(.note), by: state.me)
        if item.ref.needs == .value {
            let raw = r.required(.value, "The value")
            if !raw.isEmpty {
                do { done.value = try MeasureReading.parseValue(raw) } catch { r.fail(.value, error.message) }
            }
        }
        if item.ref.needs == .outcome { done.outcome = r.choice(.outcome) as Outcome }
        return [
            .mutate(item.accountID, [.completeFollowUp(item.ref, done)], message: "Done: \(item.title)")
        ]
    }
}

/// Puts a follow-up off until a later day, saying why it can wait.
struct SnoozeForm: FormKind {
    var item: FollowUp

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case until, reason
    }

    static func make(_ item: FollowUp) -> Form {
        Form(
            title: "Snooze · \(item.accountName): \(item.title)",
            fields: [
                FormField(
                    Field.until, "Until", .day, value: "+1w", hint: "mon, +3d, 2026-12-01",
                    replacesOnType: true),
                FormField(
                    Field.reason, "Reason", .text, value: item.snooze?.reason ?? "", hint: "why it can wait")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        guard let until = r.day(.until, .future) else {
            r.fail(.until, "say until when, e.g. +1w or mon")
            return []
        }
        if until <= state.today { r.fail(.until, "\(until.iso) is not after today") }
        return [
            .mutate(
                item.accountID, [.snooze(item, until: until, reason: r.text(.reason))],
                message: "Snoozed until \(until.iso): \(item.title)")
        ]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func completeFollowUp(_ item: FollowUp) -> Self { Self(CompletionForm(item: item)) }
    static func snoozeFollowUp(_ item: FollowUp) -> Self { Self(SnoozeForm(item: item)) }
}
