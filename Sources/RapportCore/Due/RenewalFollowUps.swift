extension Account {
    /// The renewal's follow-ups (D50): its preparation at the tier's offsets before the
    /// renewal day (the first offset not yet met since the terms were set or last prepared;
    /// due at once when the terms were set after every offset), the notice deadline of a
    /// contract that does not renew itself, and the renewal day, where it is marked renewed
    /// (or the account set lost). None of it depends on today, so the index keeps it.
    func renewalFollowUps(policy: DuePolicy) -> [FollowUp] {
        guard let c = contract else { return [] }
        var items: [FollowUp] = []
        func add(_ title: String, _ ref: DueRef, due: Day, why: String) {
            items.append(
                FollowUp(
                    accountID: id, accountName: name, title: title, ref: ref, due: due, owner: owner, why: why
                ))
        }
        let worth = Money.grouped(renewalValue)
        let floor = c.preparedOn.map { $0.adding(days: 1) } ?? c.setOn
        let checkpoints = policy.renewalOffsets(for: tier).map {
            (days: $0, day: c.renewsOn.adding(days: -$0))
        }
        if let next = checkpoints.first(where: { $0.day >= floor && $0.day <= c.renewsOn }) {
            add(
                "Prepare the renewal (\(next.days) days out)", .renewal, due: next.day,
                why: "Renews \(c.renewsOn.iso), worth \(worth) a year; prepared \(next.days) days before")
        } else if c.preparedOn == nil, c.setOn < c.renewsOn {
            add(
                "Prepare the renewal", .renewal, due: c.setOn,
                why: "Renews \(c.renewsOn.iso), worth \(worth) a year; set too late for the usual preparation"
            )
        }
        if !c.autoRenews, c.noticeDays > 0, c.noticeHandledOn == nil {
            let deadline = c.renewsOn.adding(days: -c.noticeDays)
            add(
                "Notice deadline for the renewal", .renewalNotice, due: deadline,
                why:
                    "The contract does not renew itself and needs \(c.noticeDays) days' notice before \(c.renewsOn.iso)"
            )
        }
        add(
            "Renewal day: renewed or lost?", .renewalDay, due: c.renewsOn,
            why:
                "Worth \(worth) a year; \(c.autoRenews ? "renews itself" : "does not renew itself"); mark it renewed, or the account lost"
        )
        return items
    }
}
