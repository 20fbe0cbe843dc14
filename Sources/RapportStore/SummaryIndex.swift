import FoundationEssentials
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
    /// items due from their start; one-off plan items on lost accounts), so old shards rebuild.
    static let version = "6"

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

    var header: String { "rapport-index\t\(Self.version)\t\(policyKey)\n" }

    /// A shard's entries as its file lists them; nil when missing, corrupt or stale.
    func read(shard n: Int) -> [DigestCodec.Entry]? {
        guard let bytes = try? POSIXFile.readShared(path(ofShard: n)) else { return nil }
        let expected = Array(header.utf8)
        guard bytes.count >= expected.count, bytes[0..<expected.count].elementsEqual(expected) else {
            return nil
        }
        return try? DigestCodec.decode(bytes[expected.count...])
    }

    func write(shard n: Int, _ entries: [RecordID: DigestCodec.Entry]) throws {
        try POSIXFile.makeDirectory(directory)
        var bytes = Array(header.utf8)
        for id in entries.keys.sorted() { DigestCodec.encode(entries[id]!, into: &bytes) }
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
        let head = Array(header.utf8)
        guard var bytes = try? POSIXFile.readBytes(path(ofShard: n)), bytes.count >= head.count,
            bytes.prefix(head.count).elementsEqual(head)
        else {
            try POSIXFile.makeDirectory(directory)
            try POSIXFile.writeAtomically(Data(head + replacement), to: path(ofShard: n), durable: false)
            return
        }
        let marker = Array("\nA\t\(id.rawValue)\t".utf8)
        if let start = Self.find(marker, in: bytes, from: head.count - 1) {
            let blockStart = start + 1
            let blockEnd =
                Self.find(Array("\nA\t".utf8), in: bytes, from: blockStart).map { $0 + 1 } ?? bytes.count
            bytes.replaceSubrange(blockStart..<blockEnd, with: replacement)
        } else {
            bytes.append(contentsOf: replacement)
        }
        try POSIXFile.writeAtomically(Data(bytes), to: path(ofShard: n), durable: false)
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
