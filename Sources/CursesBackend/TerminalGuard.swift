import CNcursesw
import Glibc

/// Restores the terminal on every way out: termination signals are turned into a flag
/// the run loop polls (so it can save first), and crash signals restore the terminal
/// and then re-raise so the crash is still reported.
public enum TerminalGuard {
    nonisolated(unsafe) private static var pendingSignal: Int32 = 0

    /// The termination signal received (SIGINT, SIGTERM, SIGHUP), or 0.
    public static var terminationSignal: Int32 { pendingSignal }

    static func install() {
        // A parent may start us with signals blocked (threads of test runners and some
        // launchers do); resizing and the termination signals must reach us.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGCONT] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in TerminalGuard.pendingSignal = received }
        }
        for sig in [SIGSEGV, SIGILL, SIGABRT, SIGTRAP, SIGBUS, SIGFPE] {
            signal(sig) { received in
                endwin()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}
