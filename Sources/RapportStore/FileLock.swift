#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive advisory lock (`flock`) on the store's `.lock` file, held while a
/// read-check-write sequence runs, so two processes never interleave their saves.
/// Each acquisition opens its own descriptor, so two stores in one process exclude
/// each other too.
///
/// A busy lock is waited for in the kernel (a blocking `flock` on a thread of its own,
/// `LockWaiter`), so the kernel wakes a waiter the moment the lock is let go; polling
/// every few milliseconds let newcomers overtake those waiting, some past the timeout.
enum FileLock {
    /// Runs `body` while holding the lock; waits up to `timeout` seconds for it.
    static func withLock<T>(at path: String, timeout: Double = 10, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXFile.failure(path, "cannot open lock file") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let e = POSIXFile.failure(path, "cannot lock")
                close(fd)
                throw e
            }
            // From here the waiter owns the descriptor until it reports the lock taken.
            try LockWaiter.wait(for: fd, path: path, timeout: timeout)
        }
        defer {
            flock(fd, LOCK_UN)
            close(fd)
        }
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
