import IndexKit

#if canImport(Glibc)
    import Glibc
#endif

/// What lists, flags and the due list need from an account, none of it depending on
/// the day it was computed: the store keeps digests in its index so the accounts table
/// and the due list never decode full account files.
public struct AccountDigest: DueListed, Equatable, Identifiable {
    public var id: RecordID
    public var name: String
    public var owner: String
    public var market: String
    public var annualValue: Int
    public var lifetimeValue: Int
    /// The tags and the current contacts' names as the index keeps them (each list's
    /// elements escaped with `FieldText` and joined by U+001F, the two lists by a tab):
    /// read into strings only when asked for, as lists and the accounts table do and the
    /// due list never does. Read from the index, a slice of one copy of the shard's lists
    /// (copied out of its bytes, so a mapped shard's pages can go, D56).
    public var listText: SharedBytes
    public var tags: [String] { FieldText.list(listText, at: 0) }
    /// Names of current contacts, for filtering.
    public var contactNames: [String] { FieldText.list(listText, at: 1) }
    /// Flags that do not depend on the day: no senior, no contacts or one contact, health falling.
    public var fixedFlags: [WarningFlag]
    public var openConcerns: Int
    /// Renewal, risk and portfolio facts (D50).
    public var traits: AccountTraits
    /// Every follow-up, before snoozes and urgency (see `DueEntry`).
    public var dueEntries: DueEntries
    public var snoozes: [Snooze]
    // The optional days and numbers in four bytes each, next to the one-byte choices: a
    // digest takes 248 bytes, not 384 (D57).
    @PackedDay public var lastTouch: Day?
    /// The first day an open concern is past its respond-by day, if any.
    @PackedDay public var lateConcernFrom: Day?
    /// The first day a contact is past their maximum keep-in-touch interval, if any.
    @PackedDay public var outOfTouchFrom: Day?
    @PackedInt public var health: Int?
    @PackedInt public var healthChange: Int?
    public var tier: Tier
    public var status: AccountStatus
    public var season: Season

    public init(
        id: RecordID, name: String, owner: String, tier: Tier, status: AccountStatus, season: Season,
        market: String, annualValue: Int, lifetimeValue: Int, listText: SharedBytes,
        lastTouch: Day?, health: Int?, healthChange: Int?, fixedFlags: [WarningFlag], lateConcernFrom: Day?,
        outOfTouchFrom: Day?, openConcerns: Int, traits: AccountTraits = AccountTraits(),
        followUps: [FollowUp], snoozes: [Snooze]
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.tier = tier
        self.status = status
        self.season = season
        self.market = market
        self.annualValue = annualValue
        self.lifetimeValue = lifetimeValue
        self.listText = listText
        self.lastTouch = lastTouch
        self.health = health
        self.healthChange = healthChange
        self.fixedFlags = fixedFlags
        self.lateConcernFrom = lateConcernFrom
        self.outOfTouchFrom = outOfTouchFrom
        self.openConcerns = openConcerns
        self.traits = traits
        self.snoozes = snoozes
        dueEntries = DueEntries(followUps)
    }

    public init(_ a: Account, policy: DuePolicy) {
        let current = a.currentContacts
        var fixed: Set<WarningFlag> = []
        if !current.contains(where: { $0.level == .senior }) { fixed.insert(.noSenior) }
        if current.isEmpty { fixed.insert(.noContacts) }
        if current.count == 1 { fixed.insert(.oneContact) }
        if let change = a.healthChange, change < 0 { fixed.insert(.healthFalling) }
        if a.contacts.contains(where: \.isUnansweredDeparture) { fixed.insert(.championLeft) }
        self.init(
            id: a.id, name: a.name, owner: a.owner, tier: a.tier, status: a.status, season: a.season,
            market: a.market, annualValue: a.annualValue, lifetimeValue: a.lifetimeValue,
            listText: FieldText.lists([a.tags, current.map(\.name)]), lastTouch: a.lastTouch,
            health: a.health, healthChange: a.healthChange,
            fixedFlags: WarningFlag.allCases.filter(fixed.contains),
            lateConcernFrom: a.concerns.filter { $0.status.isOpen && $0.respondedOn == nil }
                .compactMap { $0.respondBy?.adding(days: 1) }.min(),
            outOfTouchFrom: current.compactMap { c in
                c.keepInTouch.map {
                    (a.lastTouch(with: c.id) ?? a.createdOn).adding(days: $0.maximumDays + 1)
                }
            }.min(),
            openConcerns: a.concerns.filter(\.status.isOpen).count, traits: AccountTraits(a),
            followUps: a.followUps(policy: policy), snoozes: a.snoozes)
    }

    /// The digest without its follow-ups, snoozes, tags and contact names: for a list
    /// that reads none of them (the portfolio), so the index's bytes the follow-ups and
    /// lists are slices of can be let go.
    public var withoutFollowUpsAndLists: AccountDigest {
        AccountDigest(
            id: id, name: name, owner: owner, tier: tier, status: status, season: season, market: market,
            annualValue: annualValue, lifetimeValue: lifetimeValue, listText: SharedBytes(),
            lastTouch: lastTouch, health: health, healthChange: healthChange, fixedFlags: fixedFlags,
            lateConcernFrom: lateConcernFrom, outOfTouchFrom: outOfTouchFrom, openConcerns: openConcerns,
            traits: traits, followUps: [], snoozes: [])
    }

    /// The account as the due list reads it, with only the follow-ups it shows within
    /// `withinDays` of `today` (snoozes applied; nil: all of them), copied out of the
    /// index's bytes: for `rapport due`, which then holds a little of each shard and of
    /// each digest rather than all of them.
    public func keepingFollowUps(withinDays: Int?, on today: Day) -> DueAccount {
        DueAccount(
            id: id, name: name, tier: tier, status: status, annualValue: annualValue,
            dueEntries: dueEntries.keeping(DueList.entries(of: self, on: today, withinDays: withinDays)),
            snoozes: snoozes)
    }

    /// Digests in the order lists show them and the due list breaks ties by: name
    /// (ignoring case), then id.
    public static func nameOrdered(_ digests: [AccountDigest]) -> [AccountDigest] {
        var ordered = digests
        sortByName(&ordered)
        return ordered
    }

    /// `nameOrdered` in place: on an array no one else holds, nothing is copied.
    public static func sortByName(_ digests: inout [AccountDigest]) {
        let names = digests.map { (id: $0.id, name: $0.name) }
        NameOrder.sort(&digests, names: names)
    }

    /// What `nameOrdered` sorts by.
    public var nameOrder: NameOrder { NameOrder(name: name, id: id) }
}

/// An account's place in name order: its name ignoring case, then its id, as UTF-8
/// bytes compared byte by byte (for text in Unicode's composed form, as typed, the
/// order `String` gives; without its per-comparison cost, ten thousand names sorted
/// at every start).
public struct NameOrder: Comparable, Sendable {
    private let bytes: [UInt8]

    public init(name: String, id: RecordID) {
        var bytes: [UInt8] = []
        Self.appendKey(name: name, id: id, to: &bytes)
        self.bytes = bytes
    }

    /// The key's bytes: a zero byte between name and id sorts a name before any longer
    /// one it starts. ASCII names are lower-cased byte by byte, without a new string.
    static func appendKey(name: String, id: RecordID, to bytes: inout [UInt8]) {
        var name = name
        let ascii = name.withUTF8 { utf8 in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            for b in utf8 { bytes.append(b >= 65 && b <= 90 ? b + 32 : b) }
            return true
        }
        if !ascii { bytes.append(contentsOf: name.lowercased().utf8) }
        bytes.append(0)
        bytes.append(contentsOf: id.rawValue.utf8)
    }

    /// Puts `items` in name order, `names[i]` being item `i`'s account id and name. Each
    /// item is moved into its place through the buffer: a copy (or `Array`'s own swapAt)
    /// would count references to a digest's dozen strings and arrays, ten thousand times over.
    public static func sort<Item>(_ items: inout [Item], names: [(id: RecordID, name: String)]) {
        precondition(items.count == names.count)
        var destination = [Int](repeating: 0, count: items.count)
        for (place, position) in positions(names).enumerated() { destination[position] = place }
        items.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                while destination[i] != i {
                    let place = destination[i]
                    buffer.swapAt(i, place)
                    destination.swapAt(i, place)
                }
            }
        }
    }

    /// The positions of `names` in name order: every key in one buffer, sorted by
    /// position (a key per name, each its own array, took longer to make than to sort).
    static func positions(_ names: [(id: RecordID, name: String)]) -> [Int] {
        let keys = PackedBytes(count: names.count) { range in
            var keys: [UInt8] = []
            var ends: [Int] = []
            keys.reserveCapacity(range.count * 48)
            names.withUnsafeBufferPointer { all in
                for i in range {
                    appendKey(name: all[i].name, id: all[i].id, to: &keys)
                    ends.append(keys.count)
                }
            }
            return (keys, ends)
        }
        // Each key's first eight bytes as a number (zeros after a shorter key): most
        // comparisons end there, without a call to memcmp.
        let heads = keys.bytes.withUnsafeBufferPointer { bytes in
            keys.starts.withUnsafeBufferPointer { starts in
                (0..<names.count).map { UInt64(leadingBytes: key($0, bytes, starts)) }
            }
        }
        // Each half sorted on a core of its own, then the two merged.
        let middle = names.count / 2
        let halves = Parallel.map(2) { half in
            var part = Array(half == 0 ? 0..<middle : middle..<names.count)
            withOrder(keys, heads) { precedes in part.sort(by: precedes) }
            return part
        }
        return withOrder(keys, heads) { precedes in
            var merged: [Int] = []
            merged.reserveCapacity(names.count)
            var (a, b) = (0, 0)
            let (first, second) = (halves[0], halves[1])
            while a < first.count && b < second.count {
                if precedes(second[b], first[a]) {
                    merged.append(second[b])
                    b += 1
                } else {
                    merged.append(first[a])
                    a += 1
                }
            }
            merged += first[a...]
            merged += second[b...]
            return merged
        }
    }

    private static func key(
        _ i: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ starts: UnsafeBufferPointer<Int>
    ) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[i]..<starts[i + 1]])
    }

    /// `body` given the order of the keys' positions: by their heads, then their bytes.
    private static func withOrder<R>(
        _ keys: PackedBytes, _ heads: [UInt64], _ body: ((Int, Int) -> Bool) -> R
    ) -> R {
        keys.bytes.withUnsafeBufferPointer { bytes in
            keys.starts.withUnsafeBufferPointer { starts in
                heads.withUnsafeBufferPointer { heads in
                    body { a, b in
                        heads[a] != heads[b]
                            ? heads[a] < heads[b] : precedes(key(a, bytes, starts), key(b, bytes, starts))
                    }
                }
            }
        }
    }

    public static func < (a: NameOrder, b: NameOrder) -> Bool {
        a.bytes.withUnsafeBufferPointer { x in b.bytes.withUnsafeBufferPointer { y in precedes(x, y) } }
    }

    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
        return common != 0 ? common < 0 : x.count < y.count
    }
}

extension AccountDigest {
    /// The warning signs showing on `today`, most serious first.
    public func flags(on today: Day) -> [WarningFlag] {
        let late = lateConcernFrom.map { today >= $0 } ?? false
        let outOfTouch = outOfTouchFrom.map { today >= $0 } ?? false
        let renewalPassed =
            (status == .active || status == .atRisk) && (traits.renewsOn.map { today > $0 } ?? false)
        guard late || outOfTouch || renewalPassed else { return fixedFlags }
        return WarningFlag.allCases.filter { flag in
            fixedFlags.contains(flag) || (flag == .lateReply && late)
                || (flag == .outOfTouch && outOfTouch) || (flag == .renewalPassed && renewalPassed)
        }
    }
}
