import Foundation
import RapportCore
import Testing

/// A day the command line accepts can be written, read back and shown: days outside
/// 1900-01-01…2199-12-31 are refused where they are typed and reported where a file
/// holds them.
@Suite struct DayRangeCLITests {
    let range = "is outside the supported days, 1900-01-01 to 2199-12-31"

    @Test func daysOutsideTheRangeAreRefusedAndChangeNothing() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let before = try cli.accountFiles().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let cases: [([String], String)] = [
            (["log", "north", "x", "--kind", "call", "--follow-up", "+100000m"], "'+100000m' (10360-03-22)"),
            (["log", "north", "x", "--kind", "call", "--on=-24400m"], "'-24400m' (-0007-07-22)"),
            (["log", "north", "x", "--kind", "call", "--follow-up", "2200-01-01"], "'2200-01-01'"),
            (["concern", "north", "x", "--respond-by", "+999999999999d"], "'+999999999999d'"),
            (["concern", "north", "x", "--on=-200y"], "'-200y' (1826-11-22)"),
            (["account", "add", "Old", "--since", "1899-12-31"], "'1899-12-31'")
        ]
        for (args, value) in cases {
            let result = try cli.run(args)
            #expect(result.status == 1, "\(args)")
            #expect(result.err == "Error: \(value) \(range)\n", "\(args)")
        }
        let after = try cli.accountFiles().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(before == after)
        #expect(try cli.account("north").name == "Northwind Logistics")
        let edge = try cli.run("log", "north", "edge", "--kind", "call", "--follow-up", "2199-12-31")
        #expect(edge.status == 0, "\(edge.err)")
        #expect(try cli.account("north").touchpoints.last?.followUp?.iso == "2199-12-31")
    }

    @Test func aPinnedTodayOutsideTheRangeIsRefused() throws {
        let cli = CLIHarness()
        try cli.run("init")
        cli.environment = ["RAPPORT_TODAY": "2300-01-01"]
        let result = try cli.run("due")
        #expect(result.status == 1)
        #expect(result.err == "Error: RAPPORT_TODAY: '2300-01-01' \(range)\n")
    }

    @Test func aStoredDayOutsideTheRangeIsReportedAndTheRestStillList() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Acme")
        try cli.run("account", "add", "Globex")
        try cli.run("log", "acme", "Call", "--kind", "call", "--follow-up", "2027-01-10")
        let victim = try #require(
            try cli.accountFiles().first {
                try String(contentsOfFile: $0, encoding: .utf8).contains("2027-01-10")
            })
        let text = try String(contentsOfFile: victim, encoding: .utf8)
        try text.replacingOccurrences(of: "2027-01-10", with: "10359-10-15").write(
            toFile: victim, atomically: true, encoding: .utf8)
        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.out.contains("\(victim): "), "\(check.out)")
        #expect(check.out.contains("'10359-10-15' is not a calendar day"), "\(check.out)")
        try text.replacingOccurrences(of: "2027-01-10", with: "2500-01-01").write(
            toFile: victim, atomically: true, encoding: .utf8)
        let again = try cli.run("check")
        #expect(again.status == 1)
        #expect(again.out.contains("'2500-01-01' \(range)"), "\(again.out)")
        let list = try cli.run("accounts")
        #expect(list.status == 0 && list.out.hasSuffix("1 account\n"), "\(list.out)")
        #expect(list.err.contains(victim))
    }
}
