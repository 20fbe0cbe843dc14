import RapportCore

#if canImport(Glibc)
    import Glibc
#endif

/// What the app watches to notice another process changing the store, in three `stat`
/// calls: the accounts directory (every save, added and removed account renames a file in
/// it, and so does git), `store.json`, and the file of the account on screen (which also
/// catches an edit made in place). An in-place edit of another account's file is found by
/// a full reload (the app's Ctrl-L).
public struct StoreChangeStamp: Equatable, Sendable {
    private var parts: [FileStamp?]
    /// Whether the newest of these times is under a second old: another change in the same
    /// clock tick could leave the stamp equal, so the next look must not trust it.
    public let isRecent: Bool

    init(parts: [FileStamp?], now: Int) {
        self.parts = parts
        let newest = parts.compactMap { $0?.modifiedNanoseconds }.max() ?? 0
        isRecent = now - newest < 1_000_000_000
    }

    public static func == (a: Self, b: Self) -> Bool { a.parts == b.parts }
}

extension FileStore {
    /// The stamp of what the app shows: the accounts directory, `store.json` and, when
    /// given, one account's file.
    public func changeStamp(watching id: RecordID?) -> StoreChangeStamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let paths = [accountsDirectory, storeFilePath] + (id.map { [path(of: $0)] } ?? [])
        return StoreChangeStamp(
            parts: paths.map(POSIXFile.stamp), now: Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec))
    }
}
