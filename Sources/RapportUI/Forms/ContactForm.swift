import RapportCore
import TUIKit

/// Adds a contact at the customer, or edits one (how often to keep in touch, when they left).
enum ContactForm: FormKind {
    case add(account: RecordID)
    /// Edits the contact as it was when the form opened.
    case edit(account: RecordID, base: Contact)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case name, title, level, channel, reports, ideal, maximum, email, phone, left
    }

    /// The contact form, pre-filled from `c`; a new contact starts at `level`.
    static func make(_ c: Contact?, level: ContactLevel = .main) -> Form {
        Form(
            title: c == nil ? "Add a contact" : "Edit \(c!.name)",
            fields: [
                FormField(Field.name, "Name", .text, value: c?.name ?? ""),
                FormField(Field.title, "Title", .text, value: c?.title ?? ""),
                FormField(
                    Field.level, "Level", .choice(Forms.codes(ContactLevel.self)),
                    choice: Forms.index(c?.level ?? level, ContactLevel.self)),
                FormField(
                    Field.channel, "Prefers", .choice(Forms.codes(Channel.self)),
                    choice: Forms.index(c?.channel, Channel.self)),
                FormField(
                    Field.reports, "Reports", .choice([Forms.notSet] + Forms.codes(ReportFrequency.self)),
                    choice: c?.reportFrequency.map { Forms.index($0, ReportFrequency.self) + 1 } ?? 0),
                FormField(
                    Field.ideal, "Touch every", .number,
                    value: c?.keepInTouch.map { String($0.idealDays) } ?? "", hint: "days (optional)"),
                FormField(
                    Field.maximum, "At most", .number,
                    value: c?.keepInTouch.map { String($0.maximumDays) } ?? "",
                    hint: "days before it is overdue"),
                FormField(Field.email, "Email", .text, value: c?.email ?? ""),
                FormField(Field.phone, "Phone", .text, value: c?.phone ?? ""),
                FormField(
                    Field.left, "Left on", .day, value: c?.leftOn?.iso ?? "",
                    hint: "when they left the customer")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .add(let account), .edit(let account, _): id = account
        }
        let name = r.required(.name, "A name")
        let ideal = r.days(.ideal)
        let maximum = r.days(.maximum)
        if (ideal == nil) != (maximum == nil) {
            r.fail(ideal == nil ? .ideal : .maximum, "give both intervals, or neither")
        }
        if let i = ideal, let m = maximum, m < i {
            r.fail(.maximum, "must be at least the ideal interval (\(i))")
        }
        let reports = r.text(.reports)
        var base: Contact?
        if case .edit(_, let contact) = self { base = contact }
        var contact = base ?? Contact(name: name)
        contact.name = name
        contact.title = r.text(.title)
        contact.level = r.choice(.level)
        contact.channel = r.choice(.channel)
        contact.reportFrequency = ReportFrequency(rawValue: reports)
        contact.keepInTouch = ideal.flatMap { i in
            maximum.map { KeepInTouch(idealDays: i, maximumDays: $0) }
        }
        contact.email = r.text(.email)
        contact.phone = r.text(.phone)
        contact.leftOn = r.day(.left, .past)
        let mutation = base.map { Mutation.editContact(base: $0, mine: contact) } ?? .addContact(contact)
        return [.mutate(id, [mutation], message: "Saved contact \(name)")]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func addContact(account: RecordID) -> Self { Self(ContactForm.add(account: account)) }
    static func editContact(account: RecordID, _ c: Contact) -> Self {
        Self(ContactForm.edit(account: account, base: c))
    }
}
