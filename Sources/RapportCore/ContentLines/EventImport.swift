/// Calendar events as meetings: an event whose organizer or attendees include a
/// contact's email becomes a touchpoint (kind meeting, those contacts, its summary, its
/// start day) on that contact's account, through the same `addTouchpoint` the app sends;
/// an event with contacts at two accounts is logged on both. The event's UID is kept as
/// the touchpoint's `sourceID`, so an event imported before is skipped. Events matching
/// no contact, still to come, or cancelled are set apart, not imported.
public struct EventImportPlan: Sendable {
    public var plan: ImportPlan
    /// Events none of whose addresses is a contact's.
    public var unmatched: [CalendarEvent] = []
    /// Events that start after today: a touchpoint records what happened.
    public var upcoming: [CalendarEvent] = []
    public var cancelled: [CalendarEvent] = []

    /// Works out the import of `events` into a store holding `accounts`.
    public static func make(
        events: [CalendarEvent], issues: [ImportIssue], accounts: [Account], today: Day,
        importedBy: String = ""
    ) -> EventImportPlan {
        var planner = ImportPlanner(accounts: accounts, today: today, importedBy: importedBy)
        planner.plan.issues = issues
        var byEmail: [String: [(account: Int, contact: RecordID)]] = [:]
        for (i, account) in accounts.enumerated() {
            for contact in account.contacts where !contact.email.isEmpty {
                byEmail[contact.email.trimmingWhitespace().lowercased(), default: []].append((i, contact.id))
            }
        }
        var result = EventImportPlan(plan: ImportPlan())
        for event in events {
            var involved: [(account: Int, contacts: [RecordID])] = []
            for email in event.emails {
                for (i, id) in byEmail[email] ?? [] {
                    if let k = involved.firstIndex(where: { $0.account == i }) {
                        if !involved[k].contacts.contains(id) { involved[k].contacts.append(id) }
                    } else {
                        involved.append((i, [id]))
                    }
                }
            }
            if involved.isEmpty {
                result.unmatched.append(event)
            } else if event.cancelled {
                result.cancelled.append(event)
            } else if event.day > today {
                result.upcoming.append(event)
            } else {
                for (i, contacts) in involved {
                    do { try planner.importEvent(event, into: i, with: contacts) } catch {
                        planner.plan.issues.append(error)
                    }
                }
            }
        }
        planner.plan.issues.sort { $0.line < $1.line }
        result.plan = planner.finished()
        return result
    }
}

extension ImportPlanner {
    mutating func importEvent(_ event: CalendarEvent, into i: Int, with contacts: [RecordID])
        throws(ImportIssue)
    {
        let account = accounts[i]
        let summary = event.summary.isEmpty ? "Meeting (no title in the calendar)" : event.summary
        let record = "\(TouchKind.meeting.label) at \(account.name) on \(event.day): \(summary)"
        let known = account.touchpoints.contains {
            if let uid = event.uid { return $0.sourceID == uid }
            return $0.day == event.day && $0.kind == .meeting && $0.summary == summary
        }
        guard !known else {
            plan.outcomes.append(ImportOutcome(line: event.line, action: .skip, record: record))
            return
        }
        let touch = Touchpoint(
            day: event.day, kind: .meeting, contactIDs: contacts, summary: summary, loggedBy: importedBy,
            sourceID: event.uid)
        try change(i, .addTouchpoint(touch), line: event.line)
        plan.outcomes.append(ImportOutcome(line: event.line, action: .create, record: record))
    }
}
