import Foundation
import Testing

@testable import StoreJSONCodec

/// Members a decode did not read go back into the text a save writes: the output is what
/// the newer program that wrote them would write after the same change.
@Suite struct UnknownMembersTests {
    /// What a newer program writes.
    struct Newer: Codable, Equatable {
        struct Inner: Codable, Equatable { var x: String }
        struct Item: Codable, Equatable {
            var id: String
            var v: Int
            var extra: [Int]?
        }
        struct Plain: Codable, Equatable {
            var v: Int
            var zextra: String
        }
        var a: Int
        var inner: Inner
        var list: [Item]
        var plain: [Plain]
        var zz: Bool
    }

    /// What this one knows of it.
    struct Known: Codable, Equatable {
        struct Inner: Codable, Equatable {}
        struct Item: Codable, Equatable {
            var id: String
            var v: Int
        }
        struct Plain: Codable, Equatable { var v: Int }
        var a: Int
        var inner: Inner
        var list: [Item]
        var plain: [Plain]
    }

    let newer = Newer(
        a: 1, inner: .init(x: "in an object this one writes empty"),
        list: [
            .init(id: "r1", v: 1, extra: [1, 2]), .init(id: "r2", v: 2, extra: nil),
            .init(id: "r3", v: 3, extra: [3])
        ],
        plain: [.init(v: 1, zextra: "first"), .init(v: 2, zextra: "second")], zz: true)

    @Test func aChangedValueKeepsEveryUnknownMemberInPlace() throws {
        let (known, unknown) = try RapportJSON.decodeKeepingUnknown(
            Known.self, from: try RapportJSON.encode(newer))
        #expect(
            unknown.paths == [
                "inner.x", "list[r1].extra", "list[r3].extra", "plain[0].zextra", "plain[1].zextra", "zz"
            ])
        var changed = known
        changed.a = 5
        changed.list.reverse()
        changed.list.remove(at: 1)
        var expected = newer
        expected.a = 5
        expected.list = [newer.list[2], newer.list[0]]
        let saved = try unknown.graft(into: try RapportJSON.encode(changed))
        #expect(
            String(decoding: saved, as: UTF8.self)
                == String(decoding: try RapportJSON.encode(expected), as: UTF8.self))
    }

    @Test func elementsWithoutIdsKeepTheirMembersOnlyWhileTheirCountHolds() throws {
        let (known, unknown) = try RapportJSON.decodeKeepingUnknown(
            Known.self, from: try RapportJSON.encode(newer))
        var changed = known
        changed.plain.append(.init(v: 3))
        let saved = String(decoding: try unknown.graft(into: try RapportJSON.encode(changed)), as: UTF8.self)
        #expect(saved.contains("zextra") == false)
        #expect(saved.contains("\"x\" : \"in an object this one writes empty\""))
    }

    @Test func aKeyOutsideASCIIInTheNewTextDoesNotStopTheSave() throws {
        struct Named: Codable { var names: [String: Int] }
        struct NamedNewer: Codable {
            var names: [String: Int]
            var zz: Int
        }
        let old = try RapportJSON.encode(NamedNewer(names: ["a": 1], zz: 2))
        let (_, unknown) = try RapportJSON.decodeKeepingUnknown(Named.self, from: old)
        let saved = try unknown.graft(into: try RapportJSON.encode(Named(names: ["a": 1, "é": 2])))
        let expected = try RapportJSON.encode(NamedNewer(names: ["a": 1, "é": 2], zz: 2))
        #expect(String(decoding: saved, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func withNothingUnknownTheTextIsTheEncodersOwn() throws {
        let known = Known(a: 1, inner: .init(), list: [.init(id: "r", v: 1)], plain: [])
        let text = try RapportJSON.encode(known)
        let (_, unknown) = try RapportJSON.decodeKeepingUnknown(Known.self, from: text)
        #expect(unknown.isEmpty)
        #expect(try unknown.graft(into: text) == text)
    }
}
