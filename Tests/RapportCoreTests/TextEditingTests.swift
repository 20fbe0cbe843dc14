import RapportCore
import Testing

/// The text helpers that stand in for Foundation's, and the amounts they format.
struct TextEditingTests {
    @Test func spacesAndTabsAreTrimmedButLineBreaksOnlyWhenAsked() {
        #expect(" \t Northwind \u{00A0}".trimmingSpaces() == "Northwind")
        #expect("\n Northwind \n".trimmingSpaces() == "\n Northwind \n")
        #expect("\r\n\t Northwind\u{2028} \n".trimmingWhitespace() == "Northwind")
        #expect("  ".trimmingSpaces() == "" && "".trimmingWhitespace() == "")
        #expect(" a b ".trimmingSpaces() == "a b", "inner spaces stay")
    }

    @Test func replacingFindsBytesInsideCombinedCharacters() {
        // "\r\n" is one Character: a search by characters would not find its "\n".
        #expect("one\r\ntwo\nthree".replacingText("\n", with: " ") == "one\r two three")
        #expect("a|b||c".replacingText("|", with: "\\|") == "a\\|b\\|\\|c")
        #expect("Café".replacingText("é", with: "e") == "Cafe")
        #expect("abc".replacingText("", with: "x") == "abc" && "ab".replacingText("abc", with: "x") == "ab")
    }

    @Test func paddingCountsCharacters() {
        #expect("call".padded(to: 6) == "call  ")
        #expect("経営".padded(to: 4) == "経営  ")
        #expect("meeting".padded(to: 3) == "meeting", "wider text is kept whole")
    }

    @Test func amountsRoundAsPrintfDoes() {
        #expect(
            1.245.fixed(places: 2) == "1.25" && 1.005.fixed(places: 2) == "1.00",
            "the binary value is rounded, not the decimal one")
        #expect(
            2.5.fixed(places: 0) == "2" && 0.05.fixed(places: 1) == "0.1"
                && (-1.0).fixed(places: 2) == "-1.00")
        #expect(Money.short(1_240_000, currency: "EUR") == "€1.24M")
        #expect(Money.short(2_000_000, currency: "EUR") == "€2M")
        #expect(Money.short(350_000, currency: "EUR") == "€350k")
    }
}
