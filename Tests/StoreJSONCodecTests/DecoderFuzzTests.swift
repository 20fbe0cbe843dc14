import Foundation
import RapportCore
import RapportDemo
import RapportResources
import Testing

@testable import StoreJSONCodec

/// A differential fuzz test: account files, as the store writes them, mutated the ways a
/// hand edit, a bad merge or a hostile file would, read by `RapportJSON.decode` and by
/// Foundation's `JSONDecoder`. Both must accept or refuse each text, and read the same
/// account from what both accept.
///
/// Seeded, so every run tries the same texts. The normal run tries 3,000; a longer run
/// sets the case count (and optionally the seed) in the environment:
///
///     RAPPORT_FUZZ_CASES=200000 RAPPORT_FUZZ_SEED=7 swift test --filter DecoderFuzzTests
@Suite struct DecoderFuzzTests {
    /// An account file's shape (the store's `AccountDocument`).
    struct Document: Codable, Equatable {
        var schema: Int
        var account: Account
    }

    /// SplitMix64: small, fast and the same on every platform.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func environmentNumber(_ name: String) -> UInt64? {
        ProcessInfo.processInfo.environment[name].flatMap { UInt64($0) }
    }

    /// Account files from the synthetic portfolio, cut to a few records of each kind so
    /// that thousands of them decode in seconds in a debug build.
    func seedFiles() throws -> [[UInt8]] {
        let today = Day(iso: "2026-11-22")!
        let portfolio = SyntheticPortfolio(
            seed: 2026, today: today,
            playbook: try RapportJSON.decoder().decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: try RapportJSON.decoder().decode(
                LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1)
            )
            .questionSet(version: 1, introducedOn: today.adding(years: -3)))
        return try (0..<24).map { n in
            var account = portfolio.account(n)
            account.touchpoints = Array(account.touchpoints.prefix(4))
            account.contacts = Array(account.contacts.prefix(3))
            account.concerns = Array(account.concerns.prefix(2))
            account.worksheets = Array(account.worksheets.prefix(1))
            account.litmusChecks = Array(account.litmusChecks.prefix(1))
            return Array(try RapportJSON.encode(Document(schema: 1, account: account)))
        }
    }

    @Test func ourDecoderAndFoundationsAgreeOnMutatedAccountFiles() throws {
        let cases = Int(Self.environmentNumber("RAPPORT_FUZZ_CASES") ?? 3000)
        var random = SplitMix(state: Self.environmentNumber("RAPPORT_FUZZ_SEED") ?? 2026)
        let files = try seedFiles()
        var disagreements = 0
        for n in 0..<cases {
            var mutator = Mutator(text: files[Int(random.next() % UInt64(files.count))])
            let what = (0..<Int(1 + random.next() % 2)).map { _ in mutator.mutate(using: &random) }
            let data = Data(mutator.text)
            let ours = Result { try RapportJSON.decode(Document.self, from: data) }
            let theirs = Result { try RapportJSON.decoder().decode(Document.self, from: data) }
            let agree: Bool
            switch (ours, theirs) {
            case (.success(let a), .success(let b)):
                agree = a == b && (try? RapportJSON.encode(a)) == (try? RapportJSON.encode(b))
            case (.failure, .failure): agree = true
            default: agree = false
            }
            guard !agree else { continue }
            disagreements += 1
            if disagreements <= 10 {
                let message =
                    "case \(n) (\(what.joined(separator: ", "))): ours \(Self.summary(ours)), "
                    + "Foundation's \(Self.summary(theirs))"
                Issue.record(Comment(rawValue: message))
            }
        }
        #expect(disagreements == 0, "\(disagreements) of \(cases) cases disagreed")
    }

    static func summary(_ result: Result<Document, any Error>) -> String {
        switch result {
        case .success: "read it"
        case .failure(let error): "refused it (\(RapportJSON.describe(error)))"
        }
    }

    /// The error the store shows for a number that does not fit its field names the field
    /// and the number, and what is accepted, where `JSONDecoder` only says the text is not
    /// valid JSON.
    @Test func aNumberOutOfRangeIsRefusedNamingTheFieldAndTheNumber() throws {
        let readings = Array(#""readings" : ["#.utf8)
        let file = try seedFiles().first { Mutator(text: $0).find(readings) != nil }
        let cases = [
            ("1e309", #""value" : "#, "value"),
            ("-1e400", #""value" : "#, "value"),
            ("1e-400", #""value" : "#, "value"),
            ("2e-324", #""value" : "#, "value"),
            ("1e400", #""annualValue" : "#, "annualValue"),
            ("9223372036854775808", #""annualValue" : "#, "annualValue")
        ]
        for (number, field, path) in cases {
            var mutator = Mutator(text: try #require(file))
            let from = path == "value" ? try #require(mutator.find(readings)) : 0
            let at = try #require(mutator.find(Array(field.utf8), from: from)) + field.utf8.count
            let end = mutator.text[at...].firstIndex { $0 == 0x2C || $0 == 0x0A }!
            mutator.text.replaceSubrange(at..<end, with: Array(number.utf8))
            let data = Data(mutator.text)
            #expect(throws: (any Error).self) { try RapportJSON.decoder().decode(Document.self, from: data) }
            do {
                _ = try RapportJSON.decode(Document.self, from: data)
                Issue.record("\(number) was read")
            } catch {
                let message = RapportJSON.describe(error)
                #expect(message.hasPrefix("account."), "\(message)")
                #expect(
                    message.contains(".\(path): the number \(number) is out of range (accepted: "),
                    "\(message)")
            }
        }
    }
}

/// Changes an account file's text the ways the fuzz test tries.
struct Mutator {
    var text: [UInt8]

    static let numbers = [
        "1e309", "1e400", "-1e400", "1e-400", "2e-324", "3e-324", "5e-324", "4.9e-324",
        "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-320", "-0", "-0.0", "0", "00", "01", "-01",
        "1E+2", "1e2", "1E2", "1e+0", "1.0", "1.5", "100e-2", "0e999", "0.000e-500", "-0e-400",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1.8e308",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "123456789012345678901234567890", String(repeating: "9", count: 400), "0.1", "1e-7", "1.", ".5",
        "+1", "-", "1e", "1e+", "0x10", "Infinity", "NaN", "1_000"
    ]

    static let strings =
        [
            #"\ud800"#, #"\udc00"#, #"\ud83d\ude00"#, #"\ud83d"#, #"\u00e9"#, "e\u{301}", "\u{212A}", #"\q"#,
            #"\/"#, #"\u0000"#, #"\u004B"#, #"\uZZZZ"#, #"\u12"#, #"\"#, "\u{7F}", "\u{202E}", #"\\"#,
            #"\b\f\n\r\t"#
        ].map { Array($0.utf8) } + [
            [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0x01], [0xFF]
        ]

    /// What a key's first letter may become: lookalikes, other cases, escapes.
    static let keyLetters: [@Sendable (UInt8) -> [UInt8]] = [
        { _ in Array("\u{212A}".utf8) },
        { _ in Array("\u{0430}".utf8) },
        { byte in (0xFF00 + UInt32(byte) - 0x20).utf8Bytes },
        { byte in Array(String(format: "\\u%04X", byte).utf8) },
        { byte in Array(String(format: "\\u%04x", byte).utf8) },
        { byte in [byte ^ 0x20] },
        { byte in [byte] + Array("\u{301}".utf8) },
        { byte in [byte] + Array("\u{200B}".utf8) }
    ]

    static let spaces = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{FEFF}", "\u{2028}", "\0"]
        .map { Array($0.utf8) }

    func find(_ needle: [UInt8], from start: Int = 0) -> Int? {
        guard needle.count <= text.count else { return nil }
        var i = start
        while i + needle.count <= text.count {
            if text[i] == needle[0], text[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The ranges of the tokens of one kind: numbers, keys (without quotes) or string values.
    func tokens(_ kind: TokenKind) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte == 0x22 {
                var j = i + 1
                while j < text.count, text[j] != 0x22 { j += text[j] == 0x5C ? 2 : 1 }
                let isKey = j + 1 < text.count && text[(j + 1)...].first { $0 != 0x20 } == 0x3A
                if (kind == .key && isKey) || (kind == .string && !isKey) {
                    result.append((i + 1)..<min(j, text.count))
                }
                i = j + 1
            } else if kind == .number, byte == 0x2D || (0x30...0x39).contains(byte) {
                var j = i
                while j < text.count,
                    !(text[j] == 0x2C || text[j] == 0x0A || text[j] == 0x5D || text[j] == 0x7D)
                {
                    j += 1
                }
                result.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        return result
    }

    enum TokenKind { case number, key, string }

    /// Applies one random mutation; says which.
    mutating func mutate(using random: inout some RandomNumberGenerator) -> String {
        func pick<T>(_ items: [T]) -> T? {
            items.isEmpty ? nil : items[Int(random.next() % UInt64(items.count))]
        }
        func position() -> Int { Int(random.next() % UInt64(text.count + 1)) }
        switch random.next() % 9 {
        case 0, 1:
            guard let range = pick(tokens(.number)), let number = pick(Self.numbers) else { return "none" }
            text.replaceSubrange(range, with: Array(number.utf8))
            return "number \(number)"
        case 2:
            guard let range = pick(tokens(.key)), !range.isEmpty, let spell = pick(Self.keyLetters) else {
                return "none"
            }
            let letter = text[range.lowerBound]
            text.replaceSubrange(range.lowerBound..<(range.lowerBound + 1), with: spell(letter))
            return "key respelt"
        case 3:
            let at = position()
            text.removeSubrange(at...)
            return "truncated at \(at)"
        case 4:
            // A member line written twice, the copy maybe with another value.
            guard let range = pick(tokens(.key)) else { return "none" }
            let start = text[..<range.lowerBound].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            guard let end = text[range.upperBound...].firstIndex(of: 0x0A) else { return "none" }
            var line = Array(text[start..<end])
            if line.last != 0x2C { line.append(0x2C) }
            if random.next() % 2 == 0, let colon = line.firstIndex(of: 0x3A), line.last == 0x2C {
                line.replaceSubrange((colon + 1)..<(line.count - 1), with: Array(" 7".utf8))
            }
            text.insert(contentsOf: line + [0x0A], at: start)
            return "duplicated key"
        case 5:
            guard let space = pick(Self.spaces) else { return "none" }
            let at = random.next() % 2 == 0 ? 0 : position()
            text.insert(contentsOf: space, at: at)
            return "whitespace \(space) at \(at)"
        case 6:
            guard !text.isEmpty else { return "none" }
            let at = Int(random.next() % UInt64(text.count))
            text[at] ^= UInt8(1 << (random.next() % 8))
            return "flipped a bit at \(at)"
        default:
            guard let range = pick(tokens(.string)), let inserted = pick(Self.strings) else { return "none" }
            if random.next() % 2 == 0 {
                text.replaceSubrange(range, with: inserted)
            } else {
                text.insert(contentsOf: inserted, at: range.upperBound)
            }
            return "string \(String(decoding: inserted, as: UTF8.self))"
        }
    }
}

extension UInt32 {
    fileprivate var utf8Bytes: [UInt8] { Unicode.Scalar(self).map { Array(String($0).utf8) } ?? [] }
}
