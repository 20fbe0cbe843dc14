import Foundation
import RapportCore
import StoreJSONCodec
import Testing

@testable import RapportStore

/// Fields a newer Rapport wrote (a teammate's, through git) survive this one's saves:
/// at the top of the file, in the account, and in its records, byte for byte (D39).
@Suite struct UnknownFieldsTests {
    /// A field this Rapport does not know: where it goes (keys, `#id` for an array's
    /// element), its key and its value as a newer Rapport writes it.
    struct Extra {
        var path: [String]
        var key: String
        var value: JSONValue
    }

    static func adding(_ extras: [Extra], to value: JSONValue) -> JSONValue {
        var value = value
        for extra in extras { put(extra.value, at: extra.path[...], key: extra.key, into: &value) }
        return value
    }

    static func id(of value: JSONValue) -> String? {
        if case .string(let id)? = value["id"] { return id }
        return nil
    }

    static func put(_ new: JSONValue, at path: ArraySlice<String>, key: String, into value: inout JSONValue) {
        guard let step = path.first else {
            value[key] = new
            return
        }
        switch value {
        case .object(var members):
            guard var inner = members[step] else { return }
            put(new, at: path.dropFirst(), key: key, into: &inner)
            members[step] = inner
            value = .object(members)
        case .array(var elements):
            guard let n = elements.firstIndex(where: { "#" + (Self.id(of: $0) ?? "") == step }) else {
                return
            }
            put(new, at: path.dropFirst(), key: key, into: &elements[n])
            value = .array(elements)
        default: return
        }
    }

    /// A store with one account whose file a newer Rapport wrote: unknown fields at the top,
    /// in the account, in a contact and in each of two touchpoints.
    struct Fixture {
        let t: TempStore
        let account: Account
        let extras: [Extra]

        init() throws {
            t = try TempStore()
            var account = t.account("Northwind")
            let contact = account.contacts[0].id
            account.touchpoints = [
                Touchpoint(day: t.today, kind: .call, contactIDs: [contact], summary: "Kick-off"),
                Touchpoint(day: t.today, kind: .meeting, contactIDs: [contact], summary: "Review")
            ]
            try t.store.create(account)
            self.account = account
            extras = [
                Extra(
                    path: [], key: "syncedBy", value: .object(["host": .string("laptop-7"), "at": .number(3)])
                ),
                Extra(
                    path: ["account"], key: "aPriority", value: .array([.number(1), .string("é \"quoted\"")])),
                Extra(path: ["account"], key: "zoneInfo", value: .null),
                Extra(
                    path: ["account", "contacts", "#\(contact)"], key: "pronouns", value: .string("she/her")),
                Extra(
                    path: ["account", "touchpoints", "#\(account.touchpoints[0].id)"], key: "attachments",
                    value: .array([.object(["name": .string("notes.pdf"), "pages": .number(4)])])),
                Extra(
                    path: ["account", "touchpoints", "#\(account.touchpoints[1].id)"], key: "mood",
                    value: .object([:]))
            ]
            let newer = UnknownFieldsTests.adding(extras, to: try file())
            try RapportJSON.encode(newer).write(to: URL(fileURLWithPath: t.store.path(of: account.id)))
        }

        func file() throws -> JSONValue {
            try RapportJSON.decode(JSONValue.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        }

        var path: String { t.store.path(of: account.id) }

        /// The file, byte for byte, is what a newer Rapport would have written after the
        /// same change: this one's output with the `kept` unknown fields added.
        func expectKept(_ kept: [Extra], _ comment: Comment) throws {
            let text = try Data(contentsOf: URL(fileURLWithPath: path))
            let known = try RapportJSON.decode(JSONValue.self, from: text)
            var plain = known
            for extra in extras { Self.remove(extra, from: &plain) }
            let expected = try RapportJSON.encode(UnknownFieldsTests.adding(kept, to: plain))
            #expect(
                String(decoding: text, as: UTF8.self) == String(decoding: expected, as: UTF8.self), comment)
        }

        static func remove(_ extra: Extra, from value: inout JSONValue) {
            guard let step = extra.path.first else {
                if case .object(var members) = value {
                    members[extra.key] = nil
                    value = .object(members)
                }
                return
            }
            let rest = Extra(path: Array(extra.path.dropFirst()), key: extra.key, value: extra.value)
            switch value {
            case .object(var members):
                guard var inner = members[step] else { return }
                remove(rest, from: &inner)
                members[step] = inner
                value = .object(members)
            case .array(var elements):
                guard
                    let n = elements.firstIndex(where: { "#" + (UnknownFieldsTests.id(of: $0) ?? "") == step }
                    )
                else {
                    return
                }
                remove(rest, from: &elements[n])
                value = .array(elements)
            default: return
            }
        }
    }

    @Test func unknownFieldsSurviveAFieldEditAsTheAppMakesIt() throws {
        let f = try Fixture()
        let contact = f.account.contacts[0]
        var mine = contact
        mine.title = "Head of Operations"
        try f.t.store.update(f.account.id) {
            _ = try Mutation.editContact(base: contact, mine: mine).apply(to: &$0, today: f.t.today)
        }
        #expect(try f.t.store.load(f.account.id).account.contacts[0].title == "Head of Operations")
        try f.expectKept(f.extras, "after a contact edit")
    }

    @Test func unknownFieldsSurviveAddingATouchpointAndALitmusRun() throws {
        let f = try Fixture()
        let touch = Touchpoint(day: f.t.today, kind: .email, contactIDs: [], summary: "Follow-up")
        try f.t.store.update(f.account.id) {
            _ = try Mutation.addTouchpoint(touch).apply(to: &$0, today: f.t.today)
        }
        try f.expectKept(f.extras, "after a touchpoint was added")
        let check = LitmusCheck(
            day: f.t.today, version: 1, answers: [LitmusAnswer(questionID: "q", value: 2)])
        try f.t.store.update(f.account.id) {
            _ = try Mutation.addLitmusCheck(check).apply(to: &$0, today: f.t.today)
        }
        try f.expectKept(f.extras, "after a litmus run")
        #expect(try f.t.store.load(f.account.id).account.litmusChecks == [check])
    }

    @Test func aDeletedRecordTakesItsUnknownFieldsWithIt() throws {
        let f = try Fixture()
        try f.t.store.update(f.account.id) {
            _ = try Mutation.removeTouchpoint(f.account.touchpoints[0].id).apply(to: &$0, today: f.t.today)
        }
        try f.expectKept(f.extras.filter { $0.key != "attachments" }, "after a touchpoint was deleted")
    }

    @Test func theIndexAndDigestsReadAFileWithUnknownFields() throws {
        let f = try Fixture()
        try f.t.store.update(f.account.id) { $0.owner = "Jonas" }
        let snapshot = f.t.store.loadDigests()
        #expect(snapshot.problems.isEmpty)
        #expect(snapshot.digests.map(\.name) == ["Northwind"])
        #expect(snapshot.digests.first?.owner == "Jonas")
        #expect(f.t.store.check(today: f.t.today).isEmpty)
    }

    @Test func unknownFieldsOfTheStoreFileSurviveANewLitmusVersion() throws {
        let t = try TempStore()
        let path = t.root + "/store.json"
        var file = try RapportJSON.decode(
            JSONValue.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        file["sharing"] = .object(["remote": .string("origin"), "every": .number(15)])
        file["settings"]?["theme"] = .string("dark")
        try RapportJSON.encode(file).write(to: URL(fileURLWithPath: path))
        let v1 = LitmusQuestionSet(
            version: 1, introducedOn: t.today, questions: [LitmusQuestion(id: "a", text: "A?")])
        try t.store.addLitmusVersion(
            [LitmusQuestion(id: "b", text: "B?")], note: "new", today: t.today, fallback: v1)
        let saved = try RapportJSON.decode(
            JSONValue.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(saved["sharing"] == file["sharing"])
        #expect(saved["settings"]?["theme"] == .string("dark"))
        #expect(try t.store.readStoreFile().litmusSets.count == 2)
    }
}
