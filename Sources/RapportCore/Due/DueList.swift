import IndexKit

/// A follow-up's place in the due list: which account's digest and which of its
/// entries, with what ranks it. Lists of slots are sorted, merged and filtered without
/// building a single string; `DueList.followUp(_:in:on:)` builds the item when shown.
public struct DueSlot: Hashable, Sendable {
    // Kept in 16 bytes (it was 40): the due list holds one per follow-up, 600,000 at
    // 100,000 accounts, and sorting them moves each one through memory.
    private var position: UInt32
    /// The entry's index, with the snoozed mark in its top bit.
    private let entry: UInt32
    private let points: Int32
    private let day: Int32

    /// Position of the account's digest in the (name-ordered) digests the slot was made from.
    public var account: Int {
        get { Int(position) }
        set { position = UInt32(newValue) }
    }
    /// The entry within that digest's `dueEntries`.
    public var item: Int { Int(entry & ~Self.snoozedBit) }
    public var score: Int { Int(points) }
    /// When it is due after snoozes (never-done items: today).
    public var due: Day { Day(ordinal: Int(day)) }
    public var snoozed: Bool { entry & Self.snoozedBit != 0 }

    private static let snoozedBit: UInt32 = 1 << 31

    /// Days lie within the years Rapport accepts (1900–2199), scores are sums of small
    /// parts, positions and entries count what fits in memory: each fits its field.
    public init(account: Int, item: Int, score: Int, due: Day, snoozed: Bool) {
        position = UInt32(account)
        entry = UInt32(item) | (snoozed ? Self.snoozedBit : 0)
        points = Int32(clamping: score)
        day = Int32(clamping: due.ordinal)
    }

    public func band(on today: Day) -> DueBand { DueBand.of(due, today: today) }
}

/// The follow-up list across accounts: snoozes applied, scored, ordered most urgent
/// first (by score, then due day, account name and title).
///
/// Digests are passed in name order (see `AccountDigest.nameOrdered`): a slot's
/// account position is then its place in that order, so ties sort by name for free.
public enum DueList {
    // MARK: Slots

    /// One account's slots with snoozes and urgency applied, in the order of its entries
    /// (title order, which `sortByUrgency` relies on for ties): those due within
    /// `withinDays` of `today` (overdue ones always), or all (nil).
    public static func slots(
        of digest: AccountDigest, at position: Int, on today: Day, withinDays: Int? = nil
    ) -> [DueSlot] {
        var result: [DueSlot] = []
        withUnsafePointer(to: digest) {
            appendSlots(of: $0, at: position, on: today, into: &result) {
                isWithin(withinDays, $0, on: today)
            }
        }
        return result
    }

    /// `slots(of:at:on:)` of the digest at `position` in `digests`, appended to `result`:
    /// read where it lies, for callers that make every account's slots in one pass.
    public static func appendSlots(
        of digests: UnsafeBufferPointer<AccountDigest>, at position: Int, on today: Day,
        into result: inout [DueSlot]
    ) {
        appendSlots(of: digests.baseAddress! + position, at: position, on: today, into: &result) { _ in true }
    }

    /// `slots(of:at:on:)` appended to `result`, those due on a day `included` only (only
    /// those are scored). The digest is read where it is: a copy would count references
    /// to its strings and arrays.
    private static func appendSlots<Account: DueListed>(
        of digest: UnsafePointer<Account>, at position: Int, on today: Day,
        into result: inout [DueSlot], where included: (Day) -> Bool
    ) {
        let basis = UrgencyBasis(
            tier: digest.pointee.tier, value: digest.pointee.annualValue, status: digest.pointee.status,
            today: today)
        forEachEntry(of: digest, on: today) { i, entry, due, snoozed in
            guard included(due) else { return }
            let score = Urgency.score(
                due: due, source: entry.source, severity: entry.severity, redFrom: entry.redFrom, basis)
            result.append(DueSlot(account: position, item: i, score: score, due: due, snoozed: snoozed))
        }
    }

    /// The entries of `digest` due within `withinDays` of `today` once snoozed (overdue
    /// ones always; nil: all), in their order: what `rapport due` keeps of an account,
    /// found without scoring them.
    public static func entries(of digest: AccountDigest, on today: Day, withinDays: Int?) -> [Int] {
        var items: [Int] = []
        withUnsafePointer(to: digest) {
            forEachEntry(of: $0, on: today) { i, _, due, _ in
                if isWithin(withinDays, due, on: today) { items.append(i) }
            }
        }
        return items
    }

    /// Each entry of `digest` with the day it is due after snoozes (never-done items:
    /// today), and whether a snooze moved it.
    private static func forEachEntry<Account: DueListed>(
        of digest: UnsafePointer<Account>, on today: Day, _ body: (Int, DueEntry, Day, Bool) -> Void
    ) {
        let snoozes = digest.pointee.snoozes.isEmpty ? [:] : snoozesByKeyPart(digest.pointee)
        digest.pointee.dueEntries.withView { entries in
            for i in 0..<digest.pointee.dueEntries.count {
                let entry = entries[i]
                var due = entry.neverDone ? max(entry.due, today) : entry.due
                var snoozed = false
                if !snoozes.isEmpty,
                    let snooze = snoozes[FieldText.unescape(digest.pointee.dueEntries.fields(of: i).keyPart)],
                    snooze.until > due
                {
                    due = snooze.until
                    snoozed = true
                }
                body(i, entry, due, snoozed)
            }
        }
    }

    /// The due list within `withinDays` (nil: everything), most urgent first.
    public static func ranked(for digests: [AccountDigest], on today: Day, withinDays: Int?) -> [DueSlot] {
        rankedSlots(for: digests, on: today, withinDays: withinDays)
    }

    /// `ranked(for:on:withinDays:)` for a digest or the least of one (made for each
    /// within this module, so each is read where it lies without a call per field).
    private static func rankedSlots<Account: DueListed>(
        for digests: [Account], on today: Day, withinDays: Int?
    ) -> [DueSlot] {
        // On every core, a few hundred accounts at a time into one array each; digests
        // are read through the buffer (a copy of each would count references to its
        // strings and arrays).
        let chunk = 256
        var slots = Parallel.map((digests.count + chunk - 1) / chunk) { c in
            var part: [DueSlot] = []
            digests.withUnsafeBufferPointer { all in
                let accounts = c * chunk..<min(all.count, (c + 1) * chunk)
                part.reserveCapacity(accounts.reduce(0) { $0 + all[$1].dueEntries.count })
                for position in accounts {
                    appendSlots(of: all.baseAddress! + position, at: position, on: today, into: &part) {
                        isWithin(withinDays, $0, on: today)
                    }
                }
            }
            return part
        }.joinedWithoutGrowing()
        sortByUrgency(&slots, today: today)
        return slots
    }

    /// Sorts slots (made account by account in position order, each account's in the
    /// order of its entries) into `ordered` order, most urgent first, fast: a radix sort
    /// of the score and due day packed with the slot's place, so slots that tie keep the
    /// order they were made in, which is `ordered`'s for them (an account's entries are in
    /// title order). Sorting with `ordered` alone took a tenth of `rapport due`'s time at
    /// ten thousand accounts. Each step runs on two cores: 4.6 → 3.7 ms for the due
    /// list's 50,000 slots.
    public static func sortByUrgency(_ slots: inout [DueSlot], today: Day) {
        let place = 1 << 24
        let days = 1 << 23
        // Each half's keys made and sorted on a core of its own, then merged: the keys are
        // distinct (each holds its slot's place). Scores are sums of bounded parts and
        // days of real dates lie within days of today; anything else (a hand-edited
        // index) is sorted the slow way.
        let unsorted = slots
        let halves =
            slots.count < place
            ? Parallel.map(2) { half -> [UInt64]? in
                var keys: [UInt64] = []
                keys.reserveCapacity(unsorted.count / 2 + 1)
                for i in half == 0 ? 0..<unsorted.count / 2 : unsorted.count / 2..<unsorted.count {
                    let (score, day) = (unsorted[i].score, today.days(until: unsorted[i].due))
                    guard abs(score) < 1 << 15, abs(day) < days else { return nil }
                    keys.append(UInt64((1 << 15) - 1 - score) << 48 | UInt64(day + days) << 24 | UInt64(i))
                }
                RadixSort.sort(&keys, bits: 24..<64)
                return keys
            } : [nil]
        guard let first = halves.first!, let second = halves.last! else {
            return slots.sort { ordered($0, $1) }
        }
        let keys = RadixSort.merged(first, second)
        slots = Parallel.array(count: keys.count) { k in unsorted[Int(keys[k] & UInt64(place - 1))] }
    }

    /// Whether a day is within `days` of `today` (overdue ones always are; nil: no limit).
    public static func isWithin(_ days: Int?, _ due: Day, on today: Day) -> Bool {
        days.map { today.days(until: due) <= $0 } ?? true
    }

    /// Slots due within `withinDays` of `today` (overdue ones always included), for
    /// `owner` when given (ignoring the case of ASCII letters), most urgent first.
    public static func slots(
        for digests: [AccountDigest], on today: Day, withinDays: Int? = nil,
        owner: String? = nil
    ) -> [DueSlot] {
        ownedSlots(for: digests, on: today, withinDays: withinDays, owner: owner)
    }

    /// `slots(for:on:withinDays:owner:)` from what `rapport due` keeps of each account.
    public static func slots(
        for accounts: [DueAccount], on today: Day, withinDays: Int? = nil,
        owner: String? = nil
    ) -> [DueSlot] {
        ownedSlots(for: accounts, on: today, withinDays: withinDays, owner: owner)
    }

    private static func ownedSlots<Account: DueListed>(
        for digests: [Account], on today: Day, withinDays: Int?, owner: String?
    ) -> [DueSlot] {
        var slots = rankedSlots(for: digests, on: today, withinDays: withinDays)
        if let owner {
            // Compared as the digests keep it: escaped, so an owner with a tab or a backslash matches too.
            var wanted: [UInt8] = []
            FieldText.escape(owner.lowercased(), into: &wanted)
            slots.removeAll {
                !FieldText.equalFoldingCase(digests[$0.account].dueEntries.fields(of: $0.item).owner, wanted)
            }
        }
        return slots
    }

    /// Most urgent first: score, due day, account (by position, so by name), title.
    /// Whether `a` falls due before `b` (the same day: whether it is more urgent), the
    /// order of an account's "next due".
    public static func earlier(_ a: DueSlot, _ b: DueSlot) -> Bool {
        a.due != b.due ? a.due < b.due : ordered(a, b)
    }

    public static func ordered(_ a: DueSlot, _ b: DueSlot) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.due != b.due { return a.due < b.due }
        if a.account != b.account { return a.account < b.account }
        // An account's entries are in title order (`DueEntries.titleOrder`).
        return a.item < b.item
    }

    /// A list in urgency order after one account's digest moved from position `old`
    /// (nil: it is new) to `new` (nil: it is gone) in `digests` (as they are now), its
    /// slots replaced by `incoming`: one pass that renumbers and merges (inserting one
    /// by one would move the whole list for every item).
    public static func replacing(
        account old: Int?, movedTo new: Int?, with incoming: [DueSlot], in list: [DueSlot]
    ) -> [DueSlot] {
        let incoming = incoming.sorted { ordered($0, $1) }
        var merged: [DueSlot] = []
        merged.reserveCapacity(list.count + incoming.count)
        var next = 0
        for var slot in list where slot.account != old {
            if let old, slot.account > old { slot.account -= 1 }
            if let new, slot.account >= new { slot.account += 1 }
            while next < incoming.count && ordered(incoming[next], slot) {
                merged.append(incoming[next])
                next += 1
            }
            merged.append(slot)
        }
        merged.append(contentsOf: incoming[next...])
        return merged
    }

    /// `replacing(account:movedTo:with:in:)` for slots not yet ranked, kept in
    /// account order (as `sortByUrgency` needs them): the account's new slots go where
    /// its position falls.
    public static func replacing(
        account old: Int?, movedTo new: Int?, with incoming: [DueSlot], inAccountOrder list: [DueSlot]
    ) -> [DueSlot] {
        var result: [DueSlot] = []
        result.reserveCapacity(list.count + incoming.count)
        var pending = new == nil ? [] : incoming
        for var slot in list where slot.account != old {
            if let old, slot.account > old { slot.account -= 1 }
            if let new, slot.account >= new {
                slot.account += 1
                result += pending
                pending = []
            }
            result.append(slot)
        }
        return result + pending
    }

    // MARK: Items

    /// The follow-up a slot stands for, snoozed and scored.
    public static func followUp(_ slot: DueSlot, in digests: [AccountDigest], on today: Day) -> FollowUp {
        followUp(slot, of: digests[slot.account], on: today)
    }

    /// `followUp(_:in:on:)` from what `rapport due` keeps of each account.
    public static func followUp(_ slot: DueSlot, in accounts: [DueAccount], on today: Day) -> FollowUp {
        followUp(slot, of: accounts[slot.account], on: today)
    }

    private static func followUp(_ slot: DueSlot, of digest: some DueListed, on today: Day) -> FollowUp {
        var item = digest.followUp(at: slot.item)
        item.due = slot.due
        if slot.snoozed { item.snooze = snoozesByKeyPart(digest)[item.ref.keyPart] }
        item.score = slot.score
        item.basis = UrgencyBasis(
            tier: digest.tier, value: digest.annualValue, status: digest.status, today: today)
        return item
    }

    /// Items due within `withinDays` of `today` (overdue ones always included), for
    /// `owner` when given, most urgent first.
    public static func items(
        for digests: [AccountDigest], on today: Day, withinDays: Int? = nil,
        owner: String? = nil
    ) -> [FollowUp] {
        let digests = AccountDigest.nameOrdered(digests)
        return slots(for: digests, on: today, withinDays: withinDays, owner: owner).map {
            followUp($0, in: digests, on: today)
        }
    }

    public static func items(
        for accounts: [Account], on today: Day, policy: DuePolicy,
        withinDays: Int? = nil, owner: String? = nil
    ) -> [FollowUp] {
        items(
            for: accounts.map { AccountDigest($0, policy: policy) }, on: today, withinDays: withinDays,
            owner: owner)
    }

    /// One account's items with snoozes and urgency applied, unordered.
    public static func scored(_ account: Account, on today: Day, policy: DuePolicy) -> [FollowUp] {
        let digests = [AccountDigest(account, policy: policy)]
        return slots(of: digests[0], at: 0, on: today).map { followUp($0, in: digests, on: today) }
    }

    /// The next thing due for an account (its earliest item; of those due the same day,
    /// the most urgent), for the accounts table.
    public static func next(for account: Account, on today: Day, policy: DuePolicy) -> FollowUp? {
        next(for: AccountDigest(account, policy: policy), on: today)
    }

    public static func next(for digest: AccountDigest, on today: Day) -> FollowUp? {
        nextSlot(of: digest, on: today).map { followUp($0, in: [digest], on: today) }
    }

    /// The slot of an account's next due item (its position taken as 0): see `earlier`.
    public static func nextSlot(of digest: AccountDigest, on today: Day) -> DueSlot? {
        slots(of: digest, at: 0, on: today).min { earlier($0, $1) }
    }

    /// Snoozes by the key part they refer to (the latest wins); usually none.
    private static func snoozesByKeyPart(_ digest: some DueListed) -> [String: Snooze] {
        guard !digest.snoozes.isEmpty else { return [:] }
        let prefix = "\(digest.id)/"
        var result: [String: Snooze] = [:]
        for snooze in digest.snoozes where snooze.itemKey.hasPrefix(prefix) {
            let keyPart = String(snooze.itemKey.dropFirst(prefix.count))
            if let kept = result[keyPart], kept.until >= snooze.until { continue }
            result[keyPart] = snooze
        }
        return result
    }
}
