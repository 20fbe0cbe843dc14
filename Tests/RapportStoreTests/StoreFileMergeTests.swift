import Foundation
import RapportCore
import Testing

@testable import RapportStore

/// `rapport merge-file`'s work on the three versions git hands it (D47).
@Suite struct StoreFileMergeTests {
    func file(_ t: TempStore, _ id: RecordID) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: t.store.path(of: id)))
    }

    /// Base, ours (a touchpoint, the owner) and theirs (a concern, the owner) of one account.
    func sides(_ t: TempStore) throws -> (id: RecordID, base: Data, ours: Data, theirs: Data) {
        let account = t.account("Atlas")
        try t.store.create(account)
        let base = try file(t, account.id)
        try t.store.update(account.id) { a in
            a.touchpoints.append(Touchpoint(day: t.today, kind: .call, summary: "Ours"))
            a.owner = "Ana"
        }
        let ours = try file(t, account.id)
        try Data(base).write(to: URL(fileURLWithPath: t.store.path(of: account.id)))
        try t.store.update(account.id) { a in
            a.concerns.append(Concern(raisedOn: t.today, summary: "Theirs"))
            a.owner = "Ben"
        }
        return (account.id, base, ours, try file(t, account.id))
    }

    @Test func theMergedFileIsWhatASaveWritesWithTheConflictRecorded() throws {
        let t = try TempStore()
        let (id, base, ours, theirs) = try sides(t)
        let outcome = try StoreFileMerge.merge(
            base: base, ours: ours, theirs: theirs, kind: .account,
            sides: .init(ours: "Ana Ruiz", theirs: "Ben Li"), today: t.today)
        try outcome.data.write(to: URL(fileURLWithPath: t.store.path(of: id)))
        let loaded = try t.store.load(id)
        #expect(loaded.account.touchpoints.map(\.summary) == ["Ours"])
        #expect(loaded.account.concerns.map(\.summary) == ["Theirs"])
        #expect(loaded.account.owner == "Ben")
        let conflict = try #require(loaded.account.mergeConflicts?.first)
        #expect(conflict.summary == "owner: kept Ben (by Ben Li), set aside Ana (by Ana Ruiz)")
        #expect(outcome.conflicts == [conflict])
        // Saving the merged account unchanged writes the same bytes.
        try t.store.save(loaded.account, basedOn: loaded.revision)
        #expect(try file(t, id) == outcome.data)
    }

    @Test func fieldsThisRapportDoesNotKnowAreMergedToo() throws {
        let t = try TempStore()
        let (_, base, ours, theirs) = try sides(t)
        func adding(_ member: String, to data: Data) -> Data {
            var text = String(decoding: data, as: UTF8.self)
            text = text.replacingOccurrences(of: "\"account\" : {", with: "\"account\" : {\n    \(member),")
            return Data(text.utf8)
        }
        let outcome = try StoreFileMerge.merge(
            base: base, ours: adding(#""zOurs" : 1"#, to: ours),
            theirs: adding(#""aTheirs" : [2]"#, to: theirs),
            kind: .account, today: t.today)
        let text = String(decoding: outcome.data, as: UTF8.self)
        #expect(text.contains("\"zOurs\" : 1"))
        #expect(text.contains("\"aTheirs\" : ["))
    }

    @Test func aSideWithConflictMarkersOrFromANewerRapportIsRefusedNamingWhy() throws {
        let t = try TempStore()
        let (_, base, ours, theirs) = try sides(t)
        let marked = Data("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> x\n".utf8)
        #expect {
            try StoreFileMerge.merge(base: base, ours: marked, theirs: theirs, kind: .account, today: t.today)
        } throws: { error in
            "\(error)".hasPrefix("our side cannot be read: git conflict markers at line 1")
        }
        let newer = Data(
            String(decoding: theirs, as: UTF8.self).replacingOccurrences(
                of: "\"schema\" : 1", with: "\"schema\" : 9"
            ).utf8)
        #expect {
            try StoreFileMerge.merge(base: base, ours: ours, theirs: newer, kind: .account, today: t.today)
        } throws: { error in
            "\(error)".hasPrefix(
                "their side was written by a newer Rapport (schema 9; this one reads up to 1)")
        }
    }

    @Test func bothSidesAddingTheFileMergeFromNoBase() throws {
        let t = try TempStore()
        let (_, _, ours, theirs) = try sides(t)
        let outcome = try StoreFileMerge.merge(
            base: Data(), ours: ours, theirs: theirs, kind: .account, today: t.today)
        #expect(String(decoding: outcome.data, as: UTF8.self).contains("\"Ours\""))
        #expect(String(decoding: outcome.data, as: UTF8.self).contains("\"Theirs\""))
    }

    @Test func theKindComesFromThePath() {
        #expect(StoreFileMerge.Kind(path: "accounts/acc-x.json") == .account)
        #expect(StoreFileMerge.Kind(path: "team/store/accounts/acc-x.json") == .account)
        #expect(StoreFileMerge.Kind(path: "store.json") == .storeFile)
        #expect(StoreFileMerge.Kind(path: "notes/acc-x.json") == nil)
        #expect(StoreFileMerge.Kind(path: "README.md") == nil)
    }
}
