import Foundation
import RapportCore
import Testing

/// `rapport import ics` on a Google Calendar export kept in Fixtures/ (CRLF, folded
/// attendee lines, a time zone block, an alarm inside an event, an all-day event, a UTC
/// one, a declined attendee, a cancelled and an upcoming event, a bad start).
@Suite struct ICSImportTests {
    static let file = CSVImportTests.fixture("google-calendar.ics")

    /// Northwind with three contacts (one email in another case), Acme with one.
    func store() throws -> CLIHarness {
        let cli = CLIHarness()
        cli.environment["TZ"] = "America/New_York"
        for args in [
            ["init"], ["account", "add", "Northwind Logistics"], ["account", "add", "Acme"],
            ["contact", "add", "north", "Ana Ruiz", "--email", "ana.ruiz@northwind.example"],
            ["contact", "add", "north", "Chidi Okafor", "--email", "c.okafor@northwind.example"],
            ["contact", "add", "north", "Lars Eriksson", "--email", "Lars.Eriksson@Northwind.example"],
            ["contact", "add", "acme", "Jon Ortega", "--email", "jon@acme.example"]
        ] {
            #expect(try cli.run(args).status == 0)
        }
        return cli
    }

    @Test func meetingsWithContactsBecomeTouchpointsOnTheirAccounts() throws {
        let cli = try store()
        let result = try cli.run("import", "ics", Self.file)
        #expect(result.status == 1, "a bad event makes the exit status 1")
        #expect(
            result.err.contains(
                "google-calendar.ics line 146: DTSTART '2026-11-13' is not a date; expected YYYYMMDD"))
        #expect(
            result.out.contains(
                "create  line 26  meeting at Northwind Logistics on 2026-11-10: Quarterly business review"))
        #expect(
            result.out.contains(
                "Imported touchpoints from \(Self.file): created 4, updated 0, 0 unchanged; "
                    + "2 matching no contact; 1 bad event not imported"))
        #expect(
            result.out.contains(
                "Matching no contact's email:\n  line 86  2026-11-18  Dentist  (maya.lindqvist@ourco.example)"
            ))
        #expect(result.out.contains("line 99  2026-11-19  Team stand-up"))
        #expect(result.err.contains("note: 1 event is still to come, not logged"))
        #expect(result.err.contains("note: 1 cancelled event(s) not logged"))

        let northwind = try cli.account("Northwind")
        let names = Dictionary(uniqueKeysWithValues: northwind.contacts.map { ($0.id, $0.name) })
        let touches = northwind.touchpoints.sorted { $0.day < $1.day }
        #expect(touches.map(\.day.iso) == ["2026-11-05", "2026-11-10", "2026-11-12"])
        #expect(touches.allSatisfy { $0.kind == .meeting && $0.loggedBy == "Maya Lindqvist" })
        #expect(touches[0].summary == "Site visit: Felixstowe warehouse")
        #expect(touches[0].contactIDs.compactMap { names[$0] } == ["Lars Eriksson"])
        #expect(touches[1].contactIDs.compactMap { names[$0] } == ["Ana Ruiz"], "Chidi declined")
        #expect(touches[1].sourceID == "5q1r0c8k2t9m3v7b4n6x@google.com")
        #expect(
            touches[2].summary
                == "Renewal, pricing ; terms for 2027 with Northwind and Acme procurement leads")
        let acme = try cli.account("Acme")
        #expect(acme.touchpoints.map(\.day.iso) == ["2026-11-12"], "the UTC evening is the 12th in New York")
        #expect(acme.touchpoints.first?.sourceID == "7y6t5r4e3w2q1p0o9i8u@google.com")
    }

    @Test func reimportingSkipsEventsByUID() throws {
        let cli = try store()
        try cli.run("import", "ics", Self.file)
        let before = try cli.accountFiles().map { try String(contentsOfFile: $0, encoding: .utf8) }
        let again = try cli.run("import", "ics", Self.file)
        #expect(again.out.contains("created 0, updated 0, 4 unchanged"))
        #expect(try cli.accountFiles().map { try String(contentsOfFile: $0, encoding: .utf8) } == before)
    }

    @Test func aUTCStartIsTheLocalDayAndDryRunChangesNothing() throws {
        let cli = try store()
        cli.environment["TZ"] = "Asia/Tokyo"
        let dry = try cli.run("import", "ics", Self.file, "--dry-run")
        #expect(dry.out.contains("would create  line 67  meeting at Acme on 2026-11-13: Renewal, pricing"))
        #expect(dry.out.contains("Dry run, nothing changed: would create 4, update 0, 0 unchanged"))
        #expect(try cli.account("Northwind").touchpoints.isEmpty)
        #expect(try cli.account("Acme").touchpoints.isEmpty)
    }

    @Test func aFileWithNoEventIsRefused() throws {
        let cli = try store()
        let path = cli.root + "/empty.ics"
        try "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let result = try cli.run("import", "ics", path)
        #expect(result.status != 0)
        #expect(result.err.contains("holds no event (BEGIN:VEVENT … END:VEVENT); nothing was imported"))
    }
}
