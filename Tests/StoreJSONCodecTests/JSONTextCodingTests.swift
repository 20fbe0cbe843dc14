import Foundation
import RapportCore
import RapportDemo
import RapportResources
import Testing

@testable import StoreJSONCodec

/// Rapport's own JSON encoder and decoder against Foundation's: the same bytes out, the
/// same values in, and Foundation's answer wherever the fast decoder stands aside.
@Suite struct JSONTextCodingTests {
    /// What Foundation writes (`RapportJSON.encode` ends the text with a newline).
    func foundationText<T: Encodable>(_ value: T) throws -> Data {
        var data = try RapportJSON.encoder().encode(value)
        data.append(0x0A)
        return data
    }

    func synthetic(_ count: Int) throws -> [Account] {
        let today = Day(iso: "2026-11-22")!
        let portfolio = SyntheticPortfolio(
            seed: 2026, today: today,
            playbook: try RapportJSON.decoder().decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: try RapportJSON.decoder().decode(
                LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1)
            )
            .questionSet(version: 1, introducedOn: today.adding(years: -3)))
        return (0..<count).map(portfolio.account)
    }

    @Test func accountsAreWrittenAndReadAsFoundationDoes() throws {
        for account in try synthetic(300) {
            let text = try JSONTextEncoder.encode(account)
            #expect(text == (try foundationText(account)), "account \(account.id)")
            // Straight from the fast decoder: a refusal would throw here, not fall back.
            #expect(try JSONTextDecoder.decode(Account.self, from: text) == account)
        }
    }

    /// Every kind of scalar and container, with text that needs escaping.
    struct Sample: Codable, Equatable {
        var strings: [String]
        var doubles: [Double]
        var integers: [Int]
        var widths: [Int8]
        var large: UInt64
        var flags: [Bool]
        var missing: String?
        var present: Int?
        var nothing: [Int]
        var keyed: [String: Int]
        var emptyKeyed: [String: Int]
        var nested: [[Day?]]
        var id: RecordID
    }

    let sample = Sample(
        strings: [
            "", "plain", "quote \" backslash \\ slash /",
            String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }),
            "Café, 経営, 😀, e\u{301}, \u{2028}\u{7F}", String(repeating: "long text without escapes ", count: 9)
        ],
        doubles: [0, 0.1, 3, -0.0, 1e20, 1e-7, 123_456_789.125, 2.5e300, .leastNonzeroMagnitude, -42.75],
        integers: [Int.min, -1, 0, 7, Int.max], widths: [Int8.min, Int8.max], large: UInt64.max,
        flags: [true, false], missing: nil, present: 3, nothing: [],
        keyed: [
            "b": 1, "a": 2, "ab": 3, "": 4, "Z": 5, "é": 6, "abcdefghij": 7, "abcdefghi": 8, "abcdefghik": 9,
            "abcdefgh": 10
        ],
        emptyKeyed: [:], nested: [[], [Day(iso: "2026-02-28"), nil], [Day(iso: "1999-12-31")]],
        id: RecordID(rawValue: "acc-1")!)

    @Test func everyKindOfValueIsWrittenAndReadAsFoundationDoes() throws {
        let text = try JSONTextEncoder.encode(sample)
        #expect(
            String(decoding: text, as: UTF8.self)
                == String(decoding: try foundationText(sample), as: UTF8.self))
        // The fast decoder leaves the key "é" to Foundation (see the refused texts below).
        var ascii = sample
        ascii.keyed["é"] = nil
        #expect(try JSONTextDecoder.decode(Sample.self, from: try JSONTextEncoder.encode(ascii)) == ascii)
        #expect(try RapportJSON.decode(Sample.self, from: text) == sample)
        #expect(try RapportJSON.decoder().decode(Sample.self, from: text) == sample)
    }

    /// A value written through nested containers and a super encoder, not in member order.
    struct Nesting: Codable, Equatable {
        var inner: [String]
        var point: Int

        enum Keys: String, CodingKey { case list, object, base, last }
        enum Inner: String, CodingKey { case z, a }

        init(inner: [String], point: Int) { (self.inner, self.point) = (inner, point) }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            var object = container.nestedContainer(keyedBy: Inner.self, forKey: .object)
            try container.encode(point, forKey: .last)
            for text in inner { try list.encode(text) }
            var element = list.nestedContainer(keyedBy: Inner.self)
            try element.encode(point, forKey: .z)
            try object.encode(inner, forKey: .z)
            try object.encode(point, forKey: .a)
            try inner.encode(to: container.superEncoder(forKey: .base))
        }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            var list = try container.nestedUnkeyedContainer(forKey: .list)
            var inner: [String] = []
            while !list.isAtEnd, let text = try? list.decode(String.self) { inner.append(text) }
            let object = try container.nestedContainer(keyedBy: Inner.self, forKey: .object)
            #expect(try object.decode([String].self, forKey: .z) == inner)
            #expect(try [String](from: container.superDecoder(forKey: .base)) == inner)
            self.init(inner: inner, point: try container.decode(Int.self, forKey: .last))
        }
    }

    /// A value that encodes nothing: JSONEncoder writes an empty object for it, or
    /// refuses it at the top.
    struct Silent: Codable, Equatable {
        func encode(to encoder: Encoder) throws {}
        init() {}
        init(from decoder: Decoder) throws {}
    }

    @Test func nestedContainersSuperEncodersAndSilentValuesAreWrittenAsFoundationDoes() throws {
        let nesting = [Nesting(inner: ["x", "y"], point: 4), Nesting(inner: [], point: 0)]
        let text = try JSONTextEncoder.encode(nesting)
        #expect(
            String(decoding: text, as: UTF8.self)
                == String(decoding: try foundationText(nesting), as: UTF8.self))
        #expect(try JSONTextDecoder.decode([Nesting].self, from: text) == nesting)

        #expect(
            try JSONTextEncoder.encode([Silent(), Silent()]) == (try foundationText([Silent(), Silent()])))
        #expect(throws: EncodingError.self) { try JSONTextEncoder.encode(Silent()) }
        #expect(throws: EncodingError.self) { try RapportJSON.encoder().encode(Silent()) }
    }

    @Test func aNumberJSONCannotHoldIsRefusedByBoth() {
        #expect(throws: EncodingError.self) { try RapportJSON.encode([1, Double.nan]) }
        #expect(throws: EncodingError.self) { try JSONTextEncoder.encode(["x": Double.infinity]) }
    }

    @Test func unsortedKeysEscapedStringsAndSpacingAreRead() throws {
        let text = #" { "b" : [ "a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00" ] ,"a":-12 } "#
        struct Pair: Decodable, Equatable {
            var a: Int
            var b: [String]
        }
        let pair = try JSONTextDecoder.decode(Pair.self, from: Data(text.utf8))
        #expect(pair == Pair(a: -12, b: ["a\"b\\c/d\u{8}\u{C}\n\r\té😀"]))
    }

    /// Texts the fast decoder leaves to Foundation: what it would read differently, and
    /// what is not JSON at all. `RapportJSON.decode` answers as Foundation does for each.
    @Test func whatTheFastDecoderRefusesGetsFoundationsAnswer() throws {
        let cases: [(String, [UInt8])] = [
            ("a repeated key", Array(#"{"a":[1],"a":[2]}"#.utf8)),
            ("an escaped key", Array(#"{"\u0061":[1]}"#.utf8)),
            ("a key with a Kelvin sign, a K to Foundation", Array("{\"a\":[1],\"\u{212A}\":2}".utf8)),
            ("a key outside ASCII", Array("{\"a\":[1],\"\u{E9}\":2}".utf8)),
            ("a fraction read as an integer", Array(#"{"a":[1.0]}"#.utf8)),
            ("an exponent read as an integer", Array(#"{"a":[1e2]}"#.utf8)),
            ("an integer too large", Array(#"{"a":[9223372036854775808]}"#.utf8)),
            ("a leading zero", Array(#"{"a":[01]}"#.utf8)),
            ("text after the value", Array(#"{"a":[1]} x"#.utf8)),
            ("a lone surrogate", Array(#"{"a":[1],"s":"\ud800"}"#.utf8)),
            ("a raw line break in a string", Array("{\"a\":[1],\"s\":\"one\ntwo\"}".utf8)),
            ("invalid UTF-8", Array(#"{"a":[1],"s":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
            ("a trailing comma", Array(#"{"a":[1,]}"#.utf8)),
            ("a misspelt literal", Array(#"{"a":[1],"f":tru}"#.utf8)),
            ("a number where text belongs", Array(#"{"a":[1],"s":5}"#.utf8)),
            ("a wrong type", Array(#"{"a":["1"]}"#.utf8)),
            ("nesting too deep", Array(String(repeating: "[", count: 600).utf8))
        ]
        struct Shape: Decodable, Equatable {
            var a: [Int]
            var s: String?
        }
        for (what, bytes) in cases {
            let data = Data(bytes)
            #expect(throws: (any Error).self, "the fast decoder refuses \(what)") {
                try JSONTextDecoder.decode(Shape.self, from: data)
            }
            let foundation = Result { try RapportJSON.decoder().decode(Shape.self, from: data) }
            let rapport = Result { try RapportJSON.decode(Shape.self, from: data) }
            switch (foundation, rapport) {
            case (.success(let a), .success(let b)): #expect(a == b, "\(what)")
            case (.failure(let a), .failure(let b)):
                // Where Foundation only says "not valid JSON", a number out of range is named.
                let (theirs, ours) = (RapportJSON.describe(a), RapportJSON.describe(b))
                let named = "a[0]: the number 9223372036854775808 is out of range"
                #expect(ours == theirs || (theirs == "not valid JSON" && ours.hasPrefix(named)), "\(what)")
            default:
                Issue.record("\(what): Foundation gave \(foundation), RapportJSON.decode gave \(rapport)")
            }
        }
    }
}
