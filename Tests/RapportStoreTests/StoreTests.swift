import Foundation
import RapportCore
import Testing

@testable import RapportStore

/// A fresh store in a temporary directory, removed at the end of the test.
final class TempStore {
    let root: String
    let store: FileStore
    let today = Day(iso: "2026-11-22")!

    init(migrator: Migrator = .standard) throws {
        root = NSTemporaryDirectory() + "rapport-test-\(UUID().uuidString)"
        store = try FileStore.create(at: root, today: today, migrator: migrator)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func account(_ name: String) -> Account {
        Account(
            name: name, owner: "Maya", tier: .key, createdOn: today,
            contacts: [Contact(name: "Helena Voss", level: .main)])
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            ?? -1
    }
}

@Suite struct StoreTests {
    @Test func savedAccountsLoadBackEqual() throws {
        let t = try TempStore()
        var account = t.account("Northwind")
        account.touchpoints.append(
            Touchpoint(day: t.today, kind: .call, contactIDs: [account.contacts[0].id], summary: "Hello"))
        try t.store.create(account)
        let loaded = try t.store.load(account.id)
        #expect(loaded.account == account)
        #expect(t.store.loadAll().accounts.map(\.account) == [account])
    }

    @Test func filesArePrettySortedAndPrivate() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        try t.store.create(account)
        let path = t.store.path(of: account.id)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{\n  \"account\" : {\n    \"annualValue\" : 0,"))
        #expect(text.hasSuffix("\"schema\" : 1\n}\n"))
        #expect(try t.mode(path) == 0o600)
        #expect(try t.mode(t.root + "/store.json") == 0o600)
        #expect(try t.mode(t.root) == 0o700)
        #expect(try t.mode(t.root + "/accounts") == 0o700)
    }

    @Test func fileNamesComeFromIdsNeverFromNames() throws {
        let t = try TempStore()
        let account = t.account("../../x")
        try t.store.create(account)
        #expect(t.store.path(of: account.id) == "\(t.root)/accounts/\(account.id.rawValue).json")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: t.root + "/accounts") == [
                "\(account.id.rawValue).json"
            ])
        #expect(RecordID(rawValue: "../x") == nil)
        #expect(RecordID(rawValue: "acc-ok12") != nil)
    }

    @Test func refusesToCreateOverAnExistingStore() throws {
        let t = try TempStore()
        #expect(throws: StoreError.alreadyExists(path: t.root)) {
            try FileStore.create(at: t.root, today: t.today)
        }
    }

    @Test func aCorruptFileIsReportedAndNeverOverwritten() throws {
        let t = try TempStore()
        let good = t.account("Good")
        let bad = t.account("Bad")
        try t.store.create(good)
        try t.store.create(bad)
        let badPath = t.store.path(of: bad.id)
        let garbage = Data("{ \"account\": { \"name\": ".utf8)
        try garbage.write(to: URL(fileURLWithPath: badPath))

        let snapshot = t.store.loadAll()
        #expect(snapshot.accounts.map(\.account.name) == ["Good"])
        #expect(snapshot.problems.count == 1)
        #expect(snapshot.problems.first?.path == badPath)
        #expect(snapshot.problems.first?.reason.contains("not valid JSON") == true)

        #expect(throws: StoreError.self) {
            try t.store.update(bad.id) { $0.name = "Overwritten" }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: badPath)) == garbage)
        #expect(t.store.check(today: t.today).contains { $0.path == badPath })
    }

    @Test func aMissingFieldIsNamed() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        try t.store.create(account)
        let path = t.store.path(of: account.id)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"tier\" : \"key\",", with: "")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(t.store.loadAll().problems.first?.reason.contains("missing field 'tier' in account") == true)
    }

    @Test func aStaleSaveIsRefusedAndTheOtherEditKept() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        try t.store.create(account)
        let other = try FileStore.open(at: t.root)

        let mine = try t.store.load(account.id)
        try other.update(account.id) { $0.notes = "Their edit" }

        var changed = mine.account
        changed.owner = "Tom"
        #expect(throws: StoreError.conflict(account: "Northwind")) {
            try t.store.save(changed, basedOn: mine.revision)
        }
        let now = try t.store.load(account.id).account
        #expect(now.notes == "Their edit")
        #expect(now.owner == "Maya")
        // Saving based on the fresh revision works.
        let fresh = try t.store.load(account.id)
        var redo = fresh.account
        redo.owner = "Tom"
        try t.store.save(redo, basedOn: fresh.revision)
        #expect(try t.store.load(account.id).account.owner == "Tom")
    }

    @Test func interleavedUpdatesFromTwoStoresLoseNothing() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        try t.store.create(account)
        let stores = [t.store, try FileStore.open(at: t.root)]
        let today = t.today
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            _ = try? stores[i % 2].update(account.id) {
                $0.touchpoints.append(Touchpoint(day: today, kind: .call, summary: "touch \(i)"))
            }
        }
        let summaries = Set(try t.store.load(account.id).account.touchpoints.map(\.summary))
        #expect(summaries == Set((0..<40).map { "touch \($0)" }))
    }

    @Test func writesLeaveNoTemporaryFilesAndLeftoversAreReported() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        try t.store.create(account)
        for i in 0..<5 { try t.store.update(account.id) { $0.notes = "v\(i)" } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.root + "/accounts").count == 1)
        let leftover = t.root + "/accounts/.\(account.id.rawValue).json.123.456.tmp"
        _ = FileManager.default.createFile(atPath: leftover, contents: Data("{".utf8))
        #expect(t.store.loadAll().problems.isEmpty)
        #expect(
            t.store.check(today: t.today).contains {
                $0.path == leftover && $0.reason.contains("leftover temporary file")
            })
    }

    @Test func deleteChecksTheRevision() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        let created = try t.store.create(account)
        try t.store.update(account.id) { $0.notes = "changed" }
        #expect(throws: StoreError.conflict(account: "Northwind")) {
            try t.store.delete(account.id, name: account.name, basedOn: created.revision)
        }
        let fresh = try t.store.load(account.id)
        try t.store.delete(account.id, name: account.name, basedOn: fresh.revision)
        #expect(t.store.loadAll().accounts.isEmpty)
    }

    @Test func aStoreFromANewerRapportIsRefused() throws {
        let t = try TempStore()
        let newer = try TempStore(migrator: Migrator(current: 7, steps: []))
        #expect(throws: StoreError.tooNew(path: newer.root, version: 7, supported: 1)) {
            try FileStore.open(at: newer.root)
        }
        #expect(throws: StoreError.notFound(path: t.root + "/nowhere")) {
            try FileStore.open(at: t.root + "/nowhere")
        }
    }

    @Test func anOlderStoreIsMigratedFileByFileAsItIsSaved() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        try t.store.create(account)
        // Pretend schema 2 renamed `notes` to `memo`... in reverse: write the file as schema 1
        // with an old field name that step 1→2 renames.
        let path = t.store.path(of: account.id)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"notes\" : \"\"", with: "\"remarks\" : \"old remark\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let renameRemarks = MigrationStep(from: 1) { document in
            guard case .object(var account)? = document["account"] else { return }
            account["notes"] = account.removeValue(forKey: "remarks")
            document["account"] = .object(account)
        }
        let migrator = Migrator(current: 2, steps: [renameRemarks])
        let migrated = try FileStore.open(at: t.root, migrator: migrator)
        #expect(try migrated.load(account.id).account.notes == "old remark")
        #expect(try migrated.readStoreFile().schema == 2)
        // Opening rewrote no account file (a team's edits in flight would all conflict)...
        let untouched = try String(contentsOfFile: path, encoding: .utf8)
        #expect(untouched.contains("\"schema\" : 1") && untouched.contains("\"remarks\""))
        // ...the next save writes it in the new schema.
        try migrated.update(account.id) { $0.market = "Retail" }
        let rewritten = try String(contentsOfFile: path, encoding: .utf8)
        #expect(rewritten.contains("\"schema\" : 2"))
        // The account's was renamed; the contact's (which the step leaves alone) is a field
        // this Rapport does not know, so it is kept (D39).
        #expect(rewritten.components(separatedBy: "\"remarks\" : \"old remark\"").count == 2)
        #expect(try migrated.load(account.id).account.contacts[0].notes == "")
    }

    @Test func checkReportsInconsistencies() throws {
        let t = try TempStore()
        var account = t.account("Northwind")
        account.touchpoints.append(
            Touchpoint(
                day: t.today, kind: .call, contactIDs: [RecordID(rawValue: "con-ghost")!], summary: "x"))
        try t.store.create(account)
        let problems = t.store.check(today: t.today)
        #expect(problems.count == 1)
        #expect(problems.first?.reason.contains("refers to unknown contact con-ghost") == true)
    }

    @Test func storeLocationFollowsTheDocumentedOrder() {
        let env = ["HOME": "/home/u", "XDG_DATA_HOME": "/data", "RAPPORT_STORE": "/env/store"]
        #expect(StoreLocation.resolve(explicit: "/x", environment: env) == "/x")
        #expect(StoreLocation.resolve(explicit: nil, environment: env) == "/env/store")
        #expect(
            StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"])
                == "/data/rapport")
        #expect(
            StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/u"])
                == "/home/u/.local/share/rapport")
        #expect(StoreLocation.resolve(explicit: "~/s", environment: ["HOME": "/home/u"]) == "/home/u/s")
    }
}
