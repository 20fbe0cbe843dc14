import IndexKit
import RapportCore

// `rapport check` on the summary index: the index is a cache the reading commands check
// by file stamps only, so an entry edited by hand under its file's stamp would be believed.
// The shard's checksum stops that (such a shard is rebuilt); check names both (D41).
extension FileStore {
    /// Index shards whose checksum does not match their entries, and entries that carry
    /// their account file's current stamp but disagree with what the file holds.
    func checkIndex(_ accounts: [LoadedAccount]) -> [StoreProblem] {
        let index = self.index
        var byID: [RecordID: Account] = [:]
        for loaded in accounts { byID[loaded.account.id] = loaded.account }
        var problems: [StoreProblem] = []
        for n in 0..<SummaryIndex.shardCount {
            let shard = index.path(ofShard: n)
            guard let bytes = try? POSIXFile.readShared(shard) else { continue }
            let seal = bytes.withUnsafeBufferPointer { index.seal(of: $0) }
            // Another version's or other settings': stale, rebuilt on the next read.
            if seal == .foreign { continue }
            if seal == .broken {
                problems.append(
                    StoreProblem(
                        path: shard,
                        reason:
                            "edited or damaged: its checksum does not match its entries; Rapport does not "
                            + "trust it and rebuilds it from the account files on the next read"))
            }
            guard let entries = try? DigestCodec.decode(bytes[index.headerLength...]) else { continue }
            for entry in entries {
                let id = entry.digest.id
                guard let account = byID[id], POSIXFile.stamp(path(of: id)) == entry.stamp else { continue }
                let digest = AccountDigest(account, policy: policy)
                guard digest != entry.digest else { continue }
                let names = digest.name == entry.digest.name ? "" : " (it says '\(entry.digest.name)')"
                problems.append(
                    StoreProblem(
                        path: shard,
                        reason:
                            "its entry for \(id)\(names) disagrees with \(path(of: id)); the account file "
                            + "is what counts"))
            }
        }
        return problems
    }
}
