import Foundation
import RapportCore
import StoreJSONCodec
import Testing

/// Days outside 1900-01-01…2199-12-31 are refused wherever they come from.
@Suite struct DayRangeTests {
    let parser = DayParser(today: Day(iso: "2026-11-22")!)
    let range = "1900-01-01 to 2199-12-31"

    @Test func everyFormOfDayIsRefusedOutsideTheSupportedDays() {
        let refused = [
            ("+100000m", "'+100000m' (10360-03-22) is outside the supported days, \(range)"),
            ("-24400m", "'-24400m' (-0007-07-22) is outside the supported days, \(range)"),
            ("+2000y", "'+2000y' (4026-11-22) is outside the supported days, \(range)"),
            ("-99999w", "'-99999w' (0110-05-18) is outside the supported days, \(range)"),
            ("+99999999999999999999d", "'+99999999999999999999d' is outside the supported days, \(range)"),
            ("+200001d", "'+200001d' is outside the supported days, \(range)"),
            ("1899-12-31", "'1899-12-31' is outside the supported days, \(range)"),
            ("2200-01-01", "'2200-01-01' is outside the supported days, \(range)"),
            ("10359-10-15", "'10359-10-15' is outside the supported days, \(range)")
        ]
        for (text, message) in refused {
            #expect(throws: InputError(message), "\(text)") { try parser.parse(text) }
        }
        #expect(throws: InputError("'--9223372036854775808d' is not a date; expected \(DayParser.accepted)"))
        {
            try parser.parse("--9223372036854775808d")
        }
        #expect(throws: InputError("'+-5d' is not a date; expected \(DayParser.accepted)")) {
            try parser.parse("+-5d")
        }
    }

    @Test func theFirstAndLastSupportedDaysAreAccepted() throws {
        #expect(try parser.parse("1900-01-01").iso == "1900-01-01")
        #expect(try parser.parse("2199-12-31").iso == "2199-12-31")
        let lastDay = DayParser(today: Day(iso: "2199-12-31")!)
        #expect(try lastDay.parse("today").iso == "2199-12-31")
        #expect(throws: InputError("'tomorrow' (2200-01-01) is outside the supported days, \(range)")) {
            try lastDay.parse("tomorrow")
        }
        #expect(throws: InputError.self) { try lastDay.parse("fri") }
        #expect(try lastDay.parse("fri", direction: .past) <= lastDay.today)
    }

    /// An account file's day, as JSON.
    struct Dated: Codable {
        var day: Day
        var month: YearMonth
    }

    @Test func aStoredDayOutsideTheRangeIsRefusedWithItsReason() throws {
        func reason(_ json: String) -> String? {
            do {
                _ = try RapportJSON.decode(Dated.self, from: Data(json.utf8))
                return nil
            } catch DecodingError.dataCorrupted(let context) {
                return context.debugDescription
            } catch {
                return "\(error)"
            }
        }
        #expect(reason(#"{"day":"2026-11-22","month":"2026-11"}"#) == nil)
        #expect(
            reason(#"{"day":"2500-01-01","month":"2026-11"}"#)
                == "'2500-01-01' is outside the supported days, \(range)")
        #expect(
            reason(#"{"day":"1900-01-01","month":"1899-12"}"#)
                == "'1899-12' is outside the supported months, 1900-01 to 2199-12")
    }

    @Test func aReadingMonthIsASupportedMonth() throws {
        try YearMonth.validateSupported(YearMonth(iso: "1900-01")!)
        #expect(throws: InputError("'2200-01' is outside the supported months, 1900-01 to 2199-12")) {
            try YearMonth.validateSupported(YearMonth(iso: "2200-01")!)
        }
    }
}
