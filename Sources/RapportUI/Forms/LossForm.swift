import RapportCore
import TUIKit

/// Records why and when an account was lost (D48): opened when the account form sets the
/// status to lost or former, and by `L` on a gone account's Overview to change it.
struct LossForm: FormKind {
    let account: RecordID
    /// The account's facts as the form opened, to merge into.
    let base: AccountFacts

    enum Field: String, CaseIterable {
        case lostOn, value, reasons, text, wonBy
    }

    /// The form, pre-filled from the record, or with today and the annual value.
    static func make(_ facts: AccountFacts, today: Day) -> Form {
        let loss = facts.loss ?? LossRecord(lostOn: today, valueLost: facts.annualValue)
        return Form(
            title: "Record the loss of \(facts.name)",
            fields: [
                FormField(Field.lostOn, "Lost on", .day, value: loss.lostOn.iso),
                FormField(Field.value, "Value lost", .number, value: String(loss.valueLost), hint: "a year"),
                FormField(
                    Field.reasons, "Reasons", .text,
                    value: loss.reasons.map(\.rawValue).joined(separator: ", "),
                    hint: "e.g. price, champion-left (a wrong code lists them all)"),
                FormField(Field.text, "In words", .text, value: loss.reasonText),
                FormField(Field.wonBy, "Won by", .text, value: loss.wonBy, hint: "who won it, if known")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        var mine = base
        var loss = LossRecord(lostOn: state.today, valueLost: base.annualValue)
        if let day = r.day(.lostOn, .past) {
            if day > state.today {
                r.fail(.lostOn, "\(day.iso) is in the future; give today or a past day")
            }
            loss.lostOn = day
        }
        loss.valueLost = r.amount(.value)
        let text = r.text(.reasons)
        r.check(.reasons) { () throws(InputError) in loss.reasons = try LossRecord.parseReasons(text) }
        loss.reasonText = r.text(.text)
        loss.wonBy = r.text(.wonBy)
        mine.loss = loss
        return [
            .mutate(
                account, [.editFacts(base: base, mine: mine)], message: "Recorded the loss of \(base.name)")
        ]
    }
}

extension AccountForm {
    /// Setting an account to lost or former asks for its loss next (D48).
    func followUp(after effects: [Effect], state: inout AppState) {
        for case .mutate(let id, let mutations, _) in effects {
            for case .editFacts(let base, var mine) in mutations
            where mine.status.isGone && (!base.status.isGone || mine.loss == nil) {
                mine.seasonReason = ""
                var shown = mine
                if !base.status.isGone { shown.loss = nil }  // lost again: a new loss
                state.overlay = .form(.recordLoss(id, mine), LossForm.make(shown, today: state.today))
            }
        }
    }
}

extension FormPurpose {
    /// Records or changes the account's loss, merged into the facts as `facts` has them.
    static func recordLoss(_ id: RecordID, _ facts: AccountFacts) -> Self {
        Self(LossForm(account: id, base: facts))
    }
}

extension LossForm {
    /// `L` on the Overview: the loss form of a lost or former account.
    static func open(_ state: inout AppState, _ a: Account) {
        guard a.status.isGone else {
            state.message = Message(
                "\(a.name) is \(a.status.rawValue): set the status to lost or former (e) to record a loss",
                isError: true)
            return
        }
        let facts = AccountFacts(a)
        state.overlay = .form(.recordLoss(a.id, facts), make(facts, today: state.today))
    }
}
