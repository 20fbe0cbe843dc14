/// A single-line text field with cursor editing: ←/→, Home/End, Ctrl-A/E, Ctrl-U (kill to
/// start), Ctrl-K (kill to end), Ctrl-W (delete word), Backspace and Delete.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position, in characters (0...count).
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c) where c != "\n" && c != "\r":
            characters.insert(c, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .backspace, .ctrl("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("u"):
            characters.removeFirst(cursor)
            cursor = 0
        case .ctrl("k"):
            characters.removeLast(characters.count - cursor)
        case .ctrl("w"):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
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
