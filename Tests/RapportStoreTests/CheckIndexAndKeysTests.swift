import Foundation
import RapportCore
import Testing

@testable import RapportStore

/// `check` names an index shard edited under its files' stamps and keys given twice in an
/// account file; the reading commands never believe such a shard over the files (D41).
@Suite struct CheckIndexAndKeysTests {
    /// A store with Acme and Globex, its index built, and Acme's shard.
    func store() throws -> (TempStore, Account, String) {
        let t = try TempStore()
        let acme = t.account("Acme")
        try t.store.create(acme)
        try t.store.create(t.account("Globex"))
        _ = t.store.loadDigests()
        return (t, acme, t.store.index.path(ofShard: SummaryIndex.shard(of: acme.id)))
    }

    @Test func aShardEditedByHandIsNamedByCheckAndNotBelieved() throws {
        let (t, acme, shard) = try store()
        #expect(t.store.check(today: t.today).isEmpty)
        let text = try String(contentsOfFile: shard, encoding: .utf8)
        // The entry keeps the file's stamp: only the name changes.
        try Data(text.replacingOccurrences(of: "\tAcme\t", with: "\tAcne\t").utf8).write(
            to: URL(fileURLWithPath: shard))
        let reasons = t.store.check(today: t.today).filter { $0.path == shard }.map(\.reason)
        #expect(
            reasons == [
                "edited or damaged: its checksum does not match its entries; Rapport does not trust it and "
                    + "rebuilds it from the account files on the next read",
                "its entry for \(acme.id) (it says 'Acne') disagrees with \(t.store.path(of: acme.id)); "
                    + "the account file is what counts"
            ])
        let listed = t.store.loadDigests()
        #expect(listed.digests.map(\.name) == ["Acme", "Globex"])
        #expect(listed.problems.isEmpty)
        // Read, and so rebuilt: sound again.
        #expect(t.store.check(today: t.today).isEmpty)
    }

    @Test func aKeyGivenTwiceIsNamedWithItsLines() throws {
        let (t, acme, _) = try store()
        let path = t.store.path(of: acme.id)
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        let owner = try #require(lines.firstIndex { $0.hasPrefix("    \"owner\" : ") })
        lines.insert("    \"owner\" : \"Someone Else\",", at: owner + 1)
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            t.store.check(today: t.today).map(\.description) == [
                "\(path): the key \"owner\" is given twice in one object, at lines \(owner + 1) and "
                    + "\(owner + 2); only one is read: remove the other"
            ])
    }

    @Test func keysRepeatedInDifferentObjectsAreNoDuplicates() {
        let json = #"{"a": {"id": 1, "x": "{\"id\": 2}"}, "b": [{"id": 1}, {"id": 2}], "id": 3}"#
        #expect(DuplicateKeys.find(in: Array(json.utf8)).isEmpty)
        let twice = "{\n\"a\": 1,\n\"b\": {\"a\": 2},\n\"a\": 3\n}"
        #expect(
            DuplicateKeys.find(in: Array(twice.utf8)) == [
                DuplicateKeys.Duplicate(key: "a", first: 2, line: 4)
            ])
    }
}
