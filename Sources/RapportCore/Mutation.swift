/// A change to one account, as plain data. The run loop applies it to the newest copy
/// of the account under the store lock, so edits to different records by two people
/// both survive.
///
/// An edit of an existing record carries the record as the edit began (`base`) and as
/// the user left it (`mine`), never the record alone: applying it changes only the
/// fields the user changed, merged into the newest copy (see `FieldMergeable`). A field
/// the newest copy changed meanwhile to something else is a conflict (`EditConflict`),
/// and nothing is written. Adds bring in a new record (or, undoing a delete, the old one
/// again) and change nothing that is there.
public enum Mutation: Equatable, Sendable {
    case addTouchpoint(Touchpoint)
    case editTouchpoint(base: Touchpoint, mine: Touchpoint)
    case removeTouchpoint(RecordID)
    case addConcern(Concern)
    case editConcern(base: Concern, mine: Concern)
    case removeConcern(RecordID)
    case addContact(Contact)
    case editContact(base: Contact, mine: Contact)
    case removeContact(RecordID)
    case addTeamMember(TeamMember)
    case editTeamMember(base: TeamMember, mine: TeamMember)
    case removeTeamMember(RecordID)
    /// The account's facts; a changed season goes into the history with its reason.
    case editFacts(base: AccountFacts, mine: AccountFacts)
    case completeFollowUp(DueRef, DueCompletion)
    /// Starts the plan; if one was started meanwhile, its items join it and its states
    /// fill the ones still blank.
    case startPlan(RelationshipPlan)
    /// What the relationship is and needs to be (the plan's items are edited one by one).
    case editPlan(base: RelationshipPlan, mine: RelationshipPlan)
    case addPlanItem(PlanItem)
    case editPlanItem(base: PlanItem, mine: PlanItem)
    case removePlanItem(RecordID)
    /// Moves a plan item by `offset` places (negative: up).
    case movePlanItem(RecordID, offset: Int)
    case countTouchForPlan(touch: RecordID, item: RecordID)
    /// Adds a worksheet; a linked concern points back at it.
    case addWorksheet(Worksheet)
    /// Edits a worksheet (a step, an entry, its frame); a linked concern points back at it.
    case editWorksheet(base: Worksheet, mine: Worksheet)
    case removeWorksheet(RecordID)
    case addLitmusCheck(LitmusCheck)
    case addMeasure(Measure)
    case editMeasure(base: Measure, mine: Measure)
    /// A month's reading of a measure (replacing that month's earlier one).
    case addReading(measure: RecordID, MeasureReading)
    case removeMeasure(RecordID)
    case addRisk(Risk)
    case editRisk(base: Risk, mine: Risk)
    case removeRisk(RecordID)
    case addExpectations(ExpectationSet)
    case editExpectations(base: ExpectationSet, mine: ExpectationSet)
    case removeExpectations(RecordID)
    case addGoal(set: RecordID, Goal)
    case editGoal(set: RecordID, base: Goal, mine: Goal)
    case removeGoal(set: RecordID, RecordID)
    case changeSeason(Season, reason: String)
    case snooze(FollowUp, until: Day, reason: String)
    /// Settles a merge conflict: keeps the value the account holds, or takes the other.
    case settleMergeConflict(RecordID, takingOther: Bool)
    /// Asks for a litmus check-up, due from the day given (a sweep after a loss, D48).
    case requestCheckup(due: Day)

    /// Applies the change. Removing a contact also removes it from touchpoints and
    /// plan items, so nothing points at a contact that is gone. Throws `EditConflict`
    /// when an edit meets a field changed meanwhile, and `InputError` when the change no
    /// longer fits the account (a record deleted meanwhile, a follow-up already gone).
    /// Returns a sentence for the user when the change itself has something to say (the
    /// next due date after a completion).
    @discardableResult
    public func apply(to account: inout Account, today: Day) throws -> String? {
        if let edit = try merge(into: &account, keepingMine: [], today: today), !edit.conflicts.isEmpty {
            throw EditConflict(account: account, mutation: self, conflicts: edit.conflicts)
        }
        switch self {
        case .addTouchpoint(let t): account.touchpoints.append(t)
        case .removeTouchpoint(let id): account.touchpoints.removeAll { $0.id == id }
        case .addConcern(let c): account.concerns.append(c)
        case .removeConcern(let id):
            account.concerns.removeAll { $0.id == id }
            for i in account.worksheets.indices where account.worksheets[i].concernID == id {
                account.worksheets[i].concernID = nil
            }
        case .addContact(let c): add(c, to: &account.contacts)
        case .removeContact(let id):
            account.contacts.removeAll { $0.id == id }
            for i in account.touchpoints.indices { account.touchpoints[i].contactIDs.removeAll { $0 == id } }
            for i in account.concerns.indices where account.concerns[i].raisedBy == id {
                account.concerns[i].raisedBy = nil
            }
            if account.plan != nil {
                for i in account.plan!.items.indices {
                    account.plan!.items[i].contactIDs.removeAll { $0 == id }
                }
            }
        case .addTeamMember(let m): add(m, to: &account.team)
        case .removeTeamMember(let id): account.team.removeAll { $0.id == id }
        case .completeFollowUp(let ref, let done): return try account.complete(ref, done)
        case .startPlan(let plan): Self.start(plan, in: &account)
        case .addPlanItem(let item):
            guard account.plan != nil else { throw InputError("\(account.name) has no plan any more") }
            add(item, to: &account.plan!.items)
        case .removePlanItem(let id):
            account.plan?.items.removeAll { $0.id == id }
        case .movePlanItem(let id, let offset):
            guard var items = account.plan?.items, let i = items.firstIndex(where: { $0.id == id }) else {
                return nil
            }
            let j = min(max(0, i + offset), items.count - 1)
            items.insert(items.remove(at: i), at: j)
            account.plan?.items = items
        case .countTouchForPlan(let touch, let item):
            try account.count(touch: touch, asDoneFor: item)
        case .addWorksheet(let w):
            add(w, to: &account.worksheets)
            Self.link(w, in: &account)
        case .addLitmusCheck(let check):
            let before = account.health
            account.litmusChecks.append(check)
            let change =
                account.healthChange.map { $0 >= 0 ? " (+\($0))" : " (\($0))" }
                ?? (before == nil ? " (the first)" : " (new question set)")
            return "Litmus test saved: score \(check.score)\(change)"
        case .addMeasure(let m): add(m, to: &account.measures)
        case .addReading(let id, let reading):
            guard let i = account.measures.firstIndex(where: { $0.id == id }) else {
                throw InputError(
                    "the measure was deleted from \(account.name) meanwhile; the reading was not saved")
            }
            account.measures[i].record(reading.value, month: reading.month, note: reading.note)
        case .removeMeasure(let id): account.measures.removeAll { $0.id == id }
        case .addRisk(let r): add(r, to: &account.risks)
        case .removeRisk(let id): account.risks.removeAll { $0.id == id }
        case .addExpectations(let e): add(e, to: &account.expectations)
        case .removeExpectations(let id): account.expectations.removeAll { $0.id == id }
        case .addGoal(let setID, let goal):
            guard let i = account.expectations.firstIndex(where: { $0.id == setID }) else {
                throw InputError(
                    "those expectations were deleted from \(account.name) meanwhile; the goal was not saved")
            }
            add(goal, to: &account.expectations[i].goals)
        case .removeGoal(let setID, let id):
            if let i = account.expectations.firstIndex(where: { $0.id == setID }) {
                account.expectations[i].goals.removeAll { $0.id == id }
            }
        case .changeSeason(let season, let reason):
            account.changeSeason(to: season, on: today, reason: reason)
        case .removeWorksheet(let id):
            account.worksheets.removeAll { $0.id == id }
            for i in account.concerns.indices where account.concerns[i].worksheetID == id {
                account.concerns[i].worksheetID = nil
            }
        case .snooze(let item, let until, let reason):
            try account.snooze(item, until: until, reason: reason, on: today)
        case .settleMergeConflict(let id, let takingOther):
            try account.settle(id, takingOther: takingOther)
        case .requestCheckup(let day): account.checkupRequestedOn = day
        case .editTouchpoint, .editConcern, .editContact, .editTeamMember, .editFacts, .editPlan,
            .editPlanItem, .editWorksheet, .editMeasure, .editRisk, .editExpectations, .editGoal:
            break  // merged above
        }
        return nil
    }

    /// Adds a record unless one with its id is there (undoing a delete twice adds it once).
    private func add<T: Identifiable>(_ value: T, to list: inout [T]) {
        if !list.contains(where: { $0.id == value.id }) { list.append(value) }
    }

    /// A worksheet's concern points back at it.
    static func link(_ w: Worksheet, in account: inout Account) {
        if let c = account.concerns.firstIndex(where: { $0.id == w.concernID }) {
            account.concerns[c].worksheetID = w.id
        }
    }

    /// Starts a plan, or joins one started meanwhile: nothing of it is replaced.
    private static func start(_ plan: RelationshipPlan, in account: inout Account) {
        guard var existing = account.plan else {
            account.plan = plan
            return
        }
        if existing.currentState.isEmpty { existing.currentState = plan.currentState }
        if existing.targetState.isEmpty { existing.targetState = plan.targetState }
        for item in plan.items where !existing.items.contains(where: { $0.id == item.id }) {
            existing.items.append(item)
        }
        account.plan = existing
    }
}
