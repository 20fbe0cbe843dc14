import RapportCore
import TUIKit

/// Adds a risk (a disruption and how our contact, their company and their market
/// would take it), or edits one.
enum RiskForm: FormKind {
    case add(account: RecordID)
    /// Edits the risk as it was when the form opened.
    case edit(account: RecordID, base: Risk)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case disruption, kind, state
        case contactRisk, contactResponse, companyRisk, companyResponse, marketRisk, marketResponse
        case ours, review
    }

    static func make(_ r: Risk?) -> Form {
        Form(
            title: r == nil ? "Add a risk" : "Edit risk",
            fields: [
                FormField(
                    Field.disruption, "Disruption", .text, value: r?.disruption ?? "",
                    hint: "e.g. New levy raises their costs 8%"),
                FormField(
                    Field.kind, "Kind", .choice(Forms.codes(DisruptionKind.self)),
                    choice: Forms.index(r?.kind, DisruptionKind.self)),
                FormField(
                    Field.state, "State", .choice(Forms.codes(RiskState.self)),
                    choice: Forms.index(r?.state, RiskState.self)),
                FormField(Field.contactRisk, "Contact: risk", .text, value: r?.contact.risk ?? ""),
                FormField(
                    Field.contactResponse, "Contact: likely", .text, value: r?.contact.likelyResponse ?? "",
                    hint: "how our contact will respond"),
                FormField(Field.companyRisk, "Company: risk", .text, value: r?.company.risk ?? ""),
                FormField(
                    Field.companyResponse, "Company: likely", .text, value: r?.company.likelyResponse ?? ""),
                FormField(Field.marketRisk, "Market: risk", .text, value: r?.market.risk ?? ""),
                FormField(
                    Field.marketResponse, "Market: likely", .text, value: r?.market.likelyResponse ?? ""),
                FormField(Field.ours, "Our response", .multiline, value: r?.ourResponse ?? ""),
                FormField(
                    Field.review, "Review on", .day, value: r?.reviewOn?.iso ?? "+1m",
                    replacesOnType: r?.reviewOn == nil)
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .add(let account), .edit(let account, _): id = account
        }
        let disruption = r.required(.disruption, "The disruption")
        var base: Risk?
        if case .edit(_, let existing) = self { base = existing }
        var risk = base ?? Risk(disruption: disruption, identifiedOn: state.today)
        let wasOccurred = risk.state == .occurred
        risk.disruption = disruption
        risk.kind = r.choice(.kind)
        risk.state = r.choice(.state)
        risk.contact = RiskAtLevel(risk: r.text(.contactRisk), likelyResponse: r.text(.contactResponse))
        risk.company = RiskAtLevel(risk: r.text(.companyRisk), likelyResponse: r.text(.companyResponse))
        risk.market = RiskAtLevel(risk: r.text(.marketRisk), likelyResponse: r.text(.marketResponse))
        risk.ourResponse = r.text(.ours)
        risk.reviewOn = r.day(.review, .future)
        if risk.state == .occurred && !wasOccurred { risk.occurredOn = state.today }
        let mutation = base.map { Mutation.editRisk(base: $0, mine: risk) } ?? .addRisk(risk)
        return [.mutate(id, [mutation], message: "Saved risk: \(disruption)")]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func addRisk(account: RecordID) -> Self { Self(RiskForm.add(account: account)) }
    static func editRisk(account: RecordID, _ risk: Risk) -> Self {
        Self(RiskForm.edit(account: account, base: risk))
    }
}
