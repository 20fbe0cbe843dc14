/// A single-line text field with cursor editing: ←/→, Home/End, Ctrl-A/E, Ctrl-U (kill to
/// start), Ctrl-K (kill to end), Ctrl-W (delete word), Backspace and Delete.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, in characters (0...count).
    public private(set) var cursor: Int
    /// True while the text is a prefilled default, as if selected: the first typed character
    /// replaces it. Any editing key (a cursor move, Ctrl-U, Backspace…) keeps the text instead.
    public private(set) var replacesOnType: Bool

    public init(_ text: String = "", replacesOnType: Bool = false) {
        characters = Array(text)
        cursor = characters.count
        self.replacesOnType = replacesOnType && !characters.isEmpty
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
            replacesOnType = false
        }
    }

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

    /// Applies a key; false when the key is not for a text field.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if case .char(let c) = key, c != "\n" && c != "\r" {
            if replacesOnType {
                characters = []
                cursor = 0
                replacesOnType = false
            }
            characters.insert(c, at: cursor)
            cursor += 1
            return true
        }
        guard let command = Self.keymap.command(for: key) else { return false }
        replacesOnType = false
        switch command {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .start: cursor = 0
        case .end: cursor = characters.count
        case .deleteBack:
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .clearToStart:
            characters.removeFirst(cursor)
            cursor = 0
        case .clearToEnd:
            characters.removeLast(characters.count - cursor)
        case .deleteWord:
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
        return true
    }

    /// Draws the field in `width` cells at (x, y), scrolled so the cursor shows.
    /// Returns the cursor's column on screen when `focused`.
    @discardableResult
    public func render(
        into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool, style: Style = .normal
    ) -> Int? {
        guard width > 0 else { return nil }
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) >= width { start += 1 }
        var shown = ""
        var used = 0
        for ch in characters[start...] {
            let w = DisplayWidth.of(ch)
            if used + w > width { break }
            shown.append(ch)
            used += w
        }
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        canvas.put(shown, x: x, y: y, style: style, limit: width)
        guard focused else { return nil }
        let col = x + DisplayWidth.of(String(characters[start..<cursor]))
        if col < x + width {
            let under = col - x < used ? canvas[col, y].text : " "
            canvas.put(under.isEmpty ? " " : under, x: col, y: y, style: .selected, limit: 1)
        }
        return col
    }
}
