/// What the user says when marking a follow-up done.
public struct DueCompletion: Equatable, Sendable {
    public var day: Day
    public var note: String
    /// Who did it (logged on touchpoints).
    public var by: String
    /// A reading, for satisfaction and measure items.
    public var value: Double?
    /// The outcome, for a worksheet evaluation.
    public var outcome: Outcome?

    public init(day: Day, note: String = "", by: String = "", value: Double? = nil, outcome: Outcome? = nil) {
        self.day = day
        self.note = note
        self.by = by
        self.value = value
        self.outcome = outcome
    }
}

extension DueRef {
    /// What completing this item needs besides a note.
    public enum Needs: Equatable, Sendable { case nothing, value, outcome, litmusTest }

    public var needs: Needs {
        switch self {
        case .satisfaction, .reading: return .value
        case .evaluation: return .outcome
        case .litmus: return .litmusTest
        default: return .nothing
        }
    }
}

extension Account {
    /// Records a follow-up as done where it belongs — a plan item's completion, an
    /// action's status, a concern's response, a reading — logging the touchpoint the
    /// work implies, so the next occurrence moves on. Returns a sentence for the user.
    /// Throws when the item no longer exists or a needed value is missing.
    @discardableResult
    public mutating func complete(_ ref: DueRef, _ done: DueCompletion) throws -> String {
        defer { snoozes.removeAll { $0.itemKey == "\(id)/\(ref.keyPart)" } }
        let gone = InputError("that follow-up no longer exists at \(name); the list was out of date")
        switch ref {
        case .planItem(let itemID):
            guard var plan, let i = plan.items.firstIndex(where: { $0.id == itemID }) else { throw gone }
            let item = plan.items[i]
            let touch = logTouch(
                kind: item.step.touchKind, contacts: item.contactIDs, summary: item.title, done)
            plan.items[i].completions.append(
                PlanCompletion(day: done.day, note: done.note, touchpointID: touch.id))
            self.plan = plan
            touchpoints[touchpoints.count - 1].planItemID = itemID
            let next = plan.items[i].nextDue.map { "; next due \($0.iso)" } ?? ""
            return "Done: \(item.title)\(next)"
        case .action(let worksheetID, let actionID):
            guard let w = worksheets.firstIndex(where: { $0.id == worksheetID }),
                let a = worksheets[w].actions.firstIndex(where: { $0.id == actionID })
            else { throw gone }
            worksheets[w].actions[a].status = .done
            worksheets[w].actions[a].doneOn = done.day
            if !worksheets[w].actions.contains(where: \.status.isOpen), worksheets[w].status != .closed {
                worksheets[w].status = .evaluating
            }
            return "Action done: \(worksheets[w].actions[a].text)"
        case .evaluation(let worksheetID):
            guard let w = worksheets.firstIndex(where: { $0.id == worksheetID }) else { throw gone }
            guard let outcome = done.outcome else {
                throw InputError("an evaluation needs its outcome: \(Outcome.acceptedList)")
            }
            worksheets[w].evaluation.outcome = outcome
            worksheets[w].evaluation.evaluatedOn = done.day
            if !done.note.isEmpty {
                let learned = worksheets[w].evaluation.learned
                worksheets[w].evaluation.learned = learned.isEmpty ? done.note : learned + "\n" + done.note
            }
            worksheets[w].status = .closed
            return "Evaluated \"\(worksheets[w].title)\": \(outcome.label); worksheet closed"
        case .concern(let concernID):
            guard let c = concerns.firstIndex(where: { $0.id == concernID }) else { throw gone }
            concerns[c].respondedOn = done.day
            if concerns[c].status == .open { concerns[c].status = .inProgress }
            let contacts = concerns[c].raisedBy.map { [$0] } ?? []
            logTouch(
                kind: .call, contacts: contacts, summary: "Responded to concern: \(concerns[c].summary)", done
            )
            return "Response recorded for \"\(concerns[c].summary)\""
        case .contact(let contactID):
            guard let contact = contact(contactID) else { throw gone }
            logTouch(
                kind: contact.channel.touchKind, contacts: [contactID],
                summary: "Touched base with \(contact.name)", done)
            return "Logged a \(contact.channel.touchKind.label) with \(contact.name)"
        case .litmus:
            throw InputError("the litmus test is done by answering its questions: run it from the account")
        case .satisfaction:
            guard let value = done.value else {
                throw InputError("a satisfaction measurement needs its value")
            }
            let month = YearMonth(done.day)
            let m =
                measures.firstIndex(where: \.isSatisfaction)
                ?? {
                    measures.append(
                        Measure(
                            name: "Customer satisfaction", unit: "score", isSatisfaction: true,
                            createdOn: done.day))
                    return measures.count - 1
                }()
            measures[m].record(value, month: month, note: done.note)
            return "Satisfaction \(Measure.format(value)) recorded for \(month.name)"
        case .reading(let measureID, let month):
            guard let m = measures.firstIndex(where: { $0.id == measureID }) else { throw gone }
            guard let value = done.value else { throw InputError("a reading needs its value") }
            measures[m].record(value, month: month, note: done.note)
            return "\(measures[m].name): \(Measure.format(value)) recorded for \(month.name)"
        case .touchFollowUp(let touchID):
            guard let t = touchpoints.firstIndex(where: { $0.id == touchID }) else { throw gone }
            touchpoints[t].followUpDoneOn = done.day
            let original = touchpoints[t]
            logTouch(
                kind: original.kind, contacts: original.contactIDs, summary: "Follow-up: \(original.summary)",
                done)
            return "Followed up: \(original.summary)"
        case .riskReview(let riskID):
            guard let r = risks.firstIndex(where: { $0.id == riskID }) else { throw gone }
            risks[r].reviewOn = done.day.adding(months: 3)
            return "Risk reviewed; next review \(risks[r].reviewOn!.iso)"
        case .renewal:
            guard contract != nil else { throw gone }
            contract!.preparedOn = done.day
            return "Renewal prepared; it renews \(contract!.renewsOn.iso)"
        case .renewalNotice:
            guard contract != nil else { throw gone }
            contract!.noticeHandledOn = done.day
            return "Notice deadline dealt with; it renews \(contract!.renewsOn.iso)"
        case .renewalDay:
            try markRenewed(on: done.day)
            return "Renewed; next renewal \(contract!.renewsOn.iso)"
        case .reconnect(let contactID):
            guard let c = contacts.firstIndex(where: { $0.id == contactID }) else { throw gone }
            contacts[c].reconnectedOn = done.day
            return "Reconnected after \(contacts[c].name) left"
        case .mergeConflict(let conflictID):
            guard let conflict = mergeConflicts?.first(where: { $0.id == conflictID }) else { throw gone }
            try settle(conflictID, takingOther: false)
            return "Merge conflict settled: \(conflict.field) stays \(MergeConflict.display(conflict.kept))"
        }
    }

    /// Defers a follow-up to `until` with a reason. A later snooze of the same item
    /// replaces the earlier one.
    public mutating func snooze(_ item: FollowUp, until: Day, reason: String, on today: Day) throws {
        guard until > today else { throw InputError("snooze until a day after today, not \(until.iso)") }
        snoozes.removeAll { $0.itemKey == item.key }
        snoozes.append(Snooze(itemKey: item.key, until: until, reason: reason, on: today))
    }

    @discardableResult
    private mutating func logTouch(
        kind: TouchKind, contacts: [RecordID], summary: String, _ done: DueCompletion
    ) -> Touchpoint {
        let text = done.note.isEmpty ? summary : "\(summary): \(done.note)"
        let touch = Touchpoint(
            day: done.day, kind: kind, contactIDs: contacts.filter { contact($0) != nil },
            summary: text, loggedBy: done.by)
        touchpoints.append(touch)
        return touch
    }

}

extension PlaybookStep {
    /// The kind of touchpoint doing this step means.
    public var touchKind: TouchKind {
        switch self {
        case .seniorLeaders, .askWhatTheyWant, .mainContactMeeting: return .meeting
        case .indirectUpdates: return .report
        case .outOfOffice: return .meal
        case .custom: return .call
        }
    }
}

extension Channel {
    /// The touchpoint a contact through this channel is.
    public var touchKind: TouchKind {
        switch self {
        case .phone: return .call
        case .email: return .email
        case .video, .inPerson: return .meeting
        }
    }
}
