import Testing

@testable import TUIKit

/// A collection that counts how many of its characters are read.
private final class ReadCounter: @unchecked Sendable {
    var reads = 0
}

private struct CountingCharacters: BidirectionalCollection {
    let base: [Character]
    let counter: ReadCounter
    var startIndex: Int { base.startIndex }
    var endIndex: Int { base.endIndex }
    func index(after i: Int) -> Int { i + 1 }
    func index(before i: Int) -> Int { i - 1 }
    subscript(i: Int) -> Character {
        counter.reads += 1
        return base[i]
    }
}

@Suite struct LongTextTests {
    static let megabyte = String(repeating: "lorem ipsum dolor sit amet, ", count: 37_450)

    /// The editing rules on a plain array: what each key must do, however the field
    /// keeps its text.
    struct Reference {
        var characters: [Character]
        var cursor: Int

        mutating func press(_ key: Key) {
            switch key {
            case .char(let c):
                characters.insert(c, at: cursor)
                cursor += 1
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(characters.count, cursor + 1)
            case .home: cursor = 0
            case .end: cursor = characters.count
            case .backspace where cursor > 0:
                characters.remove(at: cursor - 1)
                cursor -= 1
            case .delete where cursor < characters.count: characters.remove(at: cursor)
            case .ctrl("w"):
                var start = cursor
                while start > 0 && characters[start - 1] == " " { start -= 1 }
                while start > 0 && characters[start - 1] != " " { start -= 1 }
                characters.removeSubrange(start..<cursor)
                cursor = start
            default: break
            }
        }
    }

    @Test func editingAMegabyteFieldGivesTheRightTextAndCursor() {
        var field = TextField(Self.megabyte)
        var reference = Reference(characters: Array(Self.megabyte), cursor: Self.megabyte.count)
        let keys: [Key] = [
            .char("!"), .left, .left, .char("X"), .backspace, .backspace, .delete, .right, .home, .char(">"),
            .right, .delete, .end, .ctrl("w"), .ctrl("w"), .left, .char("日"), .backspace, .backspace
        ]
        for key in keys {
            field.handle(key)
            reference.press(key)
            let same = field.text == String(reference.characters)
            #expect(same && field.cursor == reference.cursor, "after \(key): cursor \(field.cursor)")
        }
        #expect(field.text.hasPrefix(">lrem ipsum") && field.cursor == reference.characters.count - 1)
    }

    @Test func aLongFieldDrawsTheEndWhereTheCursorIs() {
        let field = TextField(Self.megabyte + "THE END")
        var canvas = Canvas(width: 30, height: 1)
        let column = field.render(into: &canvas, x: 0, y: 0, width: 30, focused: true)
        #expect(canvas.line(0).hasSuffix("amet, THE END"))
        #expect(column == 29)
    }

    @Test func drawingReadsOnlyTheCharactersThatShowWhateverTheLength() {
        for length in [10_000, 1_000_000] {
            let counter = ReadCounter()
            let text = CountingCharacters(base: Array(repeating: "a", count: length), counter: counter)
            let after = CountingCharacters(base: Array(repeating: "b", count: length), counter: counter)
            let window = TextField.window(before: text, after: after, width: 60)
            #expect(window.characters.count == 60 && window.cursorColumn == 59)
            #expect(counter.reads <= 62, "read \(counter.reads) of \(2 * length) characters")
        }
    }

    @Test func typedControlCharactersAreNotTaken() {
        var field = TextField("ab")
        for c: Character in ["\u{1B}", "\u{7}", "\u{0}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2066}", "c"] {
            field.handle(.char(c))
        }
        #expect(field.text == "abc")
    }
}
