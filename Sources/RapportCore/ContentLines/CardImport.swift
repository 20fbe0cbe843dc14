/// vCards into one account's contacts, through the same `addContact` and `editContact`
/// the app sends: a card is the contact with its email (ignoring case), else with its
/// name; a card that changes nothing is skipped, so importing a file twice creates
/// nothing twice. Only the fields a card has are written over the contact's.
extension ImportPlan {
    public static func make(cards: [VCard], issues: [ImportIssue], into account: Account, today: Day)
        -> ImportPlan
    {
        var planner = ImportPlanner(accounts: [account], today: today, importedBy: "")
        planner.plan.issues = issues
        for card in cards {
            do { try planner.importCard(card) } catch { planner.plan.issues.append(error) }
        }
        planner.plan.issues.sort { $0.line < $1.line }
        return planner.finished()
    }
}

extension ImportPlanner {
    mutating func importCard(_ card: VCard) throws(ImportIssue) {
        let account = accounts[0]
        let found =
            (card.email.isEmpty
                ? nil
                : account.contacts.first {
                    !$0.email.isEmpty && $0.email.lowercased() == card.email.lowercased()
                })
            ?? account.contacts.first { $0.name.lowercased() == card.name.lowercased() }
        let base = found ?? Contact(name: card.name)
        var contact = base
        contact.name = card.name
        if !card.title.isEmpty { contact.title = card.title }
        if !card.email.isEmpty { contact.email = card.email }
        if !card.phone.isEmpty { contact.phone = card.phone }
        let record = "\(contact.name) at \(account.name)"
        guard let found else {
            try change(0, .addContact(contact), line: card.line)
            plan.outcomes.append(ImportOutcome(line: card.line, action: .create, record: record))
            return
        }
        let changed = Contact.changedFields(from: found, to: contact)
        guard !changed.isEmpty else {
            plan.outcomes.append(ImportOutcome(line: card.line, action: .skip, record: record))
            return
        }
        try change(0, .editContact(base: found, mine: contact), line: card.line)
        plan.outcomes.append(
            ImportOutcome(line: card.line, action: .update, record: record, changed: changed))
    }
}
