#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on the store's `.lock` file, held while a
/// read-check-write sequence runs, so two processes never interleave their saves.
/// Each acquisition opens its own descriptor, so two stores in one process exclude
/// each other too.
enum FileLock {
    /// Runs `body` while holding the lock; waits up to `timeout` seconds for it.
    static func withLock<T>(at path: String, timeout: Double = 10, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXFile.failure(path, "cannot open lock file") }
        defer { close(fd) }
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw POSIXFile.failure(path, "cannot lock") }
            guard waited < timeout else { throw StoreError.locked(path: path) }
            usleep(2_000)
            waited += 0.002
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` holding the lock if it is free right now; returns nil without running
    /// it when another process holds it.
    static func ifFree<T>(at path: String, _ body: () throws -> T) rethrows -> T? {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return nil }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
