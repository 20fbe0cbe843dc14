import Foundation
import Testing

@testable import RapportCore
@testable import RapportStore

/// The names shell completion reads straight from the index's shards are the names the
/// digests hold (so a change to the shard format cannot silently break completion).
@Suite struct CompletionNamesTests {
    @Test func namesFromTheShardsAreTheDigestsNames() throws {
        let t = try SummaryIndexTests().demoStore()
        _ = t.store.loadDigests()  // brings every shard in step
        let expected = t.store.loadDigests().digests.map(\.name)
        let names = t.store.accountNamesForCompletion()
        #expect(names.count == expected.count)
        #expect(Set(names) == Set(expected))
        #expect(names == names.sorted { $0.lowercased() < $1.lowercased() })
    }

    @Test func withoutAnIndexTheFilesAreRead() throws {
        let t = try SummaryIndexTests().demoStore()
        try? FileManager.default.removeItem(atPath: t.store.root + "/index")
        #expect(t.store.accountNamesForCompletion().count == t.store.loadAll().accounts.count)
    }
}
