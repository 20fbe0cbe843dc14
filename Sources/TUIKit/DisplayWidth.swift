/// Terminal display width of text: CJK and emoji take two cells, combining marks and
/// bidirectional controls none, a control character one (`Canvas` draws it as a picture).
public enum DisplayWidth {
    /// Cells a grapheme cluster occupies (0, 1 or 2).
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        // emoji presentation
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if first.properties.isEmojiPresentation { return 2 }
        let v = first.value
        // Drawn as one visible cell (a control picture, a space for a tab), or not at all.
        if TerminalCharacters.isControl(v) { return 1 }
        if TerminalCharacters.isBidiControl(v) { return 0 }
        if first.properties.generalCategory == .nonspacingMark
            || first.properties.generalCategory == .enclosingMark
        {
            return 0
        }
        if v == 0x200B || v == 0x200D { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Cells a string occupies.
    public static func of(_ text: some StringProtocol) -> Int {
        isPrintableASCII(text) ? text.utf8.count : text.reduce(0) { $0 + of($1) }
    }

    /// Whether every byte is a printable ASCII character (one cell each): most table
    /// cells, which then skip breaking the text into characters, the slow part of a
    /// redraw.
    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The longest prefix of `text` fitting in `width` cells, ending in `…` when cut.
    /// Never splits a character: a wide character that would straddle the edge is dropped.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(text) {
            return text.utf8.count <= width
                ? text : String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// `text` in `width` cells with its middle replaced by `…` when it is wider: a third
    /// of the room for the beginning, which says what happened, and the rest for the end,
    /// often what matters most (a file's name at the end of its path, what to do next).
    /// Never splits a character.
    public static func elidingMiddle(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 1 else { return truncate(text, to: width) }
        let characters = Array(text)
        var (head, used) = ("", 0)
        for ch in characters {
            guard used + of(ch) <= (width - 1) / 3 else { break }
            head.append(ch)
            used += of(ch)
        }
        var tail: [Character] = []
        for ch in characters.reversed() {
            guard used + of(ch) <= width - 1 else { break }
            tail.append(ch)
            used += of(ch)
        }
        return head + "…" + String(tail.reversed())
    }

    /// `text` truncated or padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let pad = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? pad + cut : cut + pad
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
