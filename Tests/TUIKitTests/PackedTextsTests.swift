import Testing

@testable import TUIKit

/// The packed filter texts find exactly the rows a search of each text alone finds.
@Suite struct PackedTextsTests {
    let words = ["north", "no", "orth", "nor", "th", "1", "n", "é", "\u{1F}", "zz"]

    /// Texts made of random words (seeded), some empty, some with accents and separators.
    func texts(_ count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...4, using: &generator)).map { _ in words.randomElement(using: &generator)!
            }
            .joined(separator: Bool.random(using: &generator) ? " " : "")
        }
    }

    @Test func findsWhatEachTextAloneWouldFind() {
        let all = texts(2_000, seed: 23)
        let packed = PackedTexts(all)
        #expect(packed.count == all.count)
        for needle in words + ["north 1", "h1", "thn", "", "éz", "zzz"] {
            let expected = all.indices.filter { TextSearch.contains(all[$0], needle) }
            #expect(packed.positions(containing: Array(needle.utf8)) == expected, "\(needle)")
            // Searched in parts, as a large list is, on every core.
            #expect(packed.positions(containing: Array(needle.utf8), parts: 7) == expected, "\(needle)")
            #expect(all.indices.filter { packed.contains($0, Array(needle.utf8)) } == expected, "\(needle)")
            // Narrowing a few positions (text by text) and many (one pass), in their own order.
            let some = Array(all.indices.reversed().prefix(50))
            #expect(packed.filter(some, containing: Array(needle.utf8)) == some.filter(expected.contains))
            let many = Array(all.indices.reversed())
            #expect(packed.filter(many, containing: Array(needle.utf8)) == expected.reversed())
        }
    }

    @Test func aMatchNeverSpansTwoTexts() {
        let packed = PackedTexts(["abc", "def", ""])
        #expect(packed.positions(containing: Array("cd".utf8)).isEmpty)
        #expect(packed.positions(containing: [UInt8(ascii: "c"), 0, UInt8(ascii: "d")]).isEmpty)
        #expect(packed.positions(containing: []) == [0, 1, 2])
    }

    /// Parts made apart (the app makes a half on each core) and appended one after another
    /// are the texts made at once, empty parts and empty texts included.
    @Test func partsJoinedAreTheTextsMadeWhole() {
        let all = texts(500, seed: 41)
        let cuts = [0, 0, 1, 200, 200, 499, 500]
        var parts: [PackedTexts] = []
        for (from, to) in zip(cuts, cuts.dropFirst()) {
            var part = PackedTexts()
            for text in all[from..<to] { part.append { $0 += text.utf8 } }
            parts.append(part)
        }
        var joined = PackedTexts()
        joined.reserveCapacity(bytes: 100, texts: 10)
        for part in parts { joined.append(contentsOf: part) }
        #expect(joined == PackedTexts(all))
        #expect(
            joined.positions(containing: Array("or".utf8)) == all.indices.filter { all[$0].contains("or") })
    }

    @Test func insertAndRemoveKeepTheRestInPlace() {
        var all = texts(300, seed: 5)
        var packed = PackedTexts(all)
        var generator = SeededGenerator(seed: 9)
        for round in 0..<200 {
            if round % 3 == 0, !all.isEmpty {
                let i = Int.random(in: 0..<all.count, using: &generator)
                all.remove(at: i)
                packed.remove(at: i)
            } else {
                let i = Int.random(in: 0...all.count, using: &generator)
                let text = texts(1, seed: UInt64(round))[0]
                all.insert(text, at: i)
                packed.insert(text, at: i)
            }
        }
        #expect(packed == PackedTexts(all))
        #expect((0..<packed.count).map { packed[$0] } == all)
        #expect(
            packed.positions(containing: Array("no".utf8)) == all.indices.filter { all[$0].contains("no") })
    }
}

/// A small deterministic generator (SplitMix64) for repeatable random texts.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
