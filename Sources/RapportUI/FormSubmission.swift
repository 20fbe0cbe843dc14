import RapportCore
import TUIKit

/// A kind of form: its fields, how it reads them back, and what saving it leads to.
protocol FormKind: Equatable, Sendable {
    /// The form's fields; their raw values key the TUIKit form's fields.
    associatedtype Field: RawRepresentable<String>

    /// The effects that store what the form says, or messages put on `r`'s fields.
    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect]
}

/// Turns a submitted form into a record and the effect that stores it, or puts
/// validation messages on the fields (and keeps the form open, losing nothing).
enum FormSubmission {
    static func submit(_ purpose: FormPurpose, _ form: Form, state: inout AppState) -> [Effect] {
        let (effects, checked, failed) = read(kind(of: purpose), form, state: state)
        if failed {
            var form = checked
            form.focusFirstError()
            state.overlay = .form(purpose, form)
            state.message = Message("Not saved: fix the marked field", isError: true)
            return []
        }
        state.overlay = nil
        // What a few forms lead to next, once their record is on its way to the store.
        switch purpose {
        case .logTouchpoint: offerPlanCredit(for: effects, state: &state)
        case .newWorksheet: openNewWorksheet(purpose, effects, state: &state)
        case .worksheetPart(_, _, .implications): walkImplications(purpose, state: &state)
        default: break
        }
        return effects
    }

    /// The form kind that reads a purpose's form.
    static func kind(of purpose: FormPurpose) -> any FormKind {
        switch purpose {
        case .logTouchpoint(let id): return TouchpointForm.log(account: id)
        case .editTouchpoint(let id, let tid): return TouchpointForm.edit(account: id, tid)
        case .addConcern(let id): return ConcernForm.add(account: id)
        case .editConcern(let id, let cid): return ConcernForm.edit(account: id, cid)
        case .addAccount: return AccountForm.add
        case .editAccount(let id): return AccountForm.edit(id)
        case .addContact(let id): return ContactForm.add(account: id)
        case .editContact(let id, let cid): return ContactForm.edit(account: id, cid)
        case .addTeamMember(let id): return TeamMemberForm.add(account: id)
        case .editTeamMember(let id, let mid): return TeamMemberForm.edit(account: id, mid)
        case .completeFollowUp(let item): return CompletionForm(item: item)
        case .snoozeFollowUp(let item): return SnoozeForm(item: item)
        case .startPlan(let id): return StartPlanForm(account: id)
        case .planStates(let id): return PlanStatesForm(account: id)
        case .addPlanItem(let id): return PlanItemForm.add(account: id)
        case .editPlanItem(let id, let itemID): return PlanItemForm.edit(account: id, itemID)
        case .addMeasure(let id): return MeasureForm.add(account: id)
        case .editMeasure(let id, let mid): return MeasureForm.edit(account: id, mid)
        case .addReading(let id, let mid): return ReadingForm(account: id, measure: mid)
        case .addRisk(let id): return RiskForm.add(account: id)
        case .editRisk(let id, let rid): return RiskForm.edit(account: id, rid)
        case .addExpectations(let id): return ExpectationsForm.add(account: id)
        case .editExpectations(let id, let eid): return ExpectationsForm.edit(account: id, eid)
        case .addGoal(let id, let set): return GoalForm.add(account: id, set: set)
        case .editGoal(let id, let set, let gid): return GoalForm.edit(account: id, set: set, gid)
        case .newWorksheet(let id): return NewWorksheetForm(account: id)
        case .worksheetPart(let id, let worksheet, let part):
            return WorksheetPartForm(account: id, worksheet: worksheet, part: part)
        }
    }

    /// Reads a form by its kind's fields: the effects, and the form with any messages.
    static func read<Kind: FormKind>(_ kind: Kind, _ form: Form, state: AppState)
        -> (effects: [Effect], form: Form, failed: Bool)
    {
        var reader = FormReader<Kind.Field>(form: form, parser: DayParser(today: state.today))
        let effects = kind.submit(&reader, state: state)
        return (effects, reader.form, reader.failed)
    }

    /// Step 4 walks the options: saving one option's ups and downs opens the next one's.
    static func walkImplications(_ purpose: FormPurpose, state: inout AppState) {
        guard case .worksheetPart(let id, let worksheetID, .implications(let optionID)) = purpose,
            let account = state.account(id),
            let w = account.worksheets.first(where: { $0.id == worksheetID }),
            let i = w.options.firstIndex(where: { $0.id == optionID }), let next = w.options[safe: i + 1]
        else { return }
        state.editor.table.selection = i + 1
        state.overlay = .form(
            .worksheetPart(account: id, worksheet: worksheetID, .implications(next.id)),
            WorksheetPartForm.make(.implications(next.id), w, in: account))
    }

    /// A worksheet just started opens in the editor (it is saved by the effect that follows).
    static func openNewWorksheet(_ purpose: FormPurpose, _ effects: [Effect], state: inout AppState) {
        guard case .newWorksheet(let id) = purpose else { return }
        for case .mutate(_, let mutations, _) in effects {
            for case .upsertWorksheet(let w) in mutations { WorksheetEditor.open(&state, id, w) }
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
