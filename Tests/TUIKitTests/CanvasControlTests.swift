import Testing

@testable import TUIKit

@Suite struct CanvasControlTests {
    static let hostile = [
        "Evil\u{1B}]0;pwned\u{7}", "\u{1B}[2J", "nul\u{0}bs\u{8}del\u{7F}", "c1\u{85}\u{9B}31m",
        "rtl\u{202E}txet", "iso\u{2066}late\u{2069}", "line\nfeed\r\ncr\ttab", "日本語😀", "e\u{301}\u{1B}"
    ]

    /// Whether a scalar is one a terminal acts on.
    static func isCommand(_ v: UInt32) -> Bool {
        v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
    }

    @Test func nothingATerminalActsOnReachesACell() {
        var canvas = Canvas(width: 60, height: 20)
        for (row, text) in Self.hostile.enumerated() {
            canvas.put(text, x: 0, y: row)
            canvas.put(text, x: 30, y: row, limit: 5)
        }
        canvas.box(Rect(x: 0, y: 10, width: 40, height: 5), title: Self.hostile.joined())
        var field = TextField(Self.hostile.joined())
        field.handle(.home)
        field.render(into: &canvas, x: 0, y: 16, width: 50, focused: true)
        let written = canvas.cells.flatMap { $0.text.unicodeScalars.map(\.value) }
        #expect(!written.contains(where: Self.isCommand))
    }

    @Test func controlsShowAsOneCellPicturesAndBidiControlsAsNothing() {
        var canvas = Canvas(width: 40, height: 3)
        let used = canvas.put("Evil\u{1B}]0;x\u{7}|", x: 0, y: 0)
        canvas.put("a\u{202E}bc\u{85}|", x: 0, y: 1)
        canvas.put("t\tab\r\n|", x: 0, y: 2)
        #expect(canvas.text == "Evil␛]0;x␇|\nabc\u{FFFD}|\nt ab␍|")
        #expect(used == DisplayWidth.of("Evil\u{1B}]0;x\u{7}|"))
        #expect(DisplayWidth.of("a\u{202E}bc\u{85}|") == 5)
    }

    @Test func textFromTheEditorKeepsLinesAndDropsControls() {
        #expect(TerminalCharacters.typeable("a\u{1B}[2J\r\nb\tc\u{202E}\u{9B}") == "a[2J\nb\tc")
        #expect(TerminalCharacters.typeable("plain 日本") == "plain 日本")
    }
}
