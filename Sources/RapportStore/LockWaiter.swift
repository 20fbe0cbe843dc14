import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking `flock` with a timeout: a thread of its own sleeps in the kernel on the
/// lock while the caller waits on a semaphore for at most the timeout.
///
/// When the caller gives up first the waiter is told so, and when the kernel hands it
/// the lock later it lets it go at once and closes the descriptor: a caller that gave up
/// never holds the lock, and no waiter is left holding it for nobody.
final class LockWaiter: Sendable {
    private enum State {
        case waiting
        case acquired
        case failed(Int32)
        case abandoned
    }

    private let fd: Int32
    private let state = Mutex(State.waiting)
    private let done = DispatchSemaphore(value: 0)

    private init(fd: Int32) { self.fd = fd }

    /// Returns once `fd` holds the lock; otherwise throws (`StoreError.locked` after
    /// `timeout` seconds) and the descriptor is closed, now or when the waiter ends.
    static func wait(for fd: Int32, path: String, timeout: Double) throws(StoreError) {
        let waiter = LockWaiter(fd: fd)
        guard waiter.start() else {
            let e = POSIXFile.failure(path, "cannot start waiting for the lock")
            close(fd)
            throw e
        }
        if waiter.done.wait(timeout: .now() + timeout) == .timedOut {
            let gaveUp = waiter.state.withLock { state -> Bool in
                guard case .waiting = state else { return false }
                state = .abandoned
                return true
            }
            if gaveUp { throw StoreError.locked(path: path) }
            // The lock came (or failed) just as the time ran out: take the answer.
            waiter.done.wait()
        }
        let failure: Int32? = waiter.state.withLock { state in
            if case .failed(let error) = state { return error }
            return nil
        }
        if let failure {
            close(fd)
            errno = failure
            throw POSIXFile.failure(path, "cannot lock")
        }
    }

    /// Starts the thread that blocks in `flock`; false when no thread could be made.
    private func start() -> Bool {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let made = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<LockWaiter>.fromOpaque(context!).takeRetainedValue().block()
                return nil
            }, context)
        guard made == 0 else {
            Unmanaged<LockWaiter>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// On the waiter's thread: waits in the kernel, then hands over the lock or lets it go.
    private func block() {
        var result = flock(fd, LOCK_EX)
        while result != 0 && errno == EINTR { result = flock(fd, LOCK_EX) }
        let error = errno
        let handedOver = state.withLock { state -> Bool in
            guard case .waiting = state else { return false }
            state = result == 0 ? .acquired : .failed(error)
            return true
        }
        if handedOver {
            done.signal()
            return
        }
        if result == 0 { flock(fd, LOCK_UN) }
        close(fd)
    }
}
