import RapportCore
import Testing

/// A drawn number never traps, however large.
@Suite struct ExtremeNumberTests {
    @Test func sparklinesDrawAnyFiniteNumbers() {
        let huge = 1.5e308
        #expect(Sparkline.line([huge, -huge, 0]) == "█▁▅")
        #expect(Sparkline.line([.greatestFiniteMagnitude, -.greatestFiniteMagnitude]) == "█▁")
        #expect(Sparkline.line([nil, huge, 5]) == " █▁")
        #expect(Sparkline.line([huge, huge]) == "▄▄")
        #expect(Sparkline.line([.leastNonzeroMagnitude, 0, -.leastNonzeroMagnitude]).count == 3)
        #expect(Sparkline.line([.infinity, .nan, 1, 2]) == "▄▄▁█")
        #expect(Sparkline.line([100, 150, 120]) == "▁█▄")
    }

    @Test func readingsOfAnySizeAreWritten() {
        #expect(Measure.format(1.5e308) == "1.5e+308" && Measure.format(-1.5e308) == "-1.5e+308")
        #expect(Measure.format(.infinity) == "∞" && Measure.format(-.infinity) == "-∞")
        #expect(Measure.format(.nan) == "-")
        #expect(
            Measure.format(162) == "162" && Measure.format(8.54) == "8.5"
                && Measure.format(1e15) == "1000000000000000.0")
        var m = Measure(name: "Use", createdOn: Day(iso: "2026-01-01")!)
        m.record(1.5e308, month: YearMonth(iso: "2026-09")!)
        m.record(-1.5e308, month: YearMonth(iso: "2026-10")!)
        #expect(m.latest?.change.map(Measure.format) == "-∞")
    }

    @Test func amountsOfAnySizeAreWritten() {
        #expect(Money.short(Int.min, currency: "EUR") == "€-9,223,372,036,854,775,808")
        #expect(Money.full(Int.max, currency: "EUR") == "€9,223,372,036,854,775,807")
    }
}

/// The rules for numbers typed in: one function and one message each, for the command
/// line and the app's forms.
@Suite struct InputRuleTests {
    @Test func aReadingIsAFiniteNumberWithinATrillion() throws {
        #expect(try MeasureReading.parseValue("82") == 82)
        #expect(try MeasureReading.parseValue(" 8,5 ") == 8.5)
        #expect(try MeasureReading.parseValue("-1e12") == -1e12)
        let range = "a reading is within ±1e12"
        for text in ["1.5e308", "-1.5e308", "nan", "inf", "-infinity", "1000000000001"] {
            #expect(throws: InputError("'\(text)' is out of range; \(range)"), "\(text)") {
                try MeasureReading.parseValue(text)
            }
        }
        #expect(throws: InputError("'lots' is not a number")) { try MeasureReading.parseValue("lots") }
    }

    @Test func anAmountFitsFarWithinAnInt() throws {
        #expect(try Money.parse("999999999999999") == Money.maximum)
        #expect(try Money.parse("1.2M") == 1_200_000)
        #expect(throws: InputError("'1e20' is too large; an amount is from 0 to 999,999,999,999,999")) {
            try Money.parse("1e20")
        }
        #expect(throws: InputError.self) { try Money.parse("inf") }
        #expect(throws: InputError.self) { try Money.parse("nan") }
    }

    @Test func aChanceOfSuccessIsAPercentage() throws {
        #expect(try Goal.parseProbability("80%") == 80 && Goal.parseProbability("0") == 0)
        for text in ["101", "-1", "1e2", "9223372036854775808", "half"] {
            #expect(throws: InputError("give the chance of success as 0–100, not '\(text)'")) {
                try Goal.parseProbability(text)
            }
        }
    }
}

/// Amounts in either convention: decimal comma or point, thousands grouped by `.`, `,` or spaces.
@Suite struct AmountConventionTests {
    @Test func bothConventionsReadTheSameAmount() throws {
        let cases: [(String, Int)] = [
            ("1,2M", 1_200_000), ("1.2M", 1_200_000), ("1.200.000", 1_200_000), ("1 200 000", 1_200_000),
            ("1,200,000", 1_200_000), ("1.200.000,50", 1_200_001), ("1,200,000.50", 1_200_001),
            ("€1.200.000", 1_200_000), ("EUR 350k", 350_000), ("350 k€", 350_000), ("0,75M", 750_000),
            ("1234,567", 1_235), ("1\u{202F}200\u{202F}000", 1_200_000), ("2,5 M", 2_500_000),
            ("1.2E+06", 1_200_000), ("1'200'000", 1_200_000), ("12,5", 13)
        ]
        for (text, amount) in cases {
            #expect(try Money.parse(text) == amount, "\(text)")
        }
    }

    @Test func anAmountThatReadsTwoWaysIsRefusedWithBothReadings() {
        #expect(
            throws: InputError(
                "'1,200' reads two ways: 1,200 (, groups thousands) or 1.2 (, is the decimal separator); "
                    + "write 1200 or 1.2"
            )
        ) { try Money.parse("1,200") }
        #expect(throws: InputError.self) { try Money.parse("2.500k") }
    }

    @Test func badlyGroupedDigitsAreRefused() {
        for text in ["12,34,567", "1.200,000.5", "1..2", "1,2,3", "1.2.3,4,5"] {
            #expect(throws: InputError.self, "\(text)") { try Money.parse(text) }
        }
        #expect(throws: InputError("'-5' is negative; an amount must be 0 or more")) { try Money.parse("-5") }
    }
}
