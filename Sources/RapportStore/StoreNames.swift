import IndexKit
import RapportCore

/// The account names as the summary index last recorded them, for shell completion:
/// only each `A` line's name field is read, with no file compared and no digest decoded,
/// so ten thousand names take a few milliseconds. Names may lag a change made since the
/// index was last brought in step (a `git pull` not yet listed). A shard that is missing
/// holds no account (only shards with accounts are written); when one is not sealed, or
/// there is no index at all (a fresh clone), the digests are loaded instead, which
/// rebuilds it.
extension FileStore {
    public func accountNamesForCompletion() -> [String] {
        let index = self.index
        var names: [String] = []
        for n in 0..<SummaryIndex.shardCount {
            let read: SharedBytes?
            do { read = try POSIXFile.readShared(index.path(ofShard: n)) } catch {
                return list { $0.name }.items
            }
            guard let bytes = read else { continue }
            let found = bytes.withUnsafeBufferPointer { buffer -> [String]? in
                guard index.seal(of: buffer) == .sealed else { return nil }
                return Self.names(in: UnsafeBufferPointer(rebasing: buffer[index.headerLength...]))
            }
            guard let found else { return list { $0.name }.items }
            names += found
        }
        if names.isEmpty { return list { $0.name }.items }
        // Sorted as the accounts list sorts them, ignoring case; the keys made once.
        return names.map { (Array($0.lowercased().utf8), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }.map(\.1)
    }

    /// The fifth tab-separated field of each line starting with `A`.
    static func names(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        var names: [String] = []
        var i = 0
        while i < bytes.count {
            var end = i
            while end < bytes.count && bytes[end] != FieldText.newline { end += 1 }
            if bytes[i] == UInt8(ascii: "A") {
                var field = 0
                var start = i
                for j in i..<end where bytes[j] == FieldText.tab {
                    field += 1
                    if field == 4 { start = j + 1 }
                    if field == 5 {
                        names.append(FieldText.unescape(UnsafeBufferPointer(rebasing: bytes[start..<j])))
                        break
                    }
                }
            }
            i = end + 1
        }
        return names
    }
}
