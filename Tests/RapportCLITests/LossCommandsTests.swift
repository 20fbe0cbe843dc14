import Foundation
import RapportCore
import Testing

/// `review`, `sweep` and `losses` (D48), over the demo with Brightline Energy lost.
@Suite struct LossCommandsTests {
    /// The demo, with Brightline Energy lost on 2026-11-01 for its price.
    func store() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.run("demo")
        let lost = try cli.run(
            "account", "edit", "bright", "--status", "lost", "--lost-on", "2026-11-01", "--loss-reason",
            "price")
        #expect(lost.status == 0, "\(lost.err)")
        return cli
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func reviewListsEachSignWithItsDayAndTheDaysBeforeTheLoss() throws {
        let cli = try store()
        let review = try cli.run("review", "bright")
        #expect(review.status == 0, "\(review.err)")
        let lines = review.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "Brightline Energy · Lost 2026-11-01 · €980,000 a year · price")
        #expect(lines[1] == "6 warning signs before the loss; we had 199 days from the first warning:")
        #expect(lines.contains("  2026-09-08  54 days before the loss  a season of tension [tension]"))
        #expect(lines.contains("      2026-09-08 tension: Repeated billing-run delays"))
        let json = try object(try cli.run("review", "bright", "--json").out)
        #expect(json["lostOn"] as? String == "2026-11-01" && json["valueLost"] as? Int == 980_000)
        let signs = try #require(json["signs"] as? [[String: Any]])
        let tension = try #require(signs.first { $0["code"] as? String == "tension" })
        #expect(tension["since"] as? String == "2026-09-08" && tension["daysBeforeLoss"] as? Int == 54)
    }

    @Test func reviewOfAnAccountWithoutALossSaysHowToRecordOne() throws {
        let cli = try store()
        let result = try cli.run("review", "vantage")
        #expect(result.status != 0)
        #expect(
            result.err
                == "Error: Vantage Telecom has no loss recorded; a review looks back from one: "
                + "rapport account edit 'Vantage Telecom' --status lost\n")
    }

    @Test func sweepRanksActiveAccountsByMatchingSignsThenValueAndSchedulesCheckups() throws {
        let cli = try store()
        let result = try cli.run("sweep", "--like", "bright", "--json")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        #expect(!rows.contains { $0["name"] as? String == "Brightline Energy" }, "only active accounts")
        let ranks = rows.map { (($0["signs"] as? [Any])?.count ?? 0, $0["annualValue"] as? Int ?? 0) }
        #expect(zip(ranks, ranks.dropFirst()).allSatisfy { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 >= $1.1) })
        let allowed: Set = [
            "negative-touch", "falling-score", "no-senior", "out-of-touch", "risk-occurred", "tension"
        ]
        let codes = rows.flatMap {
            ($0["signs"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        }
        #expect(Set(codes).isSubset(of: allowed), "only the lost account's signs")

        let text = try cli.run("sweep", "--like", "bright", "--schedule")
        let first = try #require(rows.first?["name"] as? String)
        #expect(text.out.contains("\n\(first) · "))
        #expect(text.out.hasSuffix("Asked for a litmus check-up on each, due 2026-11-22\n"))
        let due = try #require(
            try JSONSerialization.jsonObject(with: Data(cli.run("due", "--json").out.utf8))
                as? [[String: Any]])
        let litmus = due.first { $0["account"] as? String == first && $0["source"] as? String == "litmus" }
        #expect(litmus?["due"] as? String == "2026-11-22")
        #expect((litmus?["why"] as? String)?.contains("a check-up was asked for by 2026-11-22") == true)
    }

    @Test func sweepOfAnAccountWithoutALossIsRefused() throws {
        let cli = try store()
        let result = try cli.run("sweep", "--like", "vantage")
        #expect(
            result.err
                == "Error: --like Vantage Telecom: it has no loss recorded; name a lost account with one\n")
    }

    @Test func lossesSumsValueByQuarterAndReasonWithTheSignsAndMedianWarning() throws {
        let cli = try store()
        let json = try object(try cli.run("losses", "--json").out)
        for key in ["accounts", "valueLost", "byReason", "bySign", "medianWarningDays"] {
            #expect(json.keys.contains(key), "\(key)")
        }
        let accounts = try #require(json["accounts"] as? [[String: Any]])
        let bright = try #require(accounts.first { $0["name"] as? String == "Brightline Energy" })
        #expect(bright["reasons"] as? [String] == ["price"] && bright["valueLost"] as? Int == 980_000)
        let sign = try #require((bright["signs"] as? [[String: Any]])?.first)
        #expect(Set(sign.keys).isSuperset(of: ["code", "since", "daysBeforeLoss"]))
        let byReason = try #require(json["byReason"] as? [String: [String: Int]])
        #expect((byReason["price"]?["valueLost"] ?? 0) >= 980_000)

        let text = try cli.run("losses").out
        #expect(text.hasPrefix("2 accounts lost, €1,290,000 a year\n"))
        #expect(text.contains("\nValue lost per quarter\n  2026 Q3  €310,000\n  2026 Q4  €980,000\n"))
        #expect(text.contains("\nSigns most often present before a loss\n"))
        #expect(text.hasSuffix("\nMedian warning time: 199 days from the first warning to the loss\n"))
        let none = try cli.run("losses", "--since", "2026-11-15")
        #expect(
            none.out
                == "No loss recorded since 2026-11-15; "
                + "record one with rapport account edit ACCOUNT --status lost\n"
        )
        #expect(try cli.run("losses", "--since", "someday").err.hasPrefix("Error: --since "))
    }
}
