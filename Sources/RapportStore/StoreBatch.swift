import RapportCore
import StoreJSONCodec

#if canImport(Glibc)
    import Glibc
#endif

extension FileStore {
    /// Applies many changes, in order, taking the store's lock for each group of
    /// `groupSize` (so the app and other commands get their turn between groups). Each
    /// account is written whole and atomically, as every save is; a group's files are
    /// flushed to disk together before its lock is let go, instead of one by one.
    /// Updates re-read the account under the lock and apply their mutations to the
    /// newest copy. Returns, for each change, nil when it was saved or why it was not
    /// (an account created meanwhile with that id, an edit that met a change made
    /// meanwhile); `progress` hears how many changes are done after each group.
    public func apply(
        _ changes: [AccountChange], today: Day, groupSize: Int = 500, progress: (Int) -> Void = { _ in }
    ) throws -> [String?] {
        var outcomes: [String?] = []
        outcomes.reserveCapacity(changes.count)
        var start = 0
        while start < changes.count {
            let group = changes[start..<min(start + groupSize, changes.count)]
            try FileLock.withLock(at: lockPath) {
                var written: [Account] = []
                defer { finish(written) }
                for change in group {
                    let (outcome, account) = try apply(change, today: today)
                    if let account { written.append(account) }
                    outcomes.append(outcome)
                }
            }
            start += group.count
            progress(start)
        }
        return outcomes
    }

    /// A group's files to disk and their index entries, each shard written once (the
    /// per-save splice would rewrite a shard for every account).
    private func finish(_ written: [Account]) {
        guard !written.isEmpty else { return }
        var shards: [Int: [RecordID: DigestCodec.Entry]] = [:]
        for account in written {
            guard let stamp = POSIXFile.stamp(path(of: account.id)) else { continue }
            shards[SummaryIndex.shard(of: account.id), default: [:]][account.id] = DigestCodec.Entry(
                stamp: stamp, digest: AccountDigest(account, policy: policy))
        }
        for (n, entries) in shards {
            var merged: [RecordID: DigestCodec.Entry] = [:]
            for entry in index.read(shard: n)?.entries ?? [] { merged[entry.digest.id] = entry }
            merged.merge(entries) { $1 }
            try? index.write(shard: n, merged)
        }
        sync()
        SaveJournal.recordSaved()
    }

    /// One change under the lock the caller holds: nil when saved (with the account
    /// written, if anything changed), else why not.
    private func apply(_ change: AccountChange, today: Day) throws -> (String?, Account?) {
        switch change {
        case .create(let account):
            if POSIXFile.exists(path(of: account.id)) {
                return ("an account with id \(account.id) already exists", nil)
            }
            try writeUnindexed(account)
            return (nil, account)
        case .update(let id, let mutations):
            let current: LoadedAccount
            do { current = try load(id) } catch { return ("\(error)", nil) }
            var account = current.account
            do {
                for mutation in mutations { try mutation.apply(to: &account, today: today) }
            } catch let conflict as EditConflict {
                let fields = conflict.conflicts.map(\.field).joined(separator: ", ")
                return (
                    "\(account.name) was changed meanwhile (\(fields)); nothing of this row was saved", nil
                )
            } catch {
                return ("\(error)", nil)
            }
            guard account != current.account else { return (nil, nil) }
            try writeUnindexed(account)
            return (nil, account)
        }
    }

    /// The account's file, written atomically but not yet flushed; its index entry is
    /// left to `finish`.
    private func writeUnindexed(_ account: Account) throws {
        let data = try RapportJSON.encode(AccountDocument(schema: migrator.current, account: account))
        try POSIXFile.writeAtomically(data, to: path(of: account.id), durable: false)
    }
}
