/// A change to one account, as plain data. The run loop applies it to the newest copy
/// of the account under the store lock, so edits to different records by two people
/// both survive.
public enum Mutation: Equatable, Sendable {
    case addTouchpoint(Touchpoint)
    case updateTouchpoint(Touchpoint)
    case removeTouchpoint(RecordID)
    case addConcern(Concern)
    case updateConcern(Concern)
    case removeConcern(RecordID)
    case upsertContact(Contact)
    case removeContact(RecordID)
    case upsertTeamMember(TeamMember)
    case removeTeamMember(RecordID)
    case updateFacts(AccountFacts)
    case completeFollowUp(DueRef, DueCompletion)
    case setPlan(RelationshipPlan)
    case setPlanStates(current: String, target: String)
    case upsertPlanItem(PlanItem)
    case removePlanItem(RecordID)
    /// Moves a plan item by `offset` places (negative: up).
    case movePlanItem(RecordID, offset: Int)
    case countTouchForPlan(touch: RecordID, item: RecordID)
    /// Adds or replaces a worksheet; a linked concern points back at it.
    case upsertWorksheet(Worksheet)
    case removeWorksheet(RecordID)
    case addLitmusCheck(LitmusCheck)
    case upsertMeasure(Measure)
    case removeMeasure(RecordID)
    case upsertRisk(Risk)
    case removeRisk(RecordID)
    case upsertExpectations(ExpectationSet)
    case removeExpectations(RecordID)
    case changeSeason(Season, reason: String)
    case snooze(FollowUp, until: Day, reason: String)

    /// Applies the change. Removing a contact also removes it from touchpoints and
    /// plan items, so nothing points at a contact that is gone. Throws when the change
    /// no longer fits the account (a follow-up already gone, a missing value). Returns
    /// a sentence for the user when the change itself has something to say (the next
    /// due date after a completion).
    @discardableResult
    public func apply(to account: inout Account, today: Day) throws -> String? {
        switch self {
        case .addTouchpoint(let t): account.touchpoints.append(t)
        case .updateTouchpoint(let t): replace(t, in: &account.touchpoints)
        case .removeTouchpoint(let id): account.touchpoints.removeAll { $0.id == id }
        case .addConcern(let c): account.concerns.append(c)
        case .updateConcern(let c): replace(c, in: &account.concerns)
        case .removeConcern(let id):
            account.concerns.removeAll { $0.id == id }
            for i in account.worksheets.indices where account.worksheets[i].concernID == id {
                account.worksheets[i].concernID = nil
            }
        case .upsertContact(let c):
            if account.contacts.contains(where: { $0.id == c.id }) {
                replace(c, in: &account.contacts)
            } else {
                account.contacts.append(c)
            }
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
        case .upsertTeamMember(let m):
            if account.team.contains(where: { $0.id == m.id }) {
                replace(m, in: &account.team)
            } else {
                account.team.append(m)
            }
        case .removeTeamMember(let id): account.team.removeAll { $0.id == id }
        case .updateFacts(let facts): facts.apply(to: &account, today: today)
        case .completeFollowUp(let ref, let done): return try account.complete(ref, done)
        case .setPlan(let plan): account.plan = plan
        case .setPlanStates(let current, let target):
            account.plan?.currentState = current
            account.plan?.targetState = target
        case .upsertPlanItem(let item):
            guard account.plan != nil else { throw InputError("\(account.name) has no plan any more") }
            if account.plan!.items.contains(where: { $0.id == item.id }) {
                replace(item, in: &account.plan!.items)
            } else {
                account.plan!.items.append(item)
            }
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
        case .upsertWorksheet(let w):
            if account.worksheets.contains(where: { $0.id == w.id }) {
                replace(w, in: &account.worksheets)
            } else {
                account.worksheets.append(w)
            }
            if let c = account.concerns.firstIndex(where: { $0.id == w.concernID }) {
                account.concerns[c].worksheetID = w.id
            }
        case .addLitmusCheck(let check):
            let before = account.health
            account.litmusChecks.append(check)
            let change =
                account.healthChange.map { $0 >= 0 ? " (+\($0))" : " (\($0))" }
                ?? (before == nil ? " (the first)" : " (new question set)")
            return "Litmus test saved: score \(check.score)\(change)"
        case .upsertMeasure(let m):
            if account.measures.contains(where: { $0.id == m.id }) {
                replace(m, in: &account.measures)
            } else {
                account.measures.append(m)
            }
        case .removeMeasure(let id): account.measures.removeAll { $0.id == id }
        case .upsertRisk(let r):
            if account.risks.contains(where: { $0.id == r.id }) {
                replace(r, in: &account.risks)
            } else {
                account.risks.append(r)
            }
        case .removeRisk(let id): account.risks.removeAll { $0.id == id }
        case .upsertExpectations(let e):
            if account.expectations.contains(where: { $0.id == e.id }) {
                replace(e, in: &account.expectations)
            } else {
                account.expectations.append(e)
            }
        case .removeExpectations(let id): account.expectations.removeAll { $0.id == id }
        case .changeSeason(let season, let reason):
            account.changeSeason(to: season, on: today, reason: reason)
        case .removeWorksheet(let id):
            account.worksheets.removeAll { $0.id == id }
            for i in account.concerns.indices where account.concerns[i].worksheetID == id {
                account.concerns[i].worksheetID = nil
            }
        case .snooze(let item, let until, let reason):
            try account.snooze(item, until: until, reason: reason, on: today)
        }
        return nil
    }

    private func replace<T: Identifiable>(_ value: T, in list: inout [T]) {
        if let i = list.firstIndex(where: { $0.id == value.id }) { list[i] = value }
    }
}
