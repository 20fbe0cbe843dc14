import Foundation
import RapportDemo
import RapportResources
import StoreJSONCodec
import Testing

@testable import RapportCore
@testable import RapportStore

/// The summary index is a cache: always equal to what the account files say.
@Suite struct SummaryIndexTests {
    /// A store holding the demo portfolio (every kind of record and follow-up).
    func demoStore() throws -> TempStore {
        let t = try TempStore()
        let builder = DemoBuilder(
            portfolio: try RapportJSON.decode(DemoPortfolio.self, from: Data(BundledData.demoPortfolio)),
            playbook: try RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: try RapportJSON.decode(
                LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1)
            )
            .questionSet(version: 1, introducedOn: t.today.adding(years: -3)),
            today: t.today)
        for account in builder.build() { try t.store.create(account) }
        return t
    }

    /// Digests computed from a full load of every file, by id.
    func fromFiles(_ t: TempStore) -> [RecordID: AccountDigest] {
        Dictionary(
            uniqueKeysWithValues: t.store.loadAll().accounts.map {
                ($0.account.id, AccountDigest($0.account, policy: t.store.policy))
            })
    }

    func fromIndex(_ t: TempStore) -> (digests: [RecordID: AccountDigest], snapshot: DigestSnapshot) {
        let snapshot = t.store.loadDigests()
        return (Dictionary(uniqueKeysWithValues: snapshot.digests.map { ($0.id, $0) }), snapshot)
    }

    @Test func savesKeepTheIndexInStepAndListsEqualAFullLoad() throws {
        let t = try demoStore()
        let (digests, snapshot) = fromIndex(t)
        #expect(snapshot.refreshed == 0, "every save wrote its index entry")
        #expect(digests.count == 27 && digests == fromFiles(t))
        // The lists built from the index are the lists built from the accounts.
        let accounts = t.store.loadAll().accounts.map(\.account)
        #expect(
            DueList.items(for: Array(digests.values), on: t.today)
                == DueList.items(for: accounts, on: t.today, policy: t.store.policy))
        let summaries = digests.values.map { AccountSummary($0, today: t.today) }.sorted { $0.id < $1.id }
        #expect(
            summaries
                == accounts.map { AccountSummary($0, today: t.today, policy: t.store.policy) }.sorted {
                    $0.id < $1.id
                })
        // An update and a delete are reflected too.
        let id = accounts[0].id
        try t.store.update(id) { $0.name = "Renamed Ltd" }
        try t.store.delete(
            accounts[1].id, name: accounts[1].name, basedOn: try t.store.load(accounts[1].id).revision)
        let after = fromIndex(t)
        #expect(after.snapshot.refreshed == 0)
        #expect(
            after.digests[id]?.name == "Renamed Ltd" && after.digests[accounts[1].id] == nil
                && after.digests.count == 26)
    }

    /// `rapport due`'s digests: each keeps, as its shard is read, only the follow-ups
    /// within the horizon, with their text copied out of the shard (where it lies away
    /// from the start of the shard's bytes).
    /// Read for a horizon (`list(followUpsWithin:of:)`), the follow-ups due later are left out of
    /// the index's reading, and the list is the same, a snooze past the horizon included.
    @Test func followUpsKeptAsShardsAreReadAreTheDueListOfTheWholeDigests() throws {
        let t = try syntheticStore()
        let today = t.today
        // Two items due within a week, snoozed: one past the horizons below but 60 days,
        // one to within the week.
        let soon = DueList.items(for: t.store.loadDigests().digests, on: today, withinDays: 7).prefix(2)
        #expect(soon.count == 2)
        for (item, days) in zip(soon, [40, 5]) {
            try t.store.update(item.accountID) {
                $0.snoozes.append(Snooze(itemKey: item.key, until: today.adding(days: days), on: today))
            }
        }
        let whole = t.store.loadDigests().digests
        // A horizon past every day leaves none out.
        let everything = t.store.list(followUpsWithin: .max, of: today) { $0 }.items
        let entries: [Int] = [everything, whole].map { $0.reduce(0) { $0 + $1.dueEntries.count } }
        #expect(entries[0] == entries[1])
        for horizon in [7, 60, nil] {
            var lists = [t.store.list { $0.keepingFollowUps(withinDays: horizon, on: today) }.items]
            if let horizon {
                let dueBy = today.adding(days: horizon)
                let partly = t.store.list(followUpsWithin: horizon, of: today) { $0 }.items
                #expect(partly.allSatisfy { $0.dueEntries.allSatisfy { $0.due <= dueBy } })
                #expect(
                    partly.reduce(0) { $0 + $1.dueEntries.count }
                        < whole.reduce(0) { $0 + $1.dueEntries.count })
                lists.append(
                    t.store.list(followUpsWithin: horizon, of: today) {
                        $0.keepingFollowUps(withinDays: horizon, on: today)
                    }
                    .items)
            }
            let expected = DueList.slots(for: whole, on: t.today, withinDays: horizon)
            #expect(expected.count > 600)
            let keys = Set(expected.map { DueList.followUp($0, in: whole, on: t.today).key })
            #expect(keys.contains(soon.first!.key) == (horizon != 7) && keys.contains(soon.last!.key))
            for kept in lists {
                let slots = DueList.slots(for: kept, on: t.today, withinDays: horizon)
                #expect(
                    slots.map { DueList.followUp($0, in: kept, on: t.today) }
                        == expected.map { DueList.followUp($0, in: whole, on: t.today) })
            }
        }
    }

    /// A store of 600 synthetic accounts: most shards hold two or more.
    func syntheticStore() throws -> TempStore {
        let t = try TempStore()
        let portfolio = SyntheticPortfolio(
            seed: 5, today: t.today,
            playbook: try RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: try RapportJSON.decode(
                LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1)
            )
            .questionSet(version: 1, introducedOn: t.today.adding(years: -3)))
        try t.store.bulkCreate(count: 600) { portfolio.account($0) }
        return t
    }

    @Test func savesSpliceOneEntryAndKeepTheShardsOtherEntries() throws {
        let t = try syntheticStore()
        #expect(fromIndex(t).snapshot.refreshed == 0)
        let ids = t.store.loadAll().accounts.map(\.account.id)
        for id in ids.prefix(30) {
            try t.store.update(id) {
                $0.touchpoints.append(Touchpoint(day: t.today, kind: .call, summary: "Spliced \($0.name)"))
            }
        }
        for id in ids.suffix(5) { try t.store.delete(id, name: "", basedOn: try t.store.load(id).revision) }
        let (digests, snapshot) = fromIndex(t)
        #expect(snapshot.refreshed == 0 && digests.count == 595)
        #expect(digests == fromFiles(t))
    }

    @Test func aFileChangedBehindItsBackIsReadAgain() throws {
        let t = try demoStore()
        let victim = t.store.loadAll().accounts[3].account
        // Another process (or a git pull) rewrites the file without going through this store.
        var changed = victim
        changed.name = "Changed Elsewhere"
        changed.concerns = []
        let data = try RapportJSON.encode(AccountDocument(schema: 1, account: changed))
        try data.write(to: URL(fileURLWithPath: t.store.path(of: victim.id)))
        let (digests, snapshot) = fromIndex(t)
        #expect(snapshot.refreshed == 1)
        #expect(digests[victim.id]?.name == "Changed Elsewhere" && digests[victim.id]?.openConcerns == 0)
        #expect(digests == fromFiles(t))
        #expect(fromIndex(t).snapshot.refreshed == 0, "the refreshed entry was written back")
    }

    /// A list lets each shard's bytes go as it reads it; a shard that must be rewritten
    /// (files changed or removed behind the store's back) still keeps its other entries.
    @Test func aListMadeOfLessThanDigestsRewritesChangedShardsWhole() throws {
        let t = try syntheticStore()
        let accounts = t.store.loadAll().accounts.map(\.account)
        for var account in accounts.prefix(3) {
            account.name = "Changed Elsewhere \(account.id)"
            try RapportJSON.encode(AccountDocument(schema: 1, account: account)).write(
                to: URL(fileURLWithPath: t.store.path(of: account.id)))
        }
        for account in accounts.suffix(2) {
            try FileManager.default.removeItem(atPath: t.store.path(of: account.id))
        }
        let listed = t.store.list { (id: $0.id, name: $0.name) }
        #expect(listed.refreshed == 3 && listed.items.count == 598 && listed.problems.isEmpty)
        #expect(listed.items.filter { $0.name.hasPrefix("Changed Elsewhere") }.count == 3)
        let (digests, snapshot) = fromIndex(t)
        #expect(snapshot.refreshed == 0, "the rewritten shards kept their fresh entries")
        #expect(digests == fromFiles(t))
        #expect(listed.items.map(\.id) == snapshot.digests.map(\.id), "the same name order")
    }

    @Test func aFileDeletedOrAddedBehindItsBackIsSeen() throws {
        let t = try demoStore()
        let victim = t.store.loadAll().accounts[5].account
        try FileManager.default.removeItem(atPath: t.store.path(of: victim.id))
        var copy = t.account("Arrived By Git")
        copy.id = RecordID(rawValue: "acc-fromgit1")!
        try RapportJSON.encode(AccountDocument(schema: 1, account: copy)).write(
            to: URL(fileURLWithPath: t.store.path(of: copy.id)))
        let (digests, snapshot) = fromIndex(t)
        #expect(digests[victim.id] == nil && digests[copy.id]?.name == "Arrived By Git")
        #expect(snapshot.refreshed == 1 && digests == fromFiles(t))
    }

    @Test func filesThatAreNotAccountsAreLeftOut() throws {
        let t = try demoStore()
        let directory = t.root + "/accounts/"
        let copy = try Data(
            contentsOf: URL(fileURLWithPath: t.store.path(of: t.store.loadAll().accounts[0].account.id)))
        for name in [".acc-hidden01.json", "acc-notes.txt", "Acc-Upper.json", ".json", "acc-backup.json~"] {
            try copy.write(to: URL(fileURLWithPath: directory + name))
        }
        try FileManager.default.createDirectory(
            atPath: directory + "acc-folder.json", withIntermediateDirectories: false)
        let (digests, snapshot) = fromIndex(t)
        #expect(digests.count == 27 && digests == fromFiles(t))
        // Named like an account file, so named as one that cannot be read (D41).
        #expect(
            snapshot.problems.map(\.description) == [
                directory + "acc-folder.json: not a regular file but a directory; only regular files are read"
            ])
    }

    @Test func aCorruptOrMissingIndexIsRebuiltSilently() throws {
        let t = try demoStore()
        let expected = fromFiles(t)
        let shards = try FileManager.default.contentsOfDirectory(atPath: t.root + "/index").filter {
            $0.hasSuffix(".idx")
        }
        #expect(!shards.isEmpty)
        try Data("rapport-index\t3\tgarbage\nA\tnot a digest\n".utf8).write(
            to: URL(fileURLWithPath: t.root + "/index/" + shards[0]))
        try Data([0xFF, 0x00, 0x13]).write(to: URL(fileURLWithPath: t.root + "/index/" + shards[1]))
        // A follow-up line whose header and shape look right but whose reference is damaged.
        let damaged = try #require(
            try shards.dropFirst(2).lazy.map { t.root + "/index/" + $0 }
                .first { try String(contentsOfFile: $0, encoding: .utf8).contains("\tplan/") })
        let text = try String(contentsOfFile: damaged, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\tplan/", with: "\tplam/").utf8).write(
            to: URL(fileURLWithPath: damaged))
        var (digests, snapshot) = fromIndex(t)
        #expect(digests == expected && snapshot.refreshed >= 3 && snapshot.problems.isEmpty)
        try FileManager.default.removeItem(atPath: t.root + "/index")
        (digests, snapshot) = fromIndex(t)
        #expect(digests == expected && snapshot.refreshed == 27)
        #expect(fromIndex(t).snapshot.refreshed == 0)
    }

    @Test func anUnreadableAccountIsAProblemNotAnEntry() throws {
        let t = try demoStore()
        let victim = t.store.loadAll().accounts[0].account
        try Data("{ broken".utf8).write(to: URL(fileURLWithPath: t.store.path(of: victim.id)))
        let (digests, snapshot) = fromIndex(t)
        #expect(digests[victim.id] == nil && digests.count == 26)
        #expect(snapshot.problems.map(\.path) == [t.store.path(of: victim.id)])
        #expect(
            try String(contentsOfFile: t.store.path(of: victim.id), encoding: .utf8) == "{ broken",
            "never overwritten")
    }

    @Test func everyTextRoundTripsThroughTheIndex() throws {
        let t = try TempStore()
        var a = t.account("Tab\tNew\nline \\ back\u{1F}slash 経営 😀")
        a.tags = ["a\tb", "", "c\u{1F}d"]
        a.touchpoints = [
            Touchpoint(
                day: t.today, kind: .call, summary: "Line one\nline two", followUp: t.today.adding(days: 2))
        ]
        a.snoozes = [
            Snooze(
                itemKey: "\(a.id)/follow-up/\(a.touchpoints[0].id)", until: t.today.adding(days: 9),
                reason: "Away\ttill \\ Monday", on: t.today)
        ]
        try t.store.create(a)
        let digest = try #require(t.store.loadDigests().digests.first)
        #expect(digest == AccountDigest(a, policy: t.store.policy))
        #expect(
            digest.tags == a.tags && digest.contactNames == a.currentContacts.map(\.name)
                && !digest.contactNames.isEmpty)
        #expect(
            digest.snoozes == a.snoozes
                && DueList.items(for: [digest], on: t.today).first { $0.source == .touchFollowUp }?.snooze
                    == a.snoozes[0]
        )
    }

    @Test func theStoreKeepsTheIndexOutOfGit() throws {
        let t = try TempStore()
        let ignore = try String(contentsOfFile: t.root + "/.gitignore", encoding: .utf8)
        #expect(ignore.contains("index/\n") && ignore.contains(".lock\n"))
    }

    @Test func editingTheLitmusQuestionsAddsAVersion() throws {
        let t = try TempStore()
        let v1 = LitmusQuestionSet(
            version: 1, introducedOn: t.today, questions: [LitmusQuestion(id: "a", text: "A?")])
        let v2 = try t.store.addLitmusVersion(
            [LitmusQuestion(id: "a", text: "A, really?")], note: "clearer", today: t.today, fallback: v1)
        #expect(v2.version == 2)
        #expect(throws: StoreError.self) {
            try t.store.addLitmusVersion(v2.questions, note: "", today: t.today, fallback: v1)
        }
        #expect(try t.store.readStoreFile().litmusSets.map(\.version) == [1, 2])
        #expect(try t.store.readStoreFile().litmusSets[0] == v1, "old versions stay as they were")
    }
}
