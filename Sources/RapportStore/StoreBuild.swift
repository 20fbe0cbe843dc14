import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// A new store built whole or not at all: in a directory beside its place
/// (`.NAME.building.PID.tmp`), renamed into place once complete. An interrupted or
/// full-disk build (`rapport demo`) left a half store that `check` called sound and that
/// a second `demo` refused to replace. The builder holds an `flock` on its directory, so
/// a later build removes only those no running build holds.
extension FileStore {
    /// Runs `build` on a fresh directory beside `root` and renames it to `root` when it
    /// returns; on an error the directory is removed and nothing is at `root`. Refuses a
    /// store already at `root`, and a `root` that exists and is not empty. Returns the
    /// half-built directories of interrupted builds that it removed first.
    @discardableResult
    public static func buildAside(at root: String, _ build: (String) throws -> Void) throws -> [String] {
        if exists(at: root) { throw StoreError.alreadyExists(path: root) }
        let (parent, name) = POSIXFile.split(root)
        try makeDirectories(parent)
        let removed = removeAbandonedBuilds(in: parent, of: name)
        let aside = "\(parent)/.\(name).building.\(getpid()).tmp"
        try POSIXFile.makeDirectory(aside)
        let hold = Glibc.open(aside, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if hold >= 0 { flock(hold, LOCK_EX | LOCK_NB) }
        defer { if hold >= 0 { close(hold) } }
        do {
            try build(aside)
            guard rename(aside, root) == 0 else {
                if errno == ENOTEMPTY || errno == EEXIST {
                    throw StoreError.io(
                        path: root,
                        reason:
                            "exists and is not empty; a new store is made only in a new or empty directory")
                }
                throw POSIXFile.failure(root, "cannot move the new store into place")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: aside)
            throw error
        }
        try POSIXFile.syncDirectory(parent)
        return removed
    }

    /// Removes the half-built directories of `name` in `parent` that no build holds.
    private static func removeAbandonedBuilds(in parent: String, of name: String) -> [String] {
        let prefix = ".\(name).building."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var removed: [String] = []
        for entry in names.sorted() where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let path = "\(parent)/\(entry)"
            let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            let free = flock(fd, LOCK_EX | LOCK_NB) == 0
            close(fd)
            if free, (try? FileManager.default.removeItem(atPath: path)) != nil { removed.append(path) }
        }
        return removed
    }
}
