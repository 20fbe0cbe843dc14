import Foundation
import RapportCore
import Testing

/// Every DATE option takes the README's forms as its next argument, `-3d` included
/// (a leading dash would otherwise read as another option).
@Suite struct DateOptionTests {
    @Test func negativeRelativeDaysAreOptionValues() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let logged = try cli.run("log", "north", "Past call", "--kind", "call", "--on", "-3d")
        #expect(logged.status == 0, "\(logged.err)")
        let touch = try #require(try cli.account("north").touchpoints.first { $0.summary == "Past call" })
        #expect(touch.day.iso == "2026-11-19")
        let raised = try cli.run("concern", "north", "Past concern", "--on", "-1w", "--respond-by", "-1d")
        #expect(raised.status == 0, "\(raised.err)")
        let concern = try #require(try cli.account("north").concerns.first { $0.summary == "Past concern" })
        #expect(concern.raisedOn.iso == "2026-11-15" && concern.respondBy?.iso == "2026-11-21")
        let added = try cli.run("account", "add", "Acme", "--since", "-2y")
        #expect(added.status == 0, "\(added.err)")
        #expect(try cli.account("acme").customerSince?.iso == "2024-11-22")
        let followUp = try cli.run("log", "acme", "Call", "--kind", "call", "--follow-up", "-1m")
        #expect(followUp.status == 0, "\(followUp.err)")
        #expect(try cli.account("acme").touchpoints.last?.followUp?.iso == "2026-10-22")
    }

    @Test func aDashedValueThatIsNoDateIsNamed() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let result = try cli.run("log", "north", "x", "--kind", "call", "--on", "-soon")
        #expect(result.status == 1)
        #expect(result.err.hasPrefix("Error: '-soon' is not a date; expected YYYY-MM-DD"), "\(result.err)")
        let option = try cli.run("log", "north", "x", "--kind", "call", "--on", "--sentiment", "positive")
        #expect(option.status != 0 && option.err.contains("Unexpected argument 'positive'"), "\(option.err)")
    }
}
