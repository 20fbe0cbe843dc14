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

    /// An event without its END is named at its own line and left out; the one after it
    /// is read. It took the next event's line and was lost without a word.
    @Test func anEventWithoutItsEndIsNamedAtItsLineAndTheNextOneRead() {
        let text = [
            "BEGIN:VCALENDAR", "BEGIN:VEVENT", "UID:a", "DTSTART;VALUE=DATE:20261101", "SUMMARY:First",
            "BEGIN:VEVENT", "UID:b", "DTSTART;VALUE=DATE:20261102", "SUMMARY:Second", "END:VEVENT",
            "BEGIN:VEVENT", "UID:c", "DTSTART;VALUE=DATE:20261103", "SUMMARY:Third", "END:VCALENDAR"
        ].joined(separator: "\r\n")
        let (events, issues) = CalendarEvent.read(text)
        #expect(events.map(\.summary) == ["Second"])
        #expect(issues.map(\.line) == [2, 11])
        #expect(issues.allSatisfy { $0.message == "the event has no END:VEVENT; it is left out" })
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
