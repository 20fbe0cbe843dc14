import Testing

@testable import RapportCore

@Suite struct ICalendarTests {
    let today = Day(iso: "2026-11-22")!

    func item(_ title: String, due: Day, why: String = "Because") -> FollowUp {
        FollowUp(
            accountID: RecordID(rawValue: "acc-x")!, accountName: "Café Müller; Söhne, GmbH", title: title,
            ref: .touchFollowUp(RecordID(rawValue: "tp-\(title.count)")!), due: due, owner: "Maya", why: why)
    }

    @Test func aDocumentIsValidRFC5545() {
        let long = String(repeating: "Discuss the renewal with the whole 経営チーム ", count: 4)
        let text = ICalendar.document(
            [item(long, due: today.adding(days: 3), why: "Line one\nline two, with \\ and ;")], today: today)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "bare LF")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "a line longer than 75 octets")
        #expect(lines.contains("DTSTART;VALUE=DATE:20261125") && lines.contains("DTEND;VALUE=DATE:20261126"))
        #expect(lines.contains("DTSTAMP:20261122T000000Z"))
        // Unfolding gives back the escaped text, no character split.
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(
            unfolded.contains(
                "SUMMARY:Café Müller\\; Söhne\\, GmbH: \(long.replacingOccurrences(of: ",", with: "\\,"))\r\n"
            ))
        #expect(unfolded.contains("DESCRIPTION:Line one\\nline two\\, with \\\\ and \\;\\nDue 2026-11-25"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2)
    }

    @Test func uidsAreStableAndOverdueItemsSitOnToday() {
        let overdue = item("Call back", due: today.adding(days: -4))
        let first = ICalendar.document([overdue], today: today)
        let again = ICalendar.document([overdue], today: today.adding(days: 1))
        let uid = "UID:acc-x/follow-up/tp-9@rapport"
        #expect(first.contains(uid) && again.contains(uid))
        #expect(first.contains("DTSTART;VALUE=DATE:20261122") && first.contains("(4d overdue)"))
        #expect(again.contains("DTSTART;VALUE=DATE:20261123") && again.contains("(5d overdue)"))
    }

    @Test func foldingNeverSplitsAMultiByteCharacter() {
        let folded = ICalendar.fold("SUMMARY:" + String(repeating: "é", count: 100))
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        // "SUMMARY:" is 8 octets and "é" 2: the first line stops at 74, not mid-character at 75.
        #expect(lines[0].utf8.count == 74 && lines.dropFirst().allSatisfy { $0.hasPrefix(" é") })
        #expect(
            folded.replacingOccurrences(of: "\r\n ", with: "") == "SUMMARY:"
                + String(repeating: "é", count: 100))
    }
}
