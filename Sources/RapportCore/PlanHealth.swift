/// Where a plan item stands on a day.
public enum PlanItemStatus: String, Sendable {
    case onTrack = "on track"
    case due, overdue, paused
}

/// Something the relationship lacks that the plan should close.
public enum PlanGap: String, CaseIterable, Sendable {
    case noSeniorContact, noIndirectContacts, noRegularMeeting

    public var message: String {
        switch self {
        case .noSeniorContact: return "We know nobody senior: add a senior-leader contact"
        case .noIndirectContacts: return "No indirect contacts: add the people our work affects"
        case .noRegularMeeting: return "No regular meeting with the main contact: add the item"
        }
    }
}

extension PlanItem {
    /// Overdue when its next due day has passed, due within the coming week, paused
    /// when paused, else on track (a one-off item that is done is on track).
    public func status(on today: Day) -> PlanItemStatus {
        if paused { return .paused }
        guard let next = nextDue else { return .onTrack }
        if next < today { return .overdue }
        return today.days(until: next) <= 7 ? .due : .onTrack
    }
}

extension Account {
    /// What the relationship lacks, in the order the plan section shows it.
    public var planGaps: [PlanGap] {
        var gaps: [PlanGap] = []
        let current = currentContacts
        if !current.contains(where: { $0.level == .senior }) { gaps.append(.noSeniorContact) }
        if !current.contains(where: { $0.level == .indirect }) { gaps.append(.noIndirectContacts) }
        let meets =
            plan?.items.contains { $0.step == .mainContactMeeting && !$0.paused && $0.cadence != .once }
            ?? false
        if !meets { gaps.append(.noRegularMeeting) }
        return gaps
    }

    /// Plan items a touchpoint could count for: active, of a step the touch's kind
    /// suits, sharing a contact (or concerning nobody in particular), and due within
    /// two weeks or overdue. Most overdue first.
    public func planItems(matching touch: Touchpoint, on today: Day) -> [PlanItem] {
        guard let plan else { return [] }
        return plan.items.filter { item in
            guard !item.paused, let next = item.nextDue, today.days(until: next) <= 14,
                item.step.accepts(touch.kind)
            else { return false }
            return item.contactIDs.isEmpty || !Set(item.contactIDs).isDisjoint(with: touch.contactIDs)
        }.sorted { ($0.nextDue ?? today) < ($1.nextDue ?? today) }
    }
}

extension PlaybookStep {
    /// Whether a touchpoint of this kind can count as doing the step.
    public func accepts(_ kind: TouchKind) -> Bool {
        switch self {
        case .seniorLeaders: return [.meeting, .meal, .siteVisit, .call].contains(kind)
        case .askWhatTheyWant: return [.meeting, .call, .meal, .review].contains(kind)
        case .indirectUpdates: return [.report, .email, .meeting, .call].contains(kind)
        case .mainContactMeeting: return [.meeting, .call, .siteVisit, .review].contains(kind)
        case .outOfOffice: return kind == .meal
        case .custom: return true
        }
    }
}
