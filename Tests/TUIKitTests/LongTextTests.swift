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

    @Test func editingAMegabyteFieldGivesTheRightTextAndCursor() {
        var field = TextField(Self.megabyte)
        let count = Self.megabyte.count
        field.handle(.char("!"))
        #expect(field.cursor == count + 1)
        for _ in 0..<3 { field.handle(.left) }
        field.handle(.char("X"))
        field.handle(.backspace)
        field.handle(.backspace)
        #expect(field.cursor == count - 3)
        field.handle(.delete)
        field.handle(.right)
        #expect(field.text == String(Self.megabyte.dropLast(3)) + "e!")
        field.handle(.home)
        field.handle(.char(">"))
        field.handle(.end)
        #expect(field.cursor == count + 1)
        #expect(field.text.hasPrefix(">lorem") && field.text.hasSuffix(" e!"))
        field.handle(.ctrl("w"))
        #expect(field.text.hasSuffix("amet, "))
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
