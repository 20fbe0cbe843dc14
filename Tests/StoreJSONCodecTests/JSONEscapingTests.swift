import StoreJSONCodec
import Testing

/// Which text a JSON string must escape: quotes, backslashes and control characters,
/// found in short text byte by byte and in long text sixteen bytes at a time; tabs are
/// passed over only when asked (several tab-separated fields checked at once).
@Suite struct JSONEscapingTests {
    func needed(_ text: String, tabsAllowed: Bool = false) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { JSONEscaping.isNeeded(in: $0, tabsAllowed: tabsAllowed) }
    }

    @Test func tabsAreFineOnlyWhenAllowedAndEveryOtherEscapeIsFound() {
        for padding in ["", String(repeating: "plain text ", count: 5)] {
            #expect(!needed(padding + "Follow up — 経営"))
            #expect(needed(padding + "a\tb") && !needed(padding + "a\tb", tabsAllowed: true))
            for escaped in ["\"", "\\", "\u{1}", "\n", "\u{1F}"] {
                #expect(
                    needed(padding + "x" + escaped + "y", tabsAllowed: true), "\(padding.count) \(escaped)")
                #expect(needed(escaped + padding, tabsAllowed: true))
            }
        }
    }
}
