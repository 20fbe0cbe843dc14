import RapportStore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A line on standard error saying how long work is going ("rebuilding the index: 2000 of
/// 10000 accounts read"), for work that takes more than a second: drawn only when standard
/// error is a terminal, redrawn at most ten times a second, and cleared when the work ends,
/// so that nothing of it is left in the terminal, a pipe or a file.
final class ProgressLine: Sendable {
    private let words: @Sendable (_ done: Int, _ total: Int) -> String
    private let shown = Mutex<(drawn: Bool, at: UInt64)>((false, 0))

    /// Nil when standard error is not a terminal or `total` is too little to be worth a line.
    init?(
        total: Int, atLeast minimum: Int, _ words: @escaping @Sendable (_ done: Int, _ total: Int) -> String
    ) {
        guard total >= minimum, System.errorIsTerminal else { return nil }
        self.words = words
    }

    /// `done` of `total`; drawn if the last drawing is a tenth of a second old.
    func update(_ done: Int, of total: Int) {
        let now = Self.milliseconds()
        shown.withLock { shown in
            guard !shown.drawn || now - shown.at >= 100 else { return }
            System.writeProgress(words(done, total))
            shown = (true, now)
        }
    }

    /// Clears the line, if it was drawn.
    func finish() {
        shown.withLock { shown in
            if shown.drawn { System.writeProgress("") }
            shown.drawn = false
        }
    }

    private static func milliseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1000 + UInt64(time.tv_nsec) / 1_000_000
    }
}

extension FileStore {
    /// This store, with a progress line on standard error (a terminal only) while
    /// `loadDigests` rebuilds its index from more than 2,000 account files (a second's
    /// work or more): every command that lists accounts reads through it.
    func reportingRebuild() -> FileStore {
        var store = self
        let line = RebuildLine()
        store.onRebuild = { line.report($0, of: $1) }
        return store
    }

    /// This store without a progress line: the app's, whose screen a line written to the
    /// terminal beside it would break.
    var withoutProgress: FileStore {
        var store = self
        store.onRebuild = nil
        return store
    }
}

/// The progress line of one store's rebuilds, made when a rebuild starts.
private final class RebuildLine: Sendable {
    private let line = Mutex<ProgressLine?>(nil)

    func report(_ done: Int, of total: Int) {
        if done == 0 {
            let made = ProgressLine(total: total, atLeast: 2_001) { done, total in
                "rebuilding the index: \(done) of \(total) accounts read"
            }
            line.withLock { $0 = made }
        } else if done == total {
            line.withLock { $0.take() }?.finish()
        } else {
            line.withLock { $0 }?.update(done, of: total)
        }
    }
}
