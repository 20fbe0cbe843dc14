/// A single-line text field with cursor editing: ←/→, Home/End, Ctrl-A/E, Ctrl-U (kill to
/// start), Ctrl-K (kill to end), Ctrl-W (delete word), Backspace and Delete.
///
/// The text is kept as the characters before the cursor and those after it (reversed),
/// so typing, deleting and moving by one character touch only the ends of two arrays,
/// and drawing walks only the characters that show: a keystroke costs the same in a
/// 1 MB field as in an empty one.
public struct TextField: Equatable, Sendable {
    /// The characters before the cursor, in order.
    private var before: [Character]
    /// The characters after the cursor, last first.
    private var after: [Character]
    /// True while the text is a prefilled default, as if selected: the first typed character
    /// replaces it. Any editing key (a cursor move, Ctrl-U, Backspace…) keeps the text instead.
    public private(set) var replacesOnType: Bool

    public init(_ text: String = "", replacesOnType: Bool = false) {
        before = Array(text)
        after = []
        self.replacesOnType = replacesOnType && !before.isEmpty
    }

    /// The text; setting it puts the cursor at its end.
    public var text: String {
        get { String(before + after.reversed()) }
        set {
            before = Array(newValue)
            after = []
            replacesOnType = false
        }
    }

    /// Whether the field holds no text (without assembling it).
    public var isEmpty: Bool { before.isEmpty && after.isEmpty }

    /// Cursor position, in characters (0...count).
    public var cursor: Int { before.count }

    /// What a key does to the text, besides typing.
    public enum Command: Sendable {
        case left, right, start, end, deleteBack, deleteForward, clearToStart, clearToEnd, deleteWord
    }

    /// The line-editing keys, as shells and readline have them.
    public static let keymap = Keymap<Command>(
        "Editing text",
        [
            Binding([.left], .left, help: "Move left"),
            Binding([.right], .right, help: "Move right"),
            Binding([.home, .ctrl("a")], .start, help: "To the start"),
            Binding([.end, .ctrl("e")], .end, help: "To the end"),
            Binding([.backspace, .ctrl("h")], .deleteBack, help: "Delete before the cursor"),
            Binding([.delete, .ctrl("d")], .deleteForward, help: "Delete at the cursor"),
            Binding([.ctrl("u")], .clearToStart, help: "Clear to the start"),
            Binding([.ctrl("k")], .clearToEnd, help: "Clear to the end"),
            Binding([.ctrl("w")], .deleteWord, help: "Delete the word before the cursor")
        ])

    /// Puts a line break at the cursor (a multi-line field's Ctrl-J; typed, a line feed is
    /// a control character and dropped).
    public mutating func insertLineBreak() {
        if replacesOnType {
            before = []
            after = []
            replacesOnType = false
        }
        before.append("\n")
    }

    /// Applies a key; false when the key is not for a text field. A typed control
    /// character (C0, DEL, C1) or bidirectional control is not text: it is dropped.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if case .char(let c) = key, c != "\n" && c != "\r" {
            guard TerminalCharacters.isText(c) else { return true }
            if replacesOnType {
                before = []
                after = []
                replacesOnType = false
            }
            before.append(c)
            return true
        }
        guard let command = Self.keymap.command(for: key) else { return false }
        replacesOnType = false
        switch command {
        case .left: if let c = before.popLast() { after.append(c) }
        case .right: if let c = after.popLast() { before.append(c) }
        case .start:
            after.append(contentsOf: before.reversed())
            before = []
        case .end:
            before.append(contentsOf: after.reversed())
            after = []
        case .deleteBack: _ = before.popLast()
        case .deleteForward: _ = after.popLast()
        case .clearToStart: before = []
        case .clearToEnd: after = []
        case .deleteWord:
            while before.last == " " { before.removeLast() }
            while let last = before.last, last != " " { before.removeLast() }
        }
        return true
    }

    /// Draws the field in `width` cells at (x, y): focused, scrolled so the cursor shows;
    /// unfocused, its beginning, with `…` where it is cut. Returns the cursor's column on
    /// screen when `focused`.
    @discardableResult
    public func render(
        into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool, style: Style = .normal
    ) -> Int? {
        guard width > 0 else { return nil }
        guard focused else {
            canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
            canvas.put(
                Self.beginning(before: before, after: after, width: width), x: x, y: y, style: style,
                limit: width)
            return nil
        }
        let window = Self.window(before: before, after: after, width: width)
        var shown = ""
        for ch in window.characters { shown.append(ch) }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        canvas.put(shown, x: x, y: y, style: style, limit: width)
        let col = x + window.cursorColumn
        if col < x + width {
            let under = window.cursorColumn < window.used ? canvas[col, y].text : " "
            canvas.put(under.isEmpty ? " " : under, x: col, y: y, style: .selected, limit: 1)
        }
        return col
    }

    /// The text's beginning in `width` cells, ending in `…` when there is more; reads only
    /// the characters that show.
    static func beginning<Before: BidirectionalCollection, After: BidirectionalCollection>(
        before: Before, after: After, width: Int
    ) -> String where Before.Element == Character, After.Element == Character {
        var shown: [Character] = []
        var used = 0
        var cut = false
        func take(_ ch: Character) -> Bool {
            let w = DisplayWidth.of(ch)
            guard used + w <= width else {
                cut = true
                return false
            }
            shown.append(ch)
            used += w
            return true
        }
        for ch in before where !take(ch) { break }
        if !cut {
            for ch in after.reversed() where !take(ch) { break }
        }
        guard cut else { return String(shown) }
        // Room for the ellipsis: drop what it needs.
        while used + 1 > width, let last = shown.popLast() { used -= DisplayWidth.of(last) }
        return String(shown) + "…"
    }

    /// What shows of a field `width` cells wide: the characters, the cells they fill
    /// and the cursor's column. The text scrolls so the cursor sits at the right edge
    /// once it would pass it. Reads only the characters that show (and the zero-width
    /// ones among them), whatever the text's length.
    static func window<Before: BidirectionalCollection, After: BidirectionalCollection>(
        before: Before, after: After, width: Int
    ) -> (characters: [Character], used: Int, cursorColumn: Int)
    where Before.Element == Character, After.Element == Character {
        var left: [Character] = []
        var cursorColumn = 0
        for ch in before.reversed() {
            let w = DisplayWidth.of(ch)
            guard cursorColumn + w < width else { break }
            left.append(ch)
            cursorColumn += w
        }
        var characters = Array(left.reversed())
        var used = cursorColumn
        for ch in after.reversed() {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            characters.append(ch)
            used += w
        }
        return (characters, used, cursorColumn)
    }
}
