import RapportCore
import TUIKit

/// Adds someone on our side of the account, or edits them.
enum TeamMemberForm: FormKind {
    case add(account: RecordID)
    /// Edits the team member as they were when the form opened.
    case edit(account: RecordID, base: TeamMember)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case name, role, responsibility
    }

    static func make(_ m: TeamMember?) -> Form {
        Form(
            title: m == nil ? "Add a team member" : "Edit \(m!.name)",
            fields: [
                FormField(Field.name, "Name", .text, value: m?.name ?? ""),
                FormField(
                    Field.role, "Role", .choice(Forms.codes(TeamRole.self)),
                    choice: Forms.index(m?.role, TeamRole.self)),
                FormField(Field.responsibility, "Responsible for", .text, value: m?.responsibility ?? "")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .add(let account), .edit(let account, _): id = account
        }
        let name = r.required(.name, "A name")
        var base: TeamMember?
        if case .edit(_, let member) = self { base = member }
        var member = base ?? TeamMember(name: name, role: .other)
        member.name = name
        member.role = r.choice(.role)
        member.responsibility = r.text(.responsibility)
        let mutation = base.map { Mutation.editTeamMember(base: $0, mine: member) } ?? .addTeamMember(member)
        return [.mutate(id, [mutation], message: "Saved team member \(name)")]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func addTeamMember(account: RecordID) -> Self { Self(TeamMemberForm.add(account: account)) }
    static func editTeamMember(account: RecordID, _ m: TeamMember) -> Self {
        Self(TeamMemberForm.edit(account: account, base: m))
    }
}
