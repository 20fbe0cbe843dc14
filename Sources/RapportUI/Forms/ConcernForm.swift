import RapportCore
import TUIKit

/// Records a concern the customer raised, or edits one (status and resolution too).
enum ConcernForm: FormKind {
    case add(account: RecordID)
    /// Edits the concern as it was when the form opened.
    case edit(account: RecordID, base: Concern)

    /// The form's fields, in the order they show (status and resolution: editing only).
    enum Field: String, CaseIterable {
        case summary, severity, raisedBy, respondBy, detail, status, resolution
    }

    static func make(_ c: Concern?, in a: Account) -> Form {
        let contacts = Forms.contactChoices(a)
        let names = contacts.map(\.name) + [Forms.nobody]
        let raisedIndex = c.map { c in contacts.firstIndex { $0.id == c.raisedBy } ?? contacts.count } ?? 0
        var fields = [
            FormField(
                Field.summary, "Concern", .text, value: c?.summary ?? "", hint: "what they raised, in a line"),
            FormField(
                Field.severity, "Severity", .choice(Forms.codes(Severity.self)),
                choice: Forms.index(c?.severity ?? .medium, Severity.self)),
            FormField(Field.raisedBy, "Raised by", .choice(names), choice: raisedIndex),
            FormField(
                Field.respondBy, "Respond by", .day, value: c?.respondBy?.iso ?? "",
                hint: "empty: by severity (critical 1d … low 10d)"),
            FormField(Field.detail, "Detail", .multiline, value: c?.detail ?? "")
        ]
        if c != nil {
            fields.append(
                FormField(
                    Field.status, "Status", .choice(Forms.codes(ConcernStatus.self)),
                    choice: Forms.index(c?.status, ConcernStatus.self)))
            fields.append(FormField(Field.resolution, "Resolution", .multiline, value: c?.resolution ?? ""))
        }
        return Form(
            title: c == nil ? "Record a concern · \(a.name)" : "Edit concern · \(a.name)", fields: fields)
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .add(let account), .edit(let account, _): id = account
        }
        guard let a = state.account(id) else { return [] }
        let summary = r.text(.summary)
        r.check(.summary) { () throws(InputError) in try Concern.validateSummary(summary) }
        let severity: Severity = r.choice(.severity)
        let respondBy = r.day(.respondBy, .future)
        var raisedOn = state.today
        if case .edit(_, let base) = self { raisedOn = base.raisedOn }
        if let respondBy {
            r.check(.respondBy) { () throws(InputError) in
                try Concern.validateRespondBy(respondBy, raisedOn: raisedOn)
            }
        }
        let raisedBy = r.contactID(.raisedBy, in: a)
        if case .edit(_, let base) = self {
            var c = base
            c.summary = summary
            c.severity = severity
            c.raisedBy = raisedBy
            c.detail = r.text(.detail)
            c.respondBy = respondBy ?? c.respondBy
            let status: ConcernStatus = r.choice(.status)
            if status != .open && c.respondedOn == nil { c.respondedOn = state.today }
            if status == .resolved && c.status != .resolved { c.resolvedOn = state.today }
            if status != .resolved { c.resolvedOn = nil }
            c.status = status
            c.resolution = r.text(.resolution)
            if status == .resolved && c.resolution.isEmpty {
                r.fail(.resolution, "say how it was resolved")
            }
            return [.mutate(id, [.editConcern(base: base, mine: c)], message: "Concern updated")]
        }
        let due = respondBy ?? Concern.defaultRespondBy(raisedOn: state.today, severity: severity)
        let c = Concern(
            raisedOn: state.today, raisedBy: raisedBy, summary: summary, detail: r.text(.detail),
            severity: severity, respondBy: due)
        return [
            .mutate(
                id, [.addConcern(c)],
                message: "Recorded \(severity.rawValue) concern at \(a.name); respond by \(due.iso)")
        ]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func addConcern(account: RecordID) -> Self { Self(ConcernForm.add(account: account)) }
    static func editConcern(account: RecordID, _ c: Concern) -> Self {
        Self(ConcernForm.edit(account: account, base: c))
    }
}
