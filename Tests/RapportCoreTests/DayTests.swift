import StoreJSONCodec
import Testing

@testable import RapportCore

@Suite struct DayTests {
    @Test func parsesAndPrintsISO() throws {
        let day = try #require(Day(iso: "2026-11-22"))
        #expect(day.year == 2026 && day.month == 11 && day.day == 22)
        #expect(day.iso == "2026-11-22")
        #expect(day.weekday == 7)  // a Sunday
    }

    @Test func rejectsImpossibleDays() {
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-1-01") == nil)
        #expect(Day(iso: "tomorrow") == nil)
        for bad in [
            "2026-11-2", "2026-11-222", "2026/11/22", "２０２６-11-22", "0000-01-01", "2026-11-2a", "-026-11-22",
            ""
        ] {
            #expect(Day(iso: bad) == nil, "\(bad)")
        }
        #expect(Day(iso: "9999-12-31")?.iso == "9999-12-31" && Day(iso: "0001-01-01")?.iso == "0001-01-01")
    }

    @Test func addingMonthsClampsToMonthEnd() throws {
        let jan31 = try #require(Day(iso: "2026-01-31"))
        #expect(jan31.adding(months: 1).iso == "2026-02-28")
        #expect(try #require(Day(iso: "2024-01-31")).adding(months: 1).iso == "2024-02-29")
        #expect(jan31.adding(months: 3).iso == "2026-04-30")
        #expect(jan31.adding(months: -2).iso == "2025-11-30")
        #expect(try #require(Day(iso: "2024-02-29")).adding(years: 1).iso == "2025-02-28")
    }

    @Test func dayArithmeticCrossesYearsAndLeapDays() throws {
        let a = try #require(Day(iso: "2023-12-31"))
        #expect(a.adding(days: 1).iso == "2024-01-01")
        #expect(try #require(Day(iso: "2024-02-28")).adding(days: 1).iso == "2024-02-29")
        #expect(a.days(until: try #require(Day(iso: "2024-12-31"))) == 366)
    }

    @Test func encodesAsISOString() throws {
        let day = try #require(Day(iso: "2026-03-05"))
        let data = try RapportJSON.encoder().encode([day])
        #expect(String(decoding: data, as: UTF8.self).contains("\"2026-03-05\""))
        #expect(try RapportJSON.decode([Day].self, from: data) == [day])
    }

    @Test func yearMonthRoundTrips() throws {
        let m = try #require(YearMonth(iso: "2026-12"))
        #expect(m.adding(months: 1).iso == "2027-01")
        #expect(m.lastDay.iso == "2026-12-31")
        #expect(YearMonth(iso: "2026-13") == nil)
    }
}

@Suite struct CadenceTests {
    let start = Day(iso: "2026-01-31")!

    @Test func nextDueCountsFromLastDone() {
        #expect(Cadence.weekly.next(after: start)?.iso == "2026-02-07")
        #expect(Cadence.monthly.next(after: start)?.iso == "2026-02-28")
        #expect(Cadence.quarterly.next(after: start)?.iso == "2026-04-30")
        #expect(Cadence.yearly.next(after: start)?.iso == "2027-01-31")
        #expect(Cadence.everyDays(10).next(after: start)?.iso == "2026-02-10")
        #expect(Cadence.once.next(after: start) == nil)
    }

    @Test func parsesWhatUsersType() {
        #expect(Cadence(parsing: "Quarterly") == .quarterly)
        #expect(Cadence(parsing: "every 10 days") == .everyDays(10))
        #expect(Cadence(parsing: "every-10-days") == .everyDays(10))
        #expect(Cadence(parsing: "2w") == .everyDays(14))
        #expect(Cadence(parsing: "daily") == .everyDays(1))
        #expect(Cadence(parsing: "sometimes") == nil)
        #expect(Cadence(parsing: "every 0 days") == nil)
    }

    @Test func encodesAsCode() throws {
        let data = try RapportJSON.encoder().encode([Cadence.everyDays(60), .monthly])
        #expect(String(decoding: data, as: UTF8.self).contains("\"every-60-days\""))
        #expect(try RapportJSON.decode([Cadence].self, from: data) == [.everyDays(60), .monthly])
    }

    @Test func planItemRestartsFromLastCompletion() {
        var item = PlanItem(
            title: "Main contact meeting", cadence: .monthly, startOn: Day(iso: "2026-01-10")!)
        #expect(item.nextDue?.iso == "2026-01-10", "due from its start, not a cadence later")
        item.completions.append(PlanCompletion(day: Day(iso: "2026-02-25")!))
        #expect(item.nextDue?.iso == "2026-03-25")
        item.paused = true
        #expect(item.nextDue == nil)
        let once = PlanItem(title: "Meet the CEO", cadence: .once, startOn: Day(iso: "2026-01-10")!)
        #expect(once.nextDue?.iso == "2026-01-10")
    }
}

@Suite struct DayParserTests {
    // 2026-11-22 is a Sunday.
    let parser = DayParser(today: Day(iso: "2026-11-22")!)

    @Test func acceptsEveryDocumentedForm() throws {
        #expect(try parser.parse("2026-12-01").iso == "2026-12-01")
        #expect(try parser.parse("today").iso == "2026-11-22")
        #expect(try parser.parse("Tomorrow").iso == "2026-11-23")
        #expect(try parser.parse("yesterday").iso == "2026-11-21")
        #expect(try parser.parse("+3d").iso == "2026-11-25")
        #expect(try parser.parse("+2w").iso == "2026-12-06")
        #expect(try parser.parse("+1m").iso == "2026-12-22")
        #expect(try parser.parse("-3d").iso == "2026-11-19")
    }

    @Test func weekdaysPointForwardForFollowUpsAndBackForHistory() throws {
        #expect(try parser.parse("friday").iso == "2026-11-27")
        #expect(try parser.parse("fri").iso == "2026-11-27")
        #expect(try parser.parse("sunday").iso == "2026-11-29")
        #expect(try parser.parse("monday", direction: .past).iso == "2026-11-16")
        #expect(try parser.parse("sunday", direction: .past).iso == "2026-11-22")
    }

    @Test func badInputNamesWhatWasWrongAndWhatIsAccepted() {
        #expect(throws: InputError("'2026-02-30' is not a real calendar day; expected \(DayParser.accepted)"))
        {
            try parser.parse("2026-02-30")
        }
        #expect(throws: InputError("'soon' is not a date; expected \(DayParser.accepted)")) {
            try parser.parse("soon")
        }
        #expect(throws: InputError.self) { try parser.parse("+3x") }
    }
}
