import FoundationEssentials
import IndexKit
import RapportCore

#if canImport(Glibc)
    import Glibc
#endif

/// Every account's name, sorted, so a command given a name finds its account without
/// reading the whole index or stat-ing every account file (issue 23, D52):
///
/// - `<root>/index/names`: a line per account, `key\tid\tname`, the key being the name
///   lowercased; lines are in key order, so a name or the start of one is found by a
///   binary search over the file, mapped, not read.
/// - `<root>/index/listed`: the accounts directory's size and modification time when
///   `names` was last known to be complete.
///
/// The names are used only while the accounts directory is as `listed` says: a file
/// created, removed or renamed there since (a `git pull`, a copy, another tool) changes
/// the directory's time, and the caller then looks the name up the full way, which also
/// writes both files again. A save by Rapport, under the lock, moves `listed` along
/// when it was in step and the save changed no name; a save that adds, renames or
/// deletes an account removes it. Whatever is found is checked against the account's
/// own file by the caller, so a name changed inside a file in place is never believed.
struct NameIndex {
    let directory: String
    let accountsDirectory: String

    var namesPath: String { directory + "/names" }
    var listedPath: String { directory + "/listed" }

    static let header = Array("rapport-names\t1\n".utf8)
    private static let listedPrefix = "rapport-listed\t1\t"

    /// The accounts directory's stamp now (nil when it cannot be looked at).
    func accountsStamp() -> FileStamp? { POSIXFile.stamp(accountsDirectory) }

    /// The stamp `listed` records, if any.
    func listed() -> FileStamp? {
        guard let bytes = try? POSIXFile.readBytes(listedPath) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix(Self.listedPrefix), text.hasSuffix("\n") else { return nil }
        let fields = text.dropFirst(Self.listedPrefix.count).dropLast().split(separator: "\t")
        guard fields.count == 2, let size = Int(fields[0]), let time = Int(fields[1]) else { return nil }
        return FileStamp(size: size, modifiedNanoseconds: time)
    }

    /// Whether `names` is complete for the accounts directory as it is now.
    var inStep: Bool {
        guard let now = accountsStamp(), let recorded = listed() else { return false }
        return now == recorded && POSIXFile.exists(namesPath)
    }

    func writeListed(_ stamp: FileStamp) {
        let text = "\(Self.listedPrefix)\(stamp.size)\t\(stamp.modifiedNanoseconds)\n"
        try? POSIXFile.makeDirectory(directory)
        try? POSIXFile.writeAtomically(Data(text.utf8), to: listedPath, durable: false)
    }

    func forgetListed() { unlink(listedPath) }

    /// After a save (under the lock) that found the directory at `before`: `listed`
    /// follows the directory if it was in step and no name changed; otherwise it goes.
    func noteSave(before: FileStamp?, nameChanged: Bool) {
        if nameChanged { return forgetListed() }
        guard let before, listed() == before, let after = accountsStamp() else { return }
        writeListed(after)
    }

    /// Writes `names` for these accounts, then `listed` as `stamp` (under the lock).
    func write(_ accounts: [(id: RecordID, name: String)], listed stamp: FileStamp) throws {
        var lines: [(key: [UInt8], line: [UInt8])] = []
        lines.reserveCapacity(accounts.count)
        for (id, name) in accounts {
            var key: [UInt8] = []
            FieldText.escape(name.lowercased(), into: &key)
            var line = key
            line.append(FieldText.tab)
            line += id.rawValue.utf8
            line.append(FieldText.tab)
            FieldText.escape(name, into: &line)
            line.append(FieldText.newline)
            lines.append((key, line))
        }
        lines.sort {
            $0.key != $1.key
                ? $0.key.lexicographicallyPrecedes($1.key) : $0.line.lexicographicallyPrecedes($1.line)
        }
        var bytes = Self.header
        bytes.reserveCapacity(lines.reduce(bytes.count) { $0 + $1.line.count })
        for entry in lines { bytes += entry.line }
        try POSIXFile.makeDirectory(directory)
        try POSIXFile.writeAtomically(Data(bytes), to: namesPath, durable: false)
        writeListed(stamp)
    }

    /// The accounts whose lowercased names start with `lowercased`, from `names`
    /// (nil when it cannot be read).
    func accounts(startingWith lowercased: String) -> [(id: RecordID, name: String)]? {
        var wanted: [UInt8] = []
        FieldText.escape(lowercased, into: &wanted)
        // Mapped without reading it in: a binary search touches a few of its pages.
        return POSIXFile.mapShared(namesPath, populating: false)?.withUnsafeBufferPointer {
            bytes -> [(id: RecordID, name: String)]? in
            guard bytes.starts(with: Self.header) else { return nil }
            return Self.lines(in: bytes, from: Self.header.count, startingWith: wanted)
        }
    }

    /// The lines from the first whose key is at least `wanted`, while their keys start
    /// with it: a binary search over line starts, then a walk.
    static func lines(
        in bytes: UnsafeBufferPointer<UInt8>, from body: Int, startingWith wanted: [UInt8]
    ) -> [(id: RecordID, name: String)]? {
        func lineEnd(_ start: Int) -> Int {
            var end = start
            while end < bytes.count && bytes[end] != FieldText.newline { end += 1 }
            return end
        }
        func keyEnd(_ start: Int, _ end: Int) -> Int {
            var k = start
            while k < end && bytes[k] != FieldText.tab { k += 1 }
            return k
        }
        var (lo, hi) = (body, bytes.count)
        while lo < hi {
            var start = lo + (hi - lo) / 2
            while start > lo && bytes[start - 1] != FieldText.newline { start -= 1 }
            let end = lineEnd(start)
            let key = UnsafeBufferPointer(rebasing: bytes[start..<keyEnd(start, end)])
            if key.lexicographicallyPrecedes(wanted) { lo = end + 1 } else { hi = start }
        }
        var found: [(id: RecordID, name: String)] = []
        var start = lo
        while start < bytes.count {
            let end = lineEnd(start)
            let k = keyEnd(start, end)
            guard UnsafeBufferPointer(rebasing: bytes[start..<k]).starts(with: wanted) else { break }
            let fields = bytes[(k + 1)..<end].split(
                separator: FieldText.tab, omittingEmptySubsequences: false)
            guard fields.count == 2,
                let id = RecordID(rawValue: String(decoding: fields[0], as: UTF8.self))
            else { return nil }
            found.append((id, FieldText.unescape(UnsafeBufferPointer(rebasing: fields[1]))))
            start = end + 1
        }
        return found
    }
}

extension FileStore {
    var names: NameIndex { NameIndex(directory: index.directory, accountsDirectory: accountsDirectory) }

    /// The one account `query` names by the names index, with the name the index knows
    /// it by, when the index is in step with the accounts directory and the query names
    /// exactly one account there (by `Lookup`'s rules); nil otherwise, and the caller
    /// looks the name up the full way. The caller checks the account's file still holds
    /// that name.
    public func accountByName(_ query: String) -> (id: RecordID, name: String)? {
        let names = self.names
        let wanted = query.trimmingSpaces().lowercased()
        guard !wanted.isEmpty, names.inStep, let found = names.accounts(startingWith: wanted) else {
            return nil
        }
        let matches = Lookup.candidates(query, in: found, id: \.id, name: \.name)
        return matches.count == 1 ? matches[0] : nil
    }
}
