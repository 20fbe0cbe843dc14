extension Mutation {
    /// The result of merging an edit into an account's current record.
    struct EditMerge {
        /// Fields both sides changed differently (they kept the current value).
        var conflicts: [FieldConflict]
        /// The edit again, based on the current record: my changes and the fields kept mine.
        var rebased: Mutation
    }

    /// For an edit, merges it into the account's current record (written into `account`
    /// only when nothing conflicts); nil for every other mutation. Fields whose conflict
    /// key is in `keepingMine` take my value. Throws when the record was deleted meanwhile.
    func merge(into account: inout Account, keepingMine: Set<String>, today: Day) throws -> EditMerge? {
        let names = account.mergeNames
        func edit<R: FieldMergeable & Identifiable>(
            _ list: WritableKeyPath<Account, [R]>, _ base: R, _ mine: R, _ what: String,
            _ rebuild: (R, R) -> Mutation
        ) throws -> EditMerge where R.ID == RecordID {
            guard let i = account[keyPath: list].firstIndex(where: { $0.id == base.id }) else {
                throw Self.gone(what, from: account)
            }
            let current = account[keyPath: list][i]
            let (merged, conflicts) = R.merge(
                base: base, mine: mine, current: current, keepingMine: keepingMine, names: names)
            if conflicts.isEmpty { account[keyPath: list][i] = merged }
            return EditMerge(conflicts: conflicts, rebased: rebuild(current, merged))
        }
        switch self {
        case .editTouchpoint(let b, let m):
            return try edit(\.touchpoints, b, m, "the touchpoint “\(b.summary)”", Self.editTouchpoint)
        case .editConcern(let b, let m):
            return try edit(\.concerns, b, m, "the concern “\(b.summary)”", Self.editConcern)
        case .editContact(let b, let m):
            return try edit(\.contacts, b, m, "the contact \(b.name)", Self.editContact)
        case .editTeamMember(let b, let m):
            return try edit(\.team, b, m, "the team member \(b.name)", Self.editTeamMember)
        case .editMeasure(let b, let m):
            return try edit(\.measures, b, m, "the measure \(b.name)", Self.editMeasure)
        case .editRisk(let b, let m):
            return try edit(\.risks, b, m, "the risk “\(b.disruption)”", Self.editRisk)
        case .editExpectations(let b, let m):
            return try edit(\.expectations, b, m, "the expectations for \(b.title)", Self.editExpectations)
        case .editWorksheet(let b, let m):
            let result = try edit(\.worksheets, b, m, "the worksheet “\(b.title)”", Self.editWorksheet)
            if result.conflicts.isEmpty, let w = account.worksheets.first(where: { $0.id == b.id }) {
                Self.link(w, in: &account)
            }
            return result
        case .editPlanItem(let b, let m):
            guard account.plan != nil else { throw Self.gone("the plan", from: account) }
            return try edit(\.planItems, b, m, "the plan item “\(b.title)”", Self.editPlanItem)
        case .editGoal(let setID, let b, let m):
            guard let i = account.expectations.firstIndex(where: { $0.id == setID }) else {
                throw Self.gone("the expectations of the goal “\(b.text)”", from: account)
            }
            return try edit(\.expectations[i].goals, b, m, "the goal “\(b.text)”") {
                .editGoal(set: setID, base: $0, mine: $1)
            }
        case .editPlan(let b, let m):
            guard let current = account.plan else { throw Self.gone("the plan", from: account) }
            let (merged, conflicts) = RelationshipPlan.merge(
                base: b, mine: m, current: current, keepingMine: keepingMine, names: names)
            if conflicts.isEmpty { account.plan = merged }
            return EditMerge(conflicts: conflicts, rebased: .editPlan(base: current, mine: merged))
        case .editFacts(let b, let m):
            let current = AccountFacts(account)
            var (merged, conflicts) = AccountFacts.merge(
                base: b, mine: m, current: current, keepingMine: keepingMine, names: names)
            merged.seasonReason = m.seasonReason
            if conflicts.isEmpty { merged.apply(to: &account, today: today) }
            return EditMerge(conflicts: conflicts, rebased: .editFacts(base: current, mine: merged))
        default:
            return nil
        }
    }

    /// Whether this is an edit that changes nothing (every field as it was).
    public var changesNothing: Bool {
        switch self {
        case .editTouchpoint(let b, let m): return b == m
        case .editConcern(let b, let m): return b == m
        case .editContact(let b, let m): return b == m
        case .editTeamMember(let b, let m): return b == m
        case .editMeasure(let b, let m): return b == m
        case .editRisk(let b, let m): return b == m
        case .editExpectations(let b, let m): return b == m
        case .editWorksheet(let b, let m): return b == m
        case .editPlanItem(let b, let m): return b == m
        case .editGoal(_, let b, let m): return b == m
        case .editPlan(let b, let m): return b == m
        case .editFacts(var b, let m):
            b.seasonReason = m.seasonReason
            return b == m
        default: return false
        }
    }

    private static func gone(_ what: String, from account: Account) -> InputError {
        InputError("\(what) was deleted from \(account.name) meanwhile; your changes to it were not saved")
    }
}

extension Account {
    /// The plan's items, for edits (the plan is there: edits check first).
    fileprivate var planItems: [PlanItem] {
        get { plan?.items ?? [] }
        set { plan?.items = newValue }
    }
}
