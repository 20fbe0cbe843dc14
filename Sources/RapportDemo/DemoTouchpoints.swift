import RapportCore

/// The touchpoint history of a demo account, told as its manager would have lived it:
/// touches on the account's rhythm, the touches that did each plan item (credited to the
/// item), every contact with a rhythm reached within it unless the story says otherwise,
/// and follow-ups kept except where the story is trouble.
extension DemoBuilder {
    /// The kinds of routine touches, by weight.
    static let routineKinds: [(TouchKind, Int)] = [
        (.call, 30), (.email, 25), (.meeting, 20), (.report, 10), (.meal, 5), (.siteVisit, 5), (.review, 5)
    ]

    /// Fills the account's touchpoints, and its plan items' completions from them.
    func addTouchpoints(
        _ p: DemoProfile, to account: inout Account, using random: inout SeededRandom,
        phrasebook: inout DemoPhrasebook
    ) {
        let since = account.customerSince ?? account.createdOn
        var touches = routineTouches(
            p, contacts: account.contacts, since: since, using: &random, phrasebook: &phrasebook)
        if account.plan != nil {
            touches += planTouches(p, account: &account, using: &random, phrasebook: &phrasebook)
        }
        touches.sort { $0.day < $1.day }
        account.touchpoints = touches
        reachContacts(p, in: &account, using: &random, phrasebook: &phrasebook)
        keepFollowUps(in: &account)
    }

    /// Touches on the account's rhythm, newest first while generated: the profile's own
    /// topics, then routine ones.
    func routineTouches(
        _ p: DemoProfile, contacts: [Contact], since: Day, using random: inout SeededRandom,
        phrasebook: inout DemoPhrasebook
    ) -> [Touchpoint] {
        let earliest = max(ago(Self.historyDays), since)
        var result: [Touchpoint] = []
        var day = ago(p.lastTouchDaysAgo)
        var index = 0
        while day >= earliest {
            let present = contacts.filter { $0.leftOn.map { day < $0 } ?? true }
            var with: [Contact] = []
            if let main = present.first(where: { $0.level == .main }) ?? present.first { with.append(main) }
            // Others take turns, so each contact is reached now and then; a cold
            // relationship has stopped reaching beyond the main contact.
            if present.count > 1, p.mood != "cold", index % 2 == 1 {
                let other = present[(index / 2) % present.count]
                if !with.contains(where: { $0.id == other.id }) { with.append(other) }
            }
            let kind: TouchKind
            let summary: String
            if index < p.topics.count {
                kind = p.topics[index].kind
                summary = p.topics[index].text
            } else {
                kind = weighted(Self.routineKinds, using: &random)
                summary = phrasebook.summary(
                    from: portfolio.phrasings[kind.rawValue] ?? [], with: with.first, on: day, using: &random)
            }
            var touch = Touchpoint(
                id: .generate("tp", using: &random), day: day, kind: kind, contactIDs: with.map(\.id),
                summary: summary, sentiment: sentiment(p.mood, recent: index < 3, using: &random),
                loggedBy: p.owner)
            if random.next() % 6 == 0 || index == 0 {
                touch.followUp = day.adding(days: 7 + Int(random.next() % 14))
            }
            result.append(touch)
            let jitter = max(1, p.touchEveryDays * 3 / 10)
            day = day.adding(days: -(p.touchEveryDays - jitter + Int(random.next() % UInt64(2 * jitter + 1))))
            index += 1
        }
        return result
    }

    /// The touches that did the plan's items, each on the item's rhythm with the item's
    /// contacts and a kind that fits its step, and credited to the item. An item whose
    /// contacts the account lacks has had nothing to do yet: it starts in a few days.
    func planTouches(
        _ p: DemoProfile, account: inout Account, using random: inout SeededRandom,
        phrasebook: inout DemoPhrasebook
    ) -> [Touchpoint] {
        guard var plan = account.plan else { return [] }
        var result: [Touchpoint] = []
        for index in plan.items.indices {
            var item = plan.items[index]
            let contacts = account.contacts.filter { item.contactIDs.contains($0.id) }
            let byKind = portfolio.planPhrasings[item.step.rawValue] ?? [:]
            let kinds = byKind.keys.sorted().compactMap(TouchKind.init(rawValue:))
            guard !contacts.isEmpty, !kinds.isEmpty else {
                item.startOn = today.adding(days: 4)
                plan.items[index] = item
                continue
            }
            while let due = item.nextDue, due < today {
                let doneOn = due.adding(days: Int(random.next() % 4))
                if doneOn >= today { break }
                let kind = kinds[Int(random.next() % UInt64(kinds.count))]
                let summary = phrasebook.summary(
                    from: byKind[kind.rawValue] ?? [], with: contacts.first, on: doneOn, using: &random)
                let touch = Touchpoint(
                    id: .generate("tp", using: &random), day: doneOn, kind: kind,
                    contactIDs: contacts.map(\.id), summary: summary,
                    sentiment: sentiment(p.mood, recent: false, using: &random), loggedBy: item.owner,
                    planItemID: item.id)
                item.completions.append(PlanCompletion(day: doneOn, note: summary, touchpointID: touch.id))
                result.append(touch)
            }
            plan.items[index] = item
        }
        account.plan = plan
        return result
    }

    /// Reaches every current contact with a keep-in-touch rhythm within its ideal
    /// interval (unless the profile leaves them out of touch): joined to a recent touch,
    /// or a short call or email of their own.
    func reachContacts(
        _ p: DemoProfile, in account: inout Account, using random: inout SeededRandom,
        phrasebook: inout DemoPhrasebook
    ) {
        guard account.status == .active || account.status == .atRisk else { return }
        let neglected = Set(
            (p.outOfTouch ?? []).compactMap {
                account.contacts.indices.contains($0) ? account.contacts[$0].id : nil
            })
        for contact in account.currentContacts where !neglected.contains(contact.id) {
            guard let rhythm = contact.keepInTouch else { continue }
            let window = max(2, rhythm.idealDays - 2)
            let recent = ago(window)
            if let last = account.lastTouch(with: contact.id), last >= recent { continue }
            let routine = account.touchpoints.lastIndex {
                $0.day >= recent && $0.day < today && $0.planItemID == nil
            }
            if let index = routine {
                account.touchpoints[index].contactIDs.append(contact.id)
                continue
            }
            let day = ago(1 + Int(random.next() % UInt64(max(1, window / 2))))
            let kind: TouchKind = random.next() % 2 == 0 ? .call : .email
            let summary = phrasebook.summary(
                from: portfolio.phrasings[kind.rawValue] ?? [], with: contact, on: day, using: &random)
            let touch = Touchpoint(
                id: .generate("tp", using: &random), day: day, kind: kind, contactIDs: [contact.id],
                summary: summary, sentiment: sentiment(p.mood, recent: true, using: &random),
                loggedBy: account.owner)
            account.touchpoints.insert(
                touch, at: account.touchpoints.firstIndex { $0.day > day } ?? account.touchpoints.count)
        }
    }

    /// Follow-ups past their day were kept, except the latest one of an account in
    /// trouble (at risk, in tension or disruption) if it is recent: that one is still
    /// open. A lost or former account's follow-ups were all closed when it went.
    func keepFollowUps(in account: inout Account) {
        let gone = account.status == .lost || account.status == .former
        let latest = account.touchpoints.lastIndex { $0.followUp != nil }
        let slipped = Self.isInTrouble(account) ? latest : nil
        for index in account.touchpoints.indices {
            guard let followUp = account.touchpoints[index].followUp else { continue }
            if gone {
                account.touchpoints[index].followUpDoneOn = min(followUp, today)
            } else if followUp < today && !(index == slipped && followUp >= ago(Self.slippedFollowUpDays)) {
                account.touchpoints[index].followUpDoneOn = followUp
            }
        }
    }

    /// How late a follow-up still open in an account in trouble may be.
    static let slippedFollowUpDays = 21

    /// Where the demo's trouble is: accounts at risk, in tension or in disruption.
    static func isInTrouble(_ account: Account) -> Bool {
        account.status == .atRisk || account.season == .tension || account.season == .disruption
    }
}
