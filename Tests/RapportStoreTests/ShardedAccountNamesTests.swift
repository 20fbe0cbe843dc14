import Foundation
import RapportCore
import Testing

@testable import RapportStore

#if canImport(Glibc)
    import Glibc
#endif

/// A list reads the accounts directory once and looks at each shard's files on the core
/// that checks the shard (D58): what each shard is given must be what the one-pass listing
/// gives, grouped by shard.
@Suite struct ShardedAccountNamesTests {
    /// A store of 30 accounts, a stray file and a FIFO named like an account file.
    func store() throws -> (TempStore, [Account], fifo: String) {
        let t = try TempStore()
        let accounts = (0..<30).map { t.account("Account \($0)") }
        for a in accounts { try t.store.create(a) }
        #expect(
            FileManager.default.createFile(atPath: t.root + "/accounts/notes.txt", contents: Data("x".utf8)))
        let fifo = t.root + "/accounts/acc-fifo.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        return (t, accounts, fifo)
    }

    func names(_ t: TempStore) throws -> ShardedAccountNames {
        try ShardedAccountNames(
            listing: t.store.accountsDirectory, shards: SummaryIndex.shardCount,
            shard: SummaryIndex.shard(of:))
    }

    @Test func eachShardIsGivenItsOwnFilesWithTheStampsTheListingGives() throws {
        let (t, accounts, fifo) = try store()
        let names = try names(t)
        let listing = try t.store.listAccountFiles()
        var seen: [RecordID: FileStamp] = [:]
        var unreadable: [String] = []
        for n in 0..<SummaryIndex.shardCount {
            let shard = names.files(ofShard: n, in: t.store)
            for file in shard.files {
                #expect(SummaryIndex.shard(of: file.id) == n)
                seen[file.id] = file.stamp
            }
            unreadable += shard.unreadable.map(\.path)
        }
        #expect(Set(seen.keys) == Set(accounts.map(\.id)))
        #expect(seen.count == listing.files.count)
        for file in listing.files { #expect(seen[file.id] == file.stamp) }
        #expect(unreadable == [fifo])
    }

    @Test func aFileRemovedAfterTheListingIsLeftOutAndOneChangedHasItsNewStamp() throws {
        let (t, accounts, _) = try store()
        let names = try names(t)
        let (gone, changed) = (accounts[0].id, accounts[1].id)
        #expect(unlink(t.store.path(of: gone)) == 0)
        try t.store.update(changed) { $0.tags = ["changed after the listing"] }
        let shard = names.files(ofShard: SummaryIndex.shard(of: gone), in: t.store)
        #expect(!shard.files.contains { $0.id == gone })
        let stamp = names.files(ofShard: SummaryIndex.shard(of: changed), in: t.store).files
            .first { $0.id == changed }?.stamp
        #expect(stamp == POSIXFile.stamp(t.store.path(of: changed)))
        let listed = t.store.loadDigests()
        #expect(listed.digests.count == accounts.count - 1)
        #expect(listed.digests.first { $0.id == changed }?.tags == ["changed after the listing"])
    }

    @Test func aDirectoryThatCannotBeListedIsAnError() throws {
        let t = try TempStore()
        #expect(throws: StoreError.self) {
            try ShardedAccountNames(
                listing: t.root + "/no-such-directory", shards: SummaryIndex.shardCount,
                shard: SummaryIndex.shard(of:))
        }
    }
}
