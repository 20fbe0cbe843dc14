/// Touchpoints from a CSV row, into the account the row names: found again by our id,
/// the source's id, or the same day, kind and summary; the contacts it was with are
/// found by exact name or email in that account.
extension ImportPlanner {
    mutating func importTouchpoint(_ row: ImportRow) throws(ImportIssue) {
        let i = try account(of: row)
        let account = accounts[i]
        guard let summary = row[.summary] else {
            throw row.issue(.summary, "the summary is empty; say in a line what happened")
        }
        guard let day = try row.day(.date, today: today, direction: .past) else {
            throw row.issue(.date, "the day is empty; expected \(DayParser.accepted)")
        }
        do { try Touchpoint.validateDay(day, today: today) } catch {
            throw row.issue(.date, error.message)
        }
        guard let kind: TouchKind = try row.choice(.kind) else {
            throw row.issue(.kind, "the kind is empty; expected \(TouchKind.acceptedList)")
        }
        var touch = Touchpoint(day: day, kind: kind, summary: summary, loggedBy: importedBy)
        touch.sourceID = row[.sourceID]
        touch.contactIDs = try contacts(row, in: account)
        if let sentiment: Sentiment = try row.choice(.sentiment) { touch.sentiment = sentiment }
        touch.followUp = try row.day(.followUp, today: today, direction: .future)
        let record = "\(kind.label) at \(account.name) on \(day)"
        guard let found = Self.touchpoint(for: row, like: touch, in: account) else {
            if let id = row.ownID, id.rawValue.hasPrefix("tp-"),
                !account.touchpoints.contains(where: { $0.id == id })
            {
                touch.id = id
            }
            try change(i, .addTouchpoint(touch), row: row)
            plan.outcomes.append(ImportOutcome(line: row.line, action: .create, record: record))
            return
        }
        var mine = found
        mine.day = touch.day
        mine.kind = touch.kind
        mine.summary = touch.summary
        if row[.sourceID] != nil { mine.sourceID = touch.sourceID }
        if row[.with] != nil { mine.contactIDs = touch.contactIDs }
        if row[.sentiment] != nil { mine.sentiment = touch.sentiment }
        if row[.followUp] != nil { mine.followUp = touch.followUp }
        let changed = Touchpoint.changedFields(from: found, to: mine)
        guard !changed.isEmpty else {
            plan.outcomes.append(ImportOutcome(line: row.line, action: .skip, record: record))
            return
        }
        try change(i, .editTouchpoint(base: found, mine: mine), row: row)
        plan.outcomes.append(ImportOutcome(line: row.line, action: .update, record: record, changed: changed))
    }

    static func touchpoint(for row: ImportRow, like touch: Touchpoint, in account: Account) -> Touchpoint? {
        if let id = row.ownID, let t = account.touchpoints.first(where: { $0.id == id }) { return t }
        if let source = touch.sourceID, let t = account.touchpoints.first(where: { $0.sourceID == source }) {
            return t
        }
        return account.touchpoints.first {
            $0.day == touch.day && $0.kind == touch.kind && $0.summary == touch.summary
        }
    }

    /// The contacts in the `with` cell, by exact name or email (ignoring case).
    private func contacts(_ row: ImportRow, in account: Account) throws(ImportIssue) -> [RecordID] {
        var ids: [RecordID] = []
        for wanted in row.list(.with) ?? [] {
            let key = wanted.lowercased()
            guard
                let c = account.contacts.first(where: {
                    $0.name.lowercased() == key || (!$0.email.isEmpty && $0.email.lowercased() == key)
                })
            else {
                throw row.issue(
                    .with, "\(account.name) has no contact named '\(wanted)'; import the contacts first")
            }
            if !ids.contains(c.id) { ids.append(c.id) }
        }
        return ids
    }
}
