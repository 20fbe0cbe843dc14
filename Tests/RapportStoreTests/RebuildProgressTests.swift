import Foundation
import RapportDemo
import RapportResources
import StoreJSONCodec
import Synchronization
import Testing

@testable import RapportCore
@testable import RapportStore

/// `loadDigests` tells `onRebuild` how a rebuild of the index goes, and nothing otherwise.
@Suite struct RebuildProgressTests {
    /// What the store told, in order.
    final class Heard: Sendable {
        let calls = Mutex<[(read: Int, total: Int)]>([])
        /// The calls so far, forgotten here.
        func take() -> [(read: Int, total: Int)] {
            calls.withLock { calls in
                defer { calls = [] }
                return calls
            }
        }
    }

    func store(accounts: Int) throws -> (TempStore, FileStore, Heard) {
        let t = try TempStore()
        let portfolio = SyntheticPortfolio(
            seed: 9, today: t.today,
            playbook: try RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: try RapportJSON.decode(
                LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1)
            )
            .questionSet(version: 1, introducedOn: t.today.adding(years: -3)))
        try t.store.bulkCreate(count: accounts) { portfolio.account($0) }
        let heard = Heard()
        var store = t.store
        store.onRebuild = { read, total in heard.calls.withLock { $0.append((read, total)) } }
        return (t, store, heard)
    }

    @Test func aRebuildTellsHowManyFilesAreReadInIncreasingOrderAndAFreshIndexTellsNothing() throws {
        let (t, store, heard) = try store(accounts: 400)
        #expect(store.loadDigests().refreshed == 0)
        #expect(heard.take().isEmpty, "nothing is told when every entry is fresh")

        try FileManager.default.removeItem(atPath: t.root + "/index")
        let rebuilt = store.loadDigests()
        #expect(rebuilt.refreshed == 400 && rebuilt.digests.count == 400)
        let calls = heard.take()
        #expect(calls.allSatisfy { $0.total == 400 })
        #expect(calls.first?.read == 0 && calls.last?.read == 400)
        #expect(calls.count >= 50, "told along the way, not only at the ends")
        #expect(zip(calls, calls.dropFirst()).allSatisfy { $0.read < $1.read }, "\(calls.map(\.read))")

        #expect(store.loadDigests().refreshed == 0)
        #expect(heard.take().isEmpty, "the rebuilt index is fresh")
    }

    /// Each rewritten shard is written as soon as its files are read, not kept to the
    /// end: a rebuild at 100,000 accounts held every digest it made, 430 MB.
    @Test func aRebuildWritesEachShardOnceItsFilesAreRead() throws {
        let (t, _, _) = try store(accounts: 400)
        _ = t.store.loadDigests()
        let shards = try FileManager.default.contentsOfDirectory(atPath: t.root + "/index")
            .filter { $0.hasSuffix(".idx") }.count
        #expect(shards > 200)
        try FileManager.default.removeItem(atPath: t.root + "/index")
        // Shards on disk when the last file has been read (told before the list ends).
        let written = Mutex<Int?>(nil)
        var store = t.store
        let root = t.root
        store.onRebuild = { read, total in
            guard read == total else { return }
            let count = (try? FileManager.default.contentsOfDirectory(atPath: root + "/index"))?
                .filter { $0.hasSuffix(".idx") }.count
            written.withLock { $0 = count ?? 0 }
        }
        #expect(store.loadDigests().refreshed == 400)
        #expect(written.withLock { $0 } == shards)
        #expect(t.store.loadDigests().refreshed == 0)
    }

    @Test func aFewStaleFilesAreToldAsTheFewTheyAre() throws {
        let (t, store, heard) = try store(accounts: 40)
        // Another program touches two files: their stamps change, the index is stale for them.
        for loaded in t.store.loadAll().accounts.prefix(2) {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)],
                ofItemAtPath: t.store.path(of: loaded.account.id))
        }
        #expect(store.loadDigests().refreshed == 2)
        let calls = heard.take()
        #expect(calls.first?.read == 0 && calls.last?.read == 2 && calls.allSatisfy { $0.total == 2 })
    }
}
