import RapportCore

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
                var wrote = false
                defer {
                    if wrote {
                        sync()
                        SaveJournal.recordSaved()
                    }
                }
                for change in group {
                    let outcome = try apply(change, today: today)
                    wrote = wrote || outcome == nil
                    outcomes.append(outcome)
                }
            }
            start += group.count
            progress(start)
        }
        return outcomes
    }

    /// One change under the lock the caller holds: nil when saved, else why not.
    private func apply(_ change: AccountChange, today: Day) throws -> String? {
        switch change {
        case .create(let account):
            if POSIXFile.exists(path(of: account.id)) {
                return "an account with id \(account.id) already exists"
            }
            _ = try write(account, durable: false)
        case .update(let id, let mutations):
            let current: LoadedAccount
            do { current = try load(id) } catch { return "\(error)" }
            var account = current.account
            do {
                for mutation in mutations { try mutation.apply(to: &account, today: today) }
            } catch let conflict as EditConflict {
                let fields = conflict.conflicts.map(\.field).joined(separator: ", ")
                return "\(account.name) was changed meanwhile (\(fields)); nothing of this row was saved"
            } catch {
                return "\(error)"
            }
            if account != current.account { _ = try write(account, durable: false) }
        }
        return nil
    }
}
