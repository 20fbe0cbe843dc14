#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The temporary files that saves killed mid-way leave (`.NAME.PID.RANDOM.tmp`, beside
/// the file they were to replace: in the store's root, `accounts/` or `index/`).
///
/// A save holds an `flock` on its temporary file from creating it until it is renamed
/// or removed, and every save in a store runs under the store lock. So under the store
/// lock a temporary file that nobody holds is a leftover of a save that can no longer
/// finish: removing it loses nothing.
extension FileStore {
    /// The directories saves write temporary files in.
    var temporaryFileDirectories: [String] { [root, accountsDirectory, index.directory] }

    /// Whether a name is one `POSIXFile.writeAtomically` gives its temporary files:
    /// `.NAME.PID.RANDOM.tmp`.
    static func isTemporaryFileName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return false }
        return parts.suffix(2).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// Every temporary file in the store's directories with whether a save holds it now.
    func temporaryFiles() -> [(path: String, held: Bool)] {
        var found: [(path: String, held: Bool)] = []
        for directory in temporaryFileDirectories {
            var names: [String] = []
            try? POSIXFile.forEachEntry(in: directory) { bytes, _, _ in
                let name = String(decoding: bytes, as: UTF8.self)
                if Self.isTemporaryFileName(name) { names.append(name) }
            }
            for name in names.sorted() {
                let path = "\(directory)/\(name)"
                found.append((path, Self.isHeld(path)))
            }
        }
        return found
    }

    /// Whether a process holds an `flock` on the file (a save writing it).
    private static func isHeld(_ path: String) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    /// The temporary files no save holds, as problems: what `removeLeftovers` would remove.
    func leftoverProblems() -> [StoreProblem] {
        temporaryFiles().filter { !$0.held }.map {
            StoreProblem(
                path: $0.path,
                reason: "leftover temporary file from an interrupted write; 'rapport check' removes it")
        }
    }

    /// Removes, under the store lock, every temporary file that no save holds (those that
    /// killed saves left); returns their paths. A file a save holds is left alone.
    public func removeLeftovers() throws -> [String] {
        try FileLock.withLock(at: lockPath) {
            var removed: [String] = []
            for file in temporaryFiles() where !file.held {
                if unlink(file.path) == 0 { removed.append(file.path) }
            }
            for directory in Set(removed.map { POSIXFile.split($0).directory }) {
                try? POSIXFile.syncDirectory(directory)
            }
            return removed
        }
    }
}
