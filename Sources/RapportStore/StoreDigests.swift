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

extension DigestSnapshot {
    /// Every account the snapshot knows a name for: the readable ones and the unreadable
    /// ones the index knew (so a name leads to the reason the file cannot be read).
    var namedAccounts: [(id: RecordID, name: String)] {
        digests.map { ($0.id, $0.name) }
            + problems.compactMap { p in p.account.flatMap { id in p.name.map { (id, $0) } } }
    }
}

/// Hears how a rebuild of the summary index goes: how many of the account files it must
/// read have been read, of how many. Called from any thread, one call at a time: first with
/// 0, then about a hundred times as files are read, in increasing order, last with
/// `read == total`. Not called when every entry is fresh.
public typealias RebuildProgress = @Sendable (_ read: Int, _ total: Int) -> Void

// Keeping the summary index in step with the account files when the store is read:
// the lists come from the index, and whatever is stale is decoded and rewritten.
extension FileStore {
    /// Every readable account's digest in name order, from the index where it is fresh. Account files
    /// whose size or modification time differ from the index (or that it lacks) are
    /// decoded and their entries rewritten; entries for deleted files are dropped.
    /// The index is rewritten only when the store's lock is free.
    ///
    /// Both steps run on every core: reading the 256 shards (while one thread lists the
    /// account files), then checking each shard against the files.
    public func loadDigests() -> DigestSnapshot {
        let index = self.index
        let directoryBefore = names.accountsStamp()
        let listing = Mutex<Result<ShardedListing, StoreError>?>(nil)
        let stored = Parallel.map(SummaryIndex.shardCount + 1) { n -> Handoff<[DigestCodec.Entry]?> in
            guard n > 0 else {
                let result = Result { () throws(StoreError) in try accountFilesByShard() }
                listing.withLock { $0 = result }
                return Handoff(nil)
            }
            return Handoff(index.read(shard: n - 1))
        }
        let files: [[(id: RecordID, stamp: FileStamp)]]
        let unreadable: [[StoreProblem]]
        switch listing.withLock({ $0 })! {
        case .success(let list): (files, unreadable) = (list.files, list.unreadable)
        case .failure(let error):
            return DigestSnapshot(
                digests: [], problems: [StoreProblem(path: accountsDirectory, reason: "\(error)")],
                refreshed: 0)
        }
        let planned = Parallel.map(SummaryIndex.shardCount) { n in
            let plan = ShardPlan(stored: stored[n + 1].take(), files: files[n], unreadable: unreadable[n])
            return (stale: plan.stale, plan: Handoff(plan))
        }
        let stale = planned.reduce(0) { $0 + $1.stale }
        let progress = stale > 0 ? onRebuild.map { RebuildCount(total: stale, report: $0) } : nil
        var checked = Parallel.map(SummaryIndex.shardCount) { n in
            check(planned[n].plan.take(), files: files[n], unreadable: unreadable[n], progress: progress)
        }
        progress?.finish()
        var snapshot = DigestSnapshot(digests: [], problems: [], refreshed: 0)
        snapshot.digests.reserveCapacity(files.reduce(0) { $0 + $1.count })
        for n in checked.indices {
            // Moved out one by one (their order does not matter before the sort below):
            // appending the shard's array would copy every digest.
            while let digest = checked[n].digests.popLast() { snapshot.digests.append(digest) }
            snapshot.problems += checked[n].problems
            snapshot.refreshed += checked[n].refreshed
        }
        // Sorted here, where the array has no other holder: in place, nothing copied.
        AccountDigest.sortByName(&snapshot.digests)
        snapshot.problems.sort { $0.path < $1.path }
        let dirty = checked.indices.filter { checked[$0].rewrite != nil }
        let names = self.names
        let namesStale = !dirty.isEmpty || !names.inStep
        if namesStale {
            _ = FileLock.ifFree(at: lockPath) {
                for n in dirty { try? index.write(shard: n, checked[n].rewrite!) }
                // The names as just read, once nothing was added, removed or renamed meanwhile.
                guard let before = directoryBefore, names.accountsStamp() == before else { return }
                try? names.write(snapshot.namedAccounts, listed: before)
            }
        }
        return snapshot
    }

    /// The account files with their stamps, and the unreadable ones, grouped by the index
    /// shard that holds them.
    private struct ShardedListing: Sendable {
        var files = [[(id: RecordID, stamp: FileStamp)]](repeating: [], count: SummaryIndex.shardCount)
        var unreadable = [[StoreProblem]](repeating: [], count: SummaryIndex.shardCount)
    }

    private func accountFilesByShard() throws(StoreError) -> ShardedListing {
        var byShard = ShardedListing()
        let listing = try listAccountFiles()
        for file in listing.files { byShard.files[SummaryIndex.shard(of: file.id)].append(file) }
        for problem in listing.unreadable {
            byShard.unreadable[SummaryIndex.shard(of: problem.account!)].append(problem)
        }
        return byShard
    }

    /// One shard's entries, with what is needed to tell which are fresh: found on every
    /// core before any file is read, so a rebuild knows how many files it has to read.
    private struct ShardPlan: Sendable {
        var stored: [DigestCodec.Entry]
        var position: [RecordID: Int]
        /// Stamps apart from their entries: reading an entry's through the array would copy the entry.
        let stamps: [FileStamp]
        /// Whether every listed file has a fresh entry and the shard holds nothing else.
        let unchanged: Bool
        /// How many listed files have no fresh entry.
        let stale: Int

        init(
            stored: consuming [DigestCodec.Entry]?, files: [(id: RecordID, stamp: FileStamp)],
            unreadable: [StoreProblem]
        ) {
            // Taken over, not copied: the entries are moved out by `check`.
            let entries = (consume stored) ?? []
            var position = [RecordID: Int](minimumCapacity: entries.count)
            for k in entries.indices { position[entries[k].digest.id] = k }
            let stamps = entries.indices.map { entries[$0].stamp }
            let stale = files.count { Self.fresh($0.id, $0.stamp, position, stamps) == nil }
            unchanged =
                stale == 0 && unreadable.isEmpty && position.count == entries.count
                && entries.count == files.count
            (self.stored, self.position, self.stamps, self.stale) = (entries, position, stamps, stale)
        }

        func fresh(_ id: RecordID, _ stamp: FileStamp) -> Int? { Self.fresh(id, stamp, position, stamps) }

        private static func fresh(
            _ id: RecordID, _ stamp: FileStamp, _ position: [RecordID: Int], _ stamps: [FileStamp]
        ) -> Int? {
            position[id].flatMap { stamps[$0] == stamp ? $0 : nil }
        }
    }

    /// One shard's part of `loadDigests`: its entries checked against the files that
    /// belong to it, stale ones read again.
    private struct CheckedShard: Sendable {
        var digests: [AccountDigest] = []
        var problems: [StoreProblem] = []
        var refreshed = 0
        /// The shard's entries as they should be written, when they changed.
        var rewrite: [RecordID: DigestCodec.Entry]?
    }

    private func check(
        _ plan: consuming ShardPlan, files: [(id: RecordID, stamp: FileStamp)], unreadable: [StoreProblem],
        progress: RebuildCount?
    ) -> CheckedShard {
        var result = CheckedShard()
        var plan = consume plan
        if plan.unchanged {
            // The usual case, every entry fresh: the digests are moved out, not copied.
            result.digests.reserveCapacity(plan.stored.count)
            while let entry = plan.stored.popLast() { result.digests.append(entry.digest) }
            return result
        }
        let stored = plan.stored
        let position = plan.position
        result.digests.reserveCapacity(files.count)
        var reread: [RecordID: DigestCodec.Entry] = [:]
        for (id, stamp) in files {
            if let k = plan.fresh(id, stamp) {
                result.digests.append(stored[k].digest)
                continue
            }
            result.refreshed += 1
            do {
                let (digest, unchanged) = try digest(of: id, listed: stamp)
                result.digests.append(digest)
                // Only if the file did not change while it was read.
                if unchanged { reread[id] = DigestCodec.Entry(stamp: stamp, digest: digest) }
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
            guard let id = result.problems[k].account, let at = position[id] else { continue }
            result.problems[k].name = stored[at].digest.name
        }
        // The entries to write: fresh ones as they were, re-read ones if their file did
        // not change while it was read.
        var entries: [RecordID: DigestCodec.Entry] = [:]
        for (id, stamp) in files {
            if let k = plan.fresh(id, stamp) {
                entries[id] = stored[k]
            } else if let entry = reread[id] {
                entries[id] = entry
            }
        }
        for problem in result.problems {
            if let id = problem.account, let at = position[id] { entries[id] = stored[at] }
        }
        let same =
            entries.count == stored.count
            && entries.allSatisfy { position[$0.key].map { stored[$0] } == $0.value }
        result.rewrite = same ? nil : entries
        return result
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
        let account = try decodeAccount(id, Data(bytes)).account
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
