/// Text from the store (names, notes, anything a teammate or a file put there) made
/// safe to show on a terminal, where some characters are commands rather than text: an
/// account named `Evil\e]0;pwned\a` retitled the terminal, `\e[2J` cleared the screen,
/// and a right-to-left override reorders what follows it.
///
/// Every such character is made visible instead: C0 controls and DEL as their control
/// pictures (`␛`, `␇`, `␡`: one cell each, so tables stay aligned), C1 controls and the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) as
/// `<U+202E>`. Line feed and tab are kept where the output has lines (`keepingLines`),
/// and a carriage return before a line feed is dropped there. The command line writes
/// all its human text through this; `--json` escapes the same characters its own way.
public enum TerminalText {
    /// `text` with every character a terminal would act on made visible.
    public static func visible(_ text: String, keepingLines: Bool = true) -> String {
        guard needsWork(text, keepingLines: keepingLines) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            let v = scalar.value
            if keepingLines && (v == 0x0A || v == 0x09) {
                out.append(scalar)
            } else if keepingLines && v == 0x0D && i + 1 < scalars.count && scalars[i + 1].value == 0x0A {
                continue
            } else if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7F {
                out.append(Unicode.Scalar(0x2421)!)
            } else if isInvisibleCommand(v) {
                out.append(contentsOf: "<U+\(hex(v))>".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// C1 controls and the bidirectional formatting characters that reorder text.
    private static func isInvisibleCommand(_ v: UInt32) -> Bool {
        (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Whether `text` holds anything to make visible, checked on its UTF-8 bytes: most
    /// text holds none, and comes back as it is.
    private static func needsWork(_ text: String, keepingLines: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // Printable ASCII, the usual case, in one tight pass.
            if bytes.allSatisfy({ $0 &- 0x20 < 0x5F }) { return false }
            for (i, b) in bytes.enumerated() {
                switch b {
                case 0x09, 0x0A: if !keepingLines { return true }
                case 0..<0x20, 0x7F: return true
                // C1 controls are C2 80–C2 9F; the bidirectional ones E2 80 AA–AE and E2 81 A6–A9.
                case 0xC2: if i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]) { return true }
                case 0xE2:
                    if i + 2 < bytes.count {
                        let (b1, b2) = (bytes[i + 1], bytes[i + 2])
                        if b1 == 0x80 && (0xAA...0xAE).contains(b2) { return true }
                        if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }
                    }
                default: break
                }
            }
            return false
        }
    }

    /// Four (or more) upper-case hexadecimal digits.
    private static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
