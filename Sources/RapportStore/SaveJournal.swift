import Synchronization

/// What this process's saves reached, for the one who reports the outcome (the command
/// line's `main`): a save whose file was renamed into place is saved, even if what came
/// after failed (syncing its directory, printing the confirmation). Saying "failed"
/// then would invite a retry that records the change twice.
public enum SaveJournal {
    private struct Entries {
        var savedAnything = false
        var notices: [String] = []
    }

    private static let entries = Mutex(Entries())

    /// A durable file was put in place (a flag, not a list: the app saves for hours).
    static func recordSaved() {
        entries.withLock { $0.savedAnything = true }
    }

    /// A save reached its file but something after it failed; `notice` says what.
    static func recordNotice(_ notice: String) {
        entries.withLock { $0.notices.append(notice) }
    }

    /// Whether any durable save reached its file in this process.
    public static var savedAnything: Bool { entries.withLock { $0.savedAnything } }

    /// The notices recorded since the last call, oldest first.
    public static func takeNotices() -> [String] {
        entries.withLock { entries in
            defer { entries.notices = [] }
            return entries.notices
        }
    }
}
