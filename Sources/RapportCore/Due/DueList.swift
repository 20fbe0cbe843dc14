/// The follow-up list across accounts: snoozes applied, scored, ordered most
/// urgent first (by score, then due day, account and title).
public enum DueList {
    /// Items due within `withinDays` of `today` (overdue ones always included), for
    /// `owner` when given (case-insensitive).
    public static func items(for accounts: [Account], on today: Day, policy: DuePolicy,
                             withinDays: Int? = nil, owner: String? = nil) -> [FollowUp] {
        items(for: accounts.map { AccountDigest($0, policy: policy) }, on: today, withinDays: withinDays, owner: owner)
    }

    /// The same from the accounts' digests (as the store's index keeps them).
    public static func items(for digests: [AccountDigest], on today: Day,
                             withinDays: Int? = nil, owner: String? = nil) -> [FollowUp] {
        var result: [FollowUp] = []
        let owner = owner?.lowercased()
        for digest in digests {
            for item in scored(digest, on: today) {
                if let withinDays, today.days(until: item.due) > withinDays { continue }
                if let owner, item.owner.lowercased() != owner { continue }
                result.append(item)
            }
        }
        return sorted(result)
    }

    /// The due list within `withinDays` and every account's most urgent item, from one
    /// scoring pass (what the app keeps for its screens).
    public static func board(for digests: [AccountDigest], on today: Day, withinDays: Int) -> (items: [FollowUp], next: [RecordID: FollowUp]) {
        var items: [FollowUp] = []
        var next: [RecordID: FollowUp] = [:]
        next.reserveCapacity(digests.count)
        for digest in digests {
            var best: FollowUp?
            for item in scored(digest, on: today) {
                if best.map({ ordered(item, $0) }) ?? true { best = item }
                if today.days(until: item.due) <= withinDays { items.append(item) }
            }
            next[digest.id] = best
        }
        return (sorted(items), next)
    }

    /// A list in urgency order with one account's items replaced by `items`, in one
    /// pass (inserting one by one would move the whole list for every item).
    public static func replacing(itemsOf account: RecordID, with items: [FollowUp], in list: [FollowUp]) -> [FollowUp] {
        let incoming = sorted(items)
        var merged: [FollowUp] = []
        merged.reserveCapacity(list.count + incoming.count)
        var next = 0
        for item in list where item.accountID != account {
            while next < incoming.count && ordered(incoming[next], item) { merged.append(incoming[next]); next += 1 }
            merged.append(item)
        }
        merged.append(contentsOf: incoming[next...])
        return merged
    }

    /// Most urgent first. Sorts positions, then gathers once: follow-ups are large
    /// values, and moving them around during the sort is what would cost.
    public static func sorted(_ items: [FollowUp]) -> [FollowUp] {
        items.indices.sorted { ordered(items[$0], items[$1]) }.map { items[$0] }
    }

    /// One account's items with snoozes and urgency applied, unordered.
    public static func scored(_ account: Account, on today: Day, policy: DuePolicy) -> [FollowUp] {
        scored(AccountDigest(account, policy: policy), on: today)
    }

    public static func scored(_ account: AccountDigest, on today: Day) -> [FollowUp] {
        let snoozes = account.snoozes.isEmpty ? [:]
            : Dictionary(account.snoozes.map { ($0.itemKey, $0) }, uniquingKeysWith: { $0.until > $1.until ? $0 : $1 })
        return account.followUps.map { raw in
            var item = raw
            if item.neverDone { item.due = max(item.due, today) }
            if !snoozes.isEmpty, let snooze = snoozes[item.key], snooze.until > item.due {
                item.due = snooze.until
                item.snooze = snooze
            }
            let basis = UrgencyBasis(tier: account.tier, value: account.annualValue, status: account.status, today: today)
            item.score = Urgency.score(of: item, basis)
            item.basis = basis
            return item
        }
    }

    /// The next thing due for an account (its most urgent item), for the accounts table.
    public static func next(for account: Account, on today: Day, policy: DuePolicy) -> FollowUp? {
        next(for: AccountDigest(account, policy: policy), on: today)
    }

    public static func next(for account: AccountDigest, on today: Day) -> FollowUp? {
        scored(account, on: today).min(by: ordered)
    }

    /// Most urgent first.
    public static func ordered(_ a: FollowUp, _ b: FollowUp) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.due != b.due { return a.due < b.due }
        if a.accountName != b.accountName { return a.accountName.lowercased() < b.accountName.lowercased() }
        return a.title < b.title
    }
}
