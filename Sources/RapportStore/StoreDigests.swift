import FoundationEssentials
import IndexKit
import RapportCore
import Synchronization

/// Every readable account's digest (from the index, refreshed where stale), plus the
/// files that could not be read.
public struct DigestSnapshot: Sendable {
    /// In name order (`AccountDigest.nameOrdered`), the order every list shows.
    public var digests: [AccountDigest]
    public var problems: [StoreProblem]
    /// How many account files had to be decoded because the index was stale for them.
    public var refreshed: Int
}

/// What a list made of every readable account holds: one item per account, made from its
/// digest as its shard was read, in name order; plus the files that could not be read.
public struct ListSnapshot<Item: Sendable>: Sendable {
    public var items: [Item]
    public var problems: [StoreProblem]
    /// How many account files had to be decoded because the index was stale for them.
    public var refreshed: Int
}

/// Hears how a rebuild of the summary index goes: how many of the account files it must
/// read have been read, of how many. Called from any thread, one call at a time: first with
/// 0, then about a hundred times as files are read, in increasing order, last with
/// `read == total`. Not called when every entry is fresh.
public typealias RebuildProgress = @Sendable (_ read: Int, _ total: Int) -> Void

// Keeping the summary index in step with the account files when the store is read:
// the lists come from the index, and whatever is stale is decoded and rewritten.
extension FileStore {
    /// Every readable account's digest in name order, from the index where it is fresh
    /// (see `list(_:)`).
    public func loadDigests() -> DigestSnapshot {
        let listed = list(mappingShards: true) { $0 }
        return DigestSnapshot(digests: listed.items, problems: listed.problems, refreshed: listed.refreshed)
    }

    /// Every readable account made into an item by `item`, in name order, from the index
    /// where it is fresh. Account files whose size or modification time differ from the
    /// index (or that it lacks) are decoded and their entries rewritten; entries for
    /// deleted files are dropped. The index is rewritten only when the store's lock is free.
    ///
    /// Each shard is read, decoded and made into items on its own, and its bytes are let
    /// go as soon as its items no longer hold them: a list that keeps less than the
    /// digests (a summary per account) holds no more than that. Every step runs on every
    /// core: reading the 256 shards (while one thread lists the account files' names),
    /// looking at each shard's files (`fstatat`) and planning it, then checking its
    /// entries against the files (D58).
    ///
    /// Compiled here for the items the commands keep (the JSON of `accounts --json`,
    /// summaries, digests): generic code called from another module runs unspecialized,
    /// moving each item through calls that count its references (D57).
    @_specialize(exported:true,where Item == [UInt8])
    @_specialize(exported:true,where Item == AccountSummary)
    @_specialize(exported:true,where Item == AccountDigest)
    public func list<Item: Sendable>(_ item: @escaping @Sendable (consuming AccountDigest) -> Item)
        -> ListSnapshot<Item>
    {
        list(mappingShards: false, item)
    }

    /// `list(_:)` for the due list, within `days` of `today` (overdue ones too): a digest
    /// read from the index leaves out the follow-ups due later and holds only what the
    /// due list reads (`DigestCodec.decode(_:within:)`); one read again from its file
    /// holds everything.
    func list<Item: Sendable>(
        followUpsWithin days: Int, of today: Day,
        _ item: @escaping @Sendable (consuming AccountDigest) -> Item
    ) -> ListSnapshot<Item> {
        list(mappingShards: false, within: DueHorizon(days: days, today: today), item)
    }

    /// Every account as the due list reads it, with only its follow-ups due within `days`
    /// of `today` (overdue ones too, snoozes applied: `AccountDigest.keepingFollowUps`), in
    /// name order: `rapport due`'s list. Made here, for its one type, so the list's steps
    /// are compiled for it: generic code called from another module runs unspecialized,
    /// moving each account through calls that count its references (D57).
    public func dueAccounts(within days: Int, of today: Day) -> ListSnapshot<DueAccount> {
        list(followUpsWithin: days, of: today) { $0.keepingFollowUps(withinDays: days, on: today) }
    }

    /// `list(_:)`, the shards mapped when the items keep their text (D56), and with
    /// `within` the follow-ups due later left out where they are read from the index.
    private func list<Item: Sendable>(
        mappingShards: Bool, within: DueHorizon? = nil,
        _ item: @escaping @Sendable (consuming AccountDigest) -> Item
    ) -> ListSnapshot<Item> {
        let index = self.index
        let directoryBefore = names.accountsStamp()
        let listing = Mutex<Result<ShardedAccountNames, StoreError>?>(nil)
        let stored = Parallel.map(SummaryIndex.shardCount + 1) { n -> Handoff<ReadShard<Item>?> in
            guard n > 0 else {
                let result = Result { () throws(StoreError) in
                    try ShardedAccountNames(
                        listing: accountsDirectory, shards: SummaryIndex.shardCount,
                        shard: SummaryIndex.shard(of:))
                }
                listing.withLock { $0 = result }
                return Handoff(nil)
            }
            return Handoff(ReadShard(index.read(shard: n - 1, mapped: mappingShards, within: within), item))
        }
        let accountNames: ShardedAccountNames
        switch listing.withLock({ $0 })! {
        case .success(let names): accountNames = names
        case .failure(let error):
            return ListSnapshot(
                items: [], problems: [StoreProblem(path: accountsDirectory, reason: "\(error)")], refreshed: 0
            )
        }
        // Each shard's files looked at on the core that plans it, the stat of every file
        // shared by every core (D58).
        let planned = Parallel.map(SummaryIndex.shardCount) { n in
            let listed = accountNames.files(ofShard: n, in: self)
            let plan = ShardPlan(
                stored: stored[n + 1].take()!, files: listed.files, unreadable: listed.unreadable)
            return (stale: plan.stale, plan: Handoff(plan), listed: listed)
        }
        let stale = planned.reduce(0) { $0 + $1.stale }
        let progress = stale > 0 ? onRebuild.map { RebuildCount(total: stale, report: $0) } : nil
        // A shard that changed is written as soon as it is checked if the lock is free,
        // one shard at a time (each `flock` is this process's own), so a rebuild does not
        // hold the digests of every shard it rewrites: at 100,000 accounts it held them
        // all to the end, 444 MB. One the lock kept from is written at the end.
        let writing = Mutex(false)  // whether a shard was written
        var checked = Parallel.map(SummaryIndex.shardCount) { n in
            var shard = check(
                planned[n].plan.take(), files: planned[n].listed.files,
                unreadable: planned[n].listed.unreadable,
                item: item,
                progress: progress)
            if let rewrite = shard.rewrite {
                let written = writing.withLock { wrote in
                    let done = FileLock.ifFree(at: lockPath) {
                        (try? rewrite.write(shard: n, of: index)) != nil
                    }
                    wrote = wrote || done == true
                    return done == true
                }
                if written { shard.rewrite = nil }
            }
            return shard
        }
        progress?.finish()
        let count = checked.reduce(0) { $0 + $1.items.count }
        var snapshot = ListSnapshot<Item>(items: [], problems: [], refreshed: 0)
        snapshot.items.reserveCapacity(count)
        var named: [(id: RecordID, name: String)] = []
        named.reserveCapacity(count)
        for n in checked.indices {
            // Moved out one by one (their order does not matter before the sort below):
            // appending the shard's array would copy every item.
            while let item = checked[n].items.popLast() { snapshot.items.append(item) }
            // And the shard's array let go at once: kept to the end, every item's room was
            // held twice (38 MB of digests at 100,000 accounts).
            checked[n].items = []
            named += checked[n].named.reversed()
            checked[n].named = []
            snapshot.problems += checked[n].problems
            snapshot.refreshed += checked[n].refreshed
        }
        NameOrder.sort(&snapshot.items, names: named)
        snapshot.problems.sort { $0.path < $1.path }
        let dirty = checked.indices.filter { checked[$0].rewrite != nil }
        let names = self.names
        // The names as read, too, whenever a shard changed (a name changed inside a file in
        // place leaves the directory's stamp, and so the names index, as it was).
        if !dirty.isEmpty || writing.withLock({ $0 }) || !names.inStep {
            // Every account the list knows a name for: the readable ones and the unreadable
            // ones the index knew (so a name leads to the reason the file cannot be read).
            named += snapshot.problems.compactMap { p in p.account.flatMap { id in p.name.map { (id, $0) } } }
            _ = FileLock.ifFree(at: lockPath) {
                for n in dirty { try? checked[n].rewrite!.write(shard: n, of: index) }
                // The names as just read, once nothing was added, removed or renamed meanwhile.
                guard let before = directoryBefore, names.accountsStamp() == before else { return }
                try? names.write(named, listed: before)
            }
        }
        FreeMemory.giveBack()
        return snapshot
    }

    /// One shard's entries as read, each made into its item at once (the entries, and
    /// the shard's bytes with them, are let go), with what is needed to check them
    /// against the files: each entry's id, stamp and name.
    private struct ReadShard<Item: Sendable>: Sendable {
        var items: [Item?]
        var named: [(id: RecordID, name: String)]
        var stamps: [FileStamp]

        init(
            _ read: consuming (entries: [DigestCodec.Entry], bytes: SharedBytes)?,
            _ item: (consuming AccountDigest) -> Item
        ) {
            var entries: [DigestCodec.Entry] = []
            var bytes: SharedBytes?
            if case (let read, let shard)? = consume read { (entries, bytes) = (read, shard) }
            (items, named, stamps) = ([], [], [])
            items.reserveCapacity(entries.count)
            named.reserveCapacity(entries.count)
            stamps.reserveCapacity(entries.count)
            // Moved out from the end: the digest is handed to `item` without a copy.
            while let entry = entries.popLast() {
                named.append((entry.digest.id, entry.digest.name))
                stamps.append(entry.stamp)
                items.append(item(entry.digest))
            }
            // What the items keep of the shard's text is read again from the file's cached
            // pages when it is shown: the app keeps every follow-up's text this way (D56).
            bytes?.releasePages()
        }
    }

    /// One shard's items, with what is needed to tell which are fresh: found on every
    /// core before any file is read, so a rebuild knows how many files it has to read.
    private struct ShardPlan<Item: Sendable>: Sendable {
        var stored: ReadShard<Item>
        let position: [RecordID: Int]
        /// Whether every listed file has a fresh entry and the shard holds nothing else.
        let unchanged: Bool
        /// How many listed files have no fresh entry.
        let stale: Int

        init(
            stored: consuming ReadShard<Item>, files: [(id: RecordID, stamp: FileStamp)],
            unreadable: [StoreProblem]
        ) {
            let read = consume stored
            var position = [RecordID: Int](minimumCapacity: read.named.count)
            for k in read.named.indices { position[read.named[k].id] = k }
            let stale = files.count { Self.fresh($0.id, $0.stamp, position, read.stamps) == nil }
            unchanged =
                stale == 0 && unreadable.isEmpty && position.count == read.named.count
                && read.named.count == files.count
            (self.stored, self.position, self.stale) = (read, position, stale)
        }

        func fresh(_ id: RecordID, _ stamp: FileStamp) -> Int? {
            Self.fresh(id, stamp, position, stored.stamps)
        }

        private static func fresh(
            _ id: RecordID, _ stamp: FileStamp, _ position: [RecordID: Int], _ stamps: [FileStamp]
        ) -> Int? {
            position[id].flatMap { stamps[$0] == stamp ? $0 : nil }
        }
    }

    /// One shard's part of `list`: its entries checked against the files that belong to
    /// it, stale ones read again.
    private struct CheckedShard<Item: Sendable>: Sendable {
        var items: [Item] = []
        /// Each item's account id and name, in the items' order.
        var named: [(id: RecordID, name: String)] = []
        var problems: [StoreProblem] = []
        var refreshed = 0
        /// What the shard should hold, when it changed.
        var rewrite: ShardRewrite?
    }

    private func check<Item: Sendable>(
        _ plan: consuming ShardPlan<Item>, files: [(id: RecordID, stamp: FileStamp)],
        unreadable: [StoreProblem], item: (consuming AccountDigest) -> Item, progress: RebuildCount?
    ) -> CheckedShard<Item> {
        var result = CheckedShard<Item>()
        var plan = consume plan
        if plan.unchanged {
            // The usual case, every entry fresh: the items are moved out, not copied.
            result.items.reserveCapacity(plan.stored.items.count)
            while let next = plan.stored.items.popLast() { result.items.append(next!) }
            result.named = plan.stored.named.reversed()
            return result
        }
        result.items.reserveCapacity(files.count)
        var kept: [RecordID: FileStamp] = [:]
        var reread: [RecordID: DigestCodec.Entry] = [:]
        for (id, stamp) in files {
            if let k = plan.fresh(id, stamp), let fresh = plan.stored.items[k].take() {
                result.items.append(fresh)
                result.named.append(plan.stored.named[k])
                kept[id] = stamp
                continue
            }
            result.refreshed += 1
            do {
                let (digest, unchanged) = try digest(of: id, listed: stamp)
                // Only if the file did not change while it was read.
                if unchanged { reread[id] = DigestCodec.Entry(stamp: stamp, digest: digest) }
                result.named.append((id, digest.name))
                result.items.append(item(digest))
            } catch {
                result.problems.append(problem(reading: id, error))
            }
            progress?.oneRead()
        }
        result.problems += unreadable
        // An unreadable file is never listed, but its old entry is kept for its name, so
        // a command given that name can say the account exists and why it cannot be read.
        // The entry is stale for it (its stamp is of a file that read, or the file is not
        // listed at all) until the file reads again.
        for k in result.problems.indices {
            guard let id = result.problems[k].account, let at = plan.position[id] else { continue }
            result.problems[k].name = plan.stored.named[at].name
            kept[id] = plan.stored.stamps[at]
        }
        guard !reread.isEmpty || kept.count != plan.stored.named.count else { return result }
        result.rewrite = ShardRewrite(reread: reread, kept: kept)
        return result
    }

    /// What a changed shard should hold: the entries re-read from their files (if each
    /// file did not change while it was read), and the fresh ones with their stamps.
    private struct ShardRewrite: Sendable {
        let reread: [RecordID: DigestCodec.Entry]
        let kept: [RecordID: FileStamp]

        /// Writes it, under the store's lock: the fresh entries are read again from the
        /// shard as it is now (their bytes were let go), and only those still stamped as
        /// listed are kept.
        func write(shard n: Int, of index: SummaryIndex) throws {
            var entries = reread
            for entry in index.read(shard: n)?.entries ?? [] where kept[entry.digest.id] == entry.stamp {
                entries[entry.digest.id] = entry
            }
            try index.write(shard: n, entries)
        }
    }

    /// The digest of an account file the index has no fresh entry for, and whether the
    /// file read is the one listed with `listed` (it was not changed or replaced since),
    /// so that its entry may be written with that stamp. The file is read once and decoded
    /// as `load` decodes it (every field, every check), without the revision and the
    /// unknown members only a save needs.
    private func digest(of id: RecordID, listed: FileStamp) throws -> (AccountDigest, unchanged: Bool) {
        guard let (bytes, stamp) = try POSIXFile.readStamped(path(of: id)) else {
            throw StoreError.noSuchAccount(id: id.rawValue)
        }
        // Decoded in place: copying each file into a `Data` was a fiftieth of a rebuild.
        // The `Data` borrows the bytes, so nothing may keep it past the decode.
        let account = try bytes.withUnsafeBufferPointer { buffer throws in
            guard let base = buffer.baseAddress, !buffer.isEmpty else {
                return try decodeAccount(id, Data()).account
            }
            let data = Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
            return try decodeAccount(id, data).account
        }
        return (AccountDigest(account, policy: policy), stamp == listed)
    }
}
/// How many of the account files a rebuild must read have been read, told to
/// `FileStore.onRebuild` about a hundred times along the way, in increasing order (the
/// count and the call are under one lock, whichever core read the file), and once at the
/// end.
private final class RebuildCount: Sendable {
    let total: Int
    private let report: RebuildProgress
    private let step: Int
    private let done = Mutex(0)

    init(total: Int, report: @escaping RebuildProgress) {
        (self.total, self.report, step) = (total, report, max(1, total / 100))
        report(0, total)
    }

    func oneRead() {
        done.withLock { done in
            done += 1
            if done % step == 0 && done < total { report(done, total) }
        }
    }

    /// Called once every shard is checked.
    func finish() { report(total, total) }
}
