import FoundationEssentials
import IndexKit
import RapportCore

/// The store's summary index: every account's digest with the size and modification
/// time of the file it came from, split into 256 shard files by account id
/// (`<root>/index/<xx>.idx`) so a save rewrites one small shard, not the whole index.
///
/// The index is a cache, never trusted over the account files: each read compares the
/// stamps with the files and re-reads any account whose file changed, appeared or went
/// (another process, a git pull), and a shard that is missing, corrupt or built under
/// other settings is rebuilt. So shards are written atomically but without fsync.
struct SummaryIndex {
    static let shardCount = 256
    /// Raised whenever what a digest holds or how its follow-ups are derived changes (6: plan
    /// items due from their start; one-off plan items on lost accounts; 7: shards carry a
    /// checksum; 8: renewal, risk and portfolio traits, renewal and reconnect follow-ups;
    /// 9: the day a loss was recorded; 10: each account's follow-ups in title order, the
    /// checksum in four lanes), so old shards rebuild.
    static let version = "10"

    let directory: String
    /// Settings the digests depend on; a shard built under others is stale.
    let policyKey: String

    init(root: String, policy: DuePolicy) {
        directory = root + "/index"
        policyKey = "\(policy.keyCheckupDays),\(policy.checkupDays),\(policy.satisfactionDays)"
    }

    static func shard(of id: RecordID) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in id.rawValue.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    func path(ofShard n: Int) -> String {
        let hex = String(n, radix: 16)
        return "\(directory)/\(hex.count == 1 ? "0" + hex : hex).idx"
    }

    /// The header line up to its checksum: `rapport-index`, the version, the settings.
    var prefix: [UInt8] { Array("rapport-index\t\(Self.version)\t\(policyKey)\t".utf8) }
    /// The whole header line's length: the prefix, the checksum of what follows, a newline.
    var headerLength: Int { prefix.count + ShardChecksum.width + 1 }

    /// What a shard's bytes are: of another version or settings (or not a shard: stale,
    /// rebuilt without a word), sealed by the checksum of their entries, or not (edited
    /// or damaged: rebuilt too, and named by `check`).
    enum Seal { case foreign, sealed, broken }

    func seal(of bytes: UnsafeBufferPointer<UInt8>) -> Seal {
        let prefix = self.prefix
        guard bytes.count >= headerLength, bytes.prefix(prefix.count).elementsEqual(prefix) else {
            return .foreign
        }
        let written = bytes[prefix.count..<headerLength]
        let sum = ShardChecksum.of(UnsafeBufferPointer(rebasing: bytes[headerLength...]))
        return written.elementsEqual(ShardChecksum.hex(sum) + [FieldText.newline]) ? .sealed : .broken
    }

    /// A shard's entries as its file lists them, with the bytes they were read from; nil
    /// when missing, corrupt, stale or not sealed by its checksum. The bytes are read into
    /// memory, or `mapped` (D56; read when it cannot be mapped) for a caller that keeps the
    /// digests and lets the pages go once it has what it needs (a list that lets each shard
    /// go reads it: mapping and unmapping files on both cores waited on the process's
    /// memory map, for no memory saved).
    /// With `within`, the digests hold only the follow-ups due within it (`DigestCodec.decode`).
    func read(shard n: Int, mapped: Bool = false, within: DueHorizon? = nil) -> (
        entries: [DigestCodec.Entry], bytes: SharedBytes
    )? {
        let path = path(ofShard: n)
        guard
            let bytes = (mapped ? POSIXFile.mapShared(path, populating: true) : nil)
                ?? (try? POSIXFile.readShared(path)),
            bytes.withUnsafeBufferPointer({ seal(of: $0) }) == .sealed,
            let entries = try? DigestCodec.decode(bytes[headerLength...], within: within)
        else {
            return nil
        }
        return (entries, bytes)
    }

    func write(shard n: Int, _ entries: [RecordID: DigestCodec.Entry]) throws {
        var bytes = header(checksum: 0)
        for id in entries.keys.sorted() { DigestCodec.encode(entries[id]!, into: &bytes) }
        try writeSealed(&bytes, shard: n)
    }

    private func header(checksum: UInt64) -> [UInt8] {
        prefix + ShardChecksum.hex(checksum) + [FieldText.newline]
    }

    /// Writes a header and entries after putting the entries' checksum in the header.
    private func writeSealed(_ bytes: inout [UInt8], shard n: Int) throws {
        let start = prefix.count
        let sum = bytes.withUnsafeBufferPointer {
            ShardChecksum.of(UnsafeBufferPointer(rebasing: $0[headerLength...]))
        }
        bytes.replaceSubrange(start..<start + ShardChecksum.width, with: ShardChecksum.hex(sum))
        try POSIXFile.makeDirectory(directory)
        try POSIXFile.writeAtomically(Data(bytes), to: path(ofShard: n), durable: false)
    }

    /// Replaces (or with nil removes) one account's entry in its shard. The entry's lines
    /// are spliced into the shard's bytes without parsing the other entries, so a save
    /// costs the same at 100 accounts as at 10,000. A shard that is missing or built
    /// under other settings is started afresh (the next read refreshes what it lacks).
    func update(_ id: RecordID, with entry: DigestCodec.Entry?) throws {
        let n = Self.shard(of: id)
        var replacement: [UInt8] = []
        if let entry { DigestCodec.encode(entry, into: &replacement) }
        guard var bytes = try? POSIXFile.readBytes(path(ofShard: n)),
            bytes.withUnsafeBufferPointer({ seal(of: $0) }) == .sealed
        else {
            var fresh = header(checksum: 0) + replacement
            try writeSealed(&fresh, shard: n)
            return
        }
        let marker = Array("\nA\t\(id.rawValue)\t".utf8)
        if let start = Self.find(marker, in: bytes, from: headerLength - 1) {
            let blockStart = start + 1
            let blockEnd =
                Self.find(Array("\nA\t".utf8), in: bytes, from: blockStart).map { $0 + 1 } ?? bytes.count
            bytes.replaceSubrange(blockStart..<blockEnd, with: replacement)
        } else {
            bytes.append(contentsOf: replacement)
        }
        try writeSealed(&bytes, shard: n)
    }

    /// The first position at or after `from` where `needle` occurs.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = max(0, from)
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] {
                var j = 1
                while j < needle.count && bytes[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
