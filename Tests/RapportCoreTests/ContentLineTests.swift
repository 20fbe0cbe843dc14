import Testing

@testable import RapportCore

/// The content lines of vCard and iCalendar files: unfolding, parameters, TEXT escapes,
/// and the events' start days.
@Suite struct ContentLineTests {
    @Test func foldedLinesJoinAndParametersSplitOutsideQuotes() {
        let text =
            "\u{FEFF}item1.EMAIL;TYPE=\"work,pref\";X-A=b:ana@\r\n x.example\nNOTE:a\n\tb\n\nBAD LINE\n"
        let (lines, problems) = ContentLines.read(text)
        #expect(lines.count == 2)
        #expect(lines[0].group == "item1")
        #expect(lines[0].name == "EMAIL")
        #expect(lines[0].parameters["TYPE"] == ["work,pref"])
        #expect(lines[0].value == "ana@x.example")
        #expect(lines[1].text == "ab")
        #expect(problems.map(\.line) == [6])
    }

    @Test func textUnescapesWhatTheICSWriterEscapes() {
        let original = "Café Müller; Söhne, GmbH\nback\\slash"
        let line = ContentLine(line: 1, name: "SUMMARY", value: ICalendar.escape(original))
        #expect(line.text == original)
        #expect(
            ContentLine(line: 1, name: "N", value: "Ruiz\\;Ortiz;Ana;;;").components == [
                "Ruiz;Ortiz", "Ana", "", "", ""
            ])
    }

    @Test func startDaysInEveryForm() {
        func day(_ value: String, _ parameters: [String: [String]] = [:]) -> String? {
            try? CalendarEvent.startDay(
                ContentLine(line: 1, name: "DTSTART", parameters: parameters, value: value)
            )
            .get().iso
        }
        #expect(day("20261120", ["VALUE": ["DATE"]]) == "2026-11-20")
        #expect(day("20261120T235900", ["TZID": ["Europe/Berlin"]]) == "2026-11-20")
        #expect(day("20261120T120000Z") == "2026-11-20")
        #expect(day("20261131") == nil)
        #expect(day("2026-11-20") == nil)
        #expect(day("20261120T250000") == nil)
    }
}
