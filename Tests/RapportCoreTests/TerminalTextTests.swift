import RapportCore
import Testing

/// Text shown on a terminal cannot steer it.
@Suite struct TerminalTextTests {
    @Test func controlCharactersBecomeVisible() {
        #expect(TerminalText.visible("Evil\u{1B}]0;pwned\u{07}") == "Evil␛]0;pwned␇")
        #expect(TerminalText.visible("\u{1B}[2J\u{0}\u{7F}") == "␛[2J␀␡")
        #expect(TerminalText.visible("a\u{9B}31mb\u{85}") == "a<U+009B>31mb<U+0085>")
        #expect(
            TerminalText.visible("abc\u{202E}fed\u{2066}x\u{2069}\u{202A}")
                == "abc<U+202E>fed<U+2066>x<U+2069><U+202A>")
    }

    @Test func linesAndTabsStayWhereTheOutputHasLines() {
        #expect(TerminalText.visible("one\ntwo\tcols\r\nthree\rover") == "one\ntwo\tcols\nthree␍over")
        #expect(TerminalText.visible("one\ntwo\tcols", keepingLines: false) == "one␊two␉cols")
    }

    @Test func ordinaryTextIsUnchanged() {
        for text in [
            "", "Northwind Logistics", "Müller & Söhne — 経営 😀", "e\u{301}", "“quotes” · €1.2M", "\u{2028}"
        ] {
            #expect(TerminalText.visible(text) == text)
            #expect(TerminalText.visible(text, keepingLines: false) == text)
        }
    }
}
