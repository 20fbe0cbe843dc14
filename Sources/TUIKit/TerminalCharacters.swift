/// Characters a terminal acts on rather than shows: C0 controls (ESC, BEL, NUL,
/// backspace, line feed…), DEL, C1 controls, and the bidirectional embeddings, overrides
/// and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what follows them. Text from
/// a file edited by hand or merged by git may hold any of them; none reaches the terminal
/// from the app (`Canvas.put` draws what `shown` says) and none is typed into a field.
public enum TerminalCharacters {
    /// Whether `character` is plain text: holds no control or bidirectional control.
    public static func isText(_ character: Character) -> Bool {
        !character.unicodeScalars.contains { isControl($0.value) || isBidiControl($0.value) }
    }

    /// What a canvas cell shows for `character`: itself when it is text; a C0 control or
    /// DEL as its control picture (`␛`, `␇`, `␀`, `␡`; a tab as a space), a C1 control as
    /// `�` (one cell each, so columns stay aligned); a bidirectional control as nothing.
    static func shown(_ character: Character) -> Character? {
        guard !isText(character) else { return character }
        guard let v = character.unicodeScalars.first?.value else { return nil }
        if v == 0x09 { return " " }
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }
        if v == 0x7F { return "␡" }
        if isControl(v) { return "\u{FFFD}" }
        // A bidirectional control is its own grapheme; anything else joined to one
        // (a stray scalar after it) shows without it.
        let rest = character.unicodeScalars.filter { !isControl($0.value) && !isBidiControl($0.value) }
        return rest.isEmpty ? nil : Character(String(String.UnicodeScalarView(rest)))
    }

    /// Whether `text` holds any character that is not plain text (checked on its UTF-8
    /// bytes, so plain text costs one pass and no grapheme breaking).
    public static func needsCare(_ text: some StringProtocol) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for b in text.utf8 {
            if b < 0x20 || b == 0x7F { return true }
            // C1 controls are C2 80–C2 9F; the bidirectional ones E2 80 AA–AE and E2 81 A6–A9.
            if previous.1 == 0xC2 && (0x80...0x9F).contains(b) { return true }
            if previous.0 == 0xE2 && previous.1 == 0x80 && (0xAA...0xAE).contains(b) { return true }
            if previous.0 == 0xE2 && previous.1 == 0x81 && (0xA6...0xA9).contains(b) { return true }
            previous = (previous.1, b)
        }
        return false
    }

    /// `text` without control and bidirectional characters, line feeds and tabs kept:
    /// what a form takes from the external editor or a paste.
    public static func typeable(_ text: String) -> String {
        guard needsCare(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A || v == 0x09 || !(isControl(v) || isBidiControl(v)) { out.append(scalar) }
        }
        return String(out)
    }

    static func isControl(_ v: UInt32) -> Bool { v < 0x20 || (0x7F...0x9F).contains(v) }

    static func isBidiControl(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
