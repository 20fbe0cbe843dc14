import RapportCore

/// What another process (a second copy of the app, a command, a `git pull`) changed in
/// the store since the app last read it, by account name.
struct DiskChanges: Equatable {
    var added: [String] = []
    var changed: [String] = []
    var removed: [String] = []
    /// The ids of every account that changed, was added or went.
    var ids: Set<RecordID> = []

    init(before: [AccountDigest], after: [AccountDigest]) {
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let new = Dictionary(after.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for digest in after {
            guard let was = old[digest.id] else {
                added.append(digest.name)
                ids.insert(digest.id)
                continue
            }
            if was != digest {
                changed.append(digest.name)
                ids.insert(digest.id)
            }
        }
        for digest in before where new[digest.id] == nil {
            removed.append(digest.name)
            ids.insert(digest.id)
        }
    }

    /// The line the app shows: one account by name, several counted by kind; nil when
    /// nothing changed.
    var sentence: String? {
        switch (added.count, changed.count, removed.count) {
        case (0, 0, 0): return nil
        case (1, 0, 0): return "\(added[0]) was added on disk"
        case (0, 1, 0): return "\(changed[0]) changed on disk"
        case (0, 0, 1): return "\(removed[0]) was removed on disk"
        default:
            let parts = [(added.count, "added"), (changed.count, "changed"), (removed.count, "removed")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
            return "\(ids.count) accounts changed on disk: " + parts.joined(separator: ", ")
        }
    }
}
