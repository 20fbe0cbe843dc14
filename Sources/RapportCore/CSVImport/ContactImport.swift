/// Contacts from a CSV row, into the account the row names (never a guess): found again
/// by our id, the source's id, the email, or (for a row without an email) the name.
extension ImportPlanner {
    mutating func importContact(_ row: ImportRow) throws(ImportIssue) {
        guard let name = row.personName else {
            throw row.issue(
                row.columns.column(of: .name) != nil ? .name : .lastName, "the contact's name is empty")
        }
        let i = try account(of: row)
        let account = accounts[i]
        let found = Self.contact(for: row, name: name, in: account)
        let base = found ?? Contact(name: name)
        var contact = base
        try read(row, into: &contact, name: name)
        let record = "\(contact.name) at \(account.name)"
        guard let found else {
            if let id = row.ownID, id.rawValue.hasPrefix("con-"),
                account.contact(id) == nil
            {
                contact.id = id
            }
            try change(i, .addContact(contact), row: row)
            plan.outcomes.append(ImportOutcome(line: row.line, action: .create, record: record))
            return
        }
        let changed = Contact.changedFields(from: found, to: contact)
        guard !changed.isEmpty else {
            plan.outcomes.append(ImportOutcome(line: row.line, action: .skip, record: record))
            return
        }
        try change(i, .editContact(base: found, mine: contact), row: row)
        plan.outcomes.append(ImportOutcome(line: row.line, action: .update, record: record, changed: changed))
    }

    static func contact(for row: ImportRow, name: String, in account: Account) -> Contact? {
        if let id = row.ownID, let c = account.contacts.first(where: { $0.id == id }) { return c }
        if let source = row[.sourceID], let c = account.contacts.first(where: { $0.sourceID == source }) {
            return c
        }
        if let email = row[.email]?.lowercased() {
            return account.contacts.first { $0.email.lowercased() == email }
        }
        return account.contacts.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The row's non-empty cells over the contact.
    private func read(_ row: ImportRow, into contact: inout Contact, name: String) throws(ImportIssue) {
        contact.name = name
        if let source = row[.sourceID] { contact.sourceID = source }
        if let title = row[.title] { contact.title = title }
        if let level: ContactLevel = try row.choice(.level) { contact.level = level }
        if let email = row[.email] {
            guard email.contains("@") else {
                throw row.issue(.email, "'\(email)' is not an email address (it has no @)")
            }
            contact.email = email
        }
        if let phone = row[.phone] { contact.phone = phone }
        if let channel: Channel = try row.choice(.channel) { contact.channel = channel }
        if let left = try row.day(.leftOn, today: today, direction: .past) { contact.leftOn = left }
    }
}
