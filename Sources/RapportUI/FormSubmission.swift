import RapportCore
import TUIKit

// Every form is a form kind (`FormKind`) in Sources/RapportUI/Forms/, one file per record
// kind; `FormPurpose`, what an open form creates or edits, carries the kind's value, and
// submitting a form opens it: nothing here names a kind but the follow-ups below.
//
// Adding a record kind (say, a Thing) touches three places:
//   1. Its model in RapportCore, and the `Mutation` that stores it.
//   2. Forms/ThingForm.swift: `enum ThingForm: FormKind` with a case per purpose
//      (`add(account:)`, `edit(account:, RecordID)`); `enum Field: String, CaseIterable`
//      listing its fields; `static func make(_ t: Thing?) -> Form`, the form pre-filled
//      from the record, each field made with `FormField(Field.x, …)`; `func submit(_:state:)`,
//      reading it back through the `FormReader` into the effect and its message; and
//      `extension FormPurpose` with a factory per purpose (`.addThing(account:)`).
//      A form that leads somewhere once saved implements `followUp(after:state:)`.
//   3. Its section: the key that opens `.form(.addThing(account: id), ThingForm.make(nil))`.

/// Turns a submitted form into a record and the effect that stores it, or puts
/// validation messages on the fields (and keeps the form open, losing nothing).
enum FormSubmission {
    static func submit(_ purpose: FormPurpose, _ form: Form, state: inout AppState) -> [Effect] {
        submit(purpose.kind, purpose, form, state: &state)
    }

    /// Reads the form by its kind's fields; what a few forms lead to next follows once
    /// their record is on its way to the store.
    private static func submit<Kind: FormKind>(
        _ kind: Kind, _ purpose: FormPurpose, _ form: Form, state: inout AppState
    ) -> [Effect] {
        var reader = FormReader<Kind.Field>(form: form, parser: DayParser(today: state.today))
        let effects = kind.submit(&reader, state: state)
        if reader.failed {
            reader.form.focusFirstError()
            state.overlay = .form(purpose, reader.form)
            state.message = Message("Not saved: fix the marked field", isError: true)
            return []
        }
        state.overlay = nil
        kind.followUp(after: effects, state: &state)
        return effects
    }

    /// Step 4 walks the options: saving one option's ups and downs opens the next one's,
    /// on `w` as that save leaves it.
    static func walkImplications(
        account id: RecordID, worksheet w: Worksheet, from optionID: RecordID, state: inout AppState
    ) {
        guard let account = state.account(id),
            let i = w.options.firstIndex(where: { $0.id == optionID }), let next = w.options[safe: i + 1]
        else { return }
        state.worksheetEditor?.table.selection = i + 1
        state.overlay = .form(
            .worksheetPart(account: id, worksheet: w, .implications(next.id)),
            WorksheetPartForm.make(.implications(next.id), w, in: account))
    }

    /// A worksheet just started opens in the editor (it is saved by the effect that follows).
    static func openNewWorksheet(account id: RecordID, after effects: [Effect], state: inout AppState) {
        for case .mutate(_, let mutations, _) in effects {
            for case .addWorksheet(let w) in mutations { WorksheetEditor.open(&state, id, w) }
        }
    }

    /// A newly logged touchpoint that suits a due plan item (same contact, fitting
    /// kind) is offered as that item's completion.
    static func offerPlanCredit(for effects: [Effect], state: inout AppState) {
        for case .mutate(let id, let mutations, _) in effects {
            for case .addTouchpoint(let touch) in mutations where touch.planItemID == nil {
                guard let account = state.account(id),
                    let item = account.planItems(matching: touch, on: state.today).first
                else { continue }
                state.overlay = .confirm(
                    .countForPlan(account: id, touch: touch.id, item: item.id, title: item.title))
            }
        }
    }
}
