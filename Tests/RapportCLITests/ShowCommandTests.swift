import Foundation
import RapportCore
import StoreJSONCodec
import Testing

/// `rapport show`: the whole account as text, expectations and goals included.
@Suite struct ShowCommandTests {
    @Test func showIncludesTheExpectationsTheirGoalsAndTheNotes() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Acme")
        var acme = try cli.account("acme")
        acme.notes = "Prefers calls before ten"
        acme.expectations = [
            ExpectationSet(
                title: "Rollout 2027", raveReviews: "Every depot live by March", reportFrequency: .monthly,
                metTheTeam: true,
                goals: [
                    Goal(
                        text: "All 40 depots on the new system", probability: 50,
                        barriers: [
                            Barrier(text: "Depot staff training", underOurControl: true),
                            Barrier(text: "Their budget freeze", underOurControl: false)
                        ])
                ])
        ]
        // The file as a save writes it: the account beside its schema.
        let url = URL(fileURLWithPath: cli.store + "/accounts/\(acme.id).json")
        var file = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        file["account"] = try JSONSerialization.jsonObject(with: RapportJSON.encode(acme))
        try JSONSerialization.data(withJSONObject: file).write(to: url)
        let result = try cli.run("show", "acme")
        let out = result.out + result.err
        let expected = """

            Expectations: Rollout 2027
              rave reviews if: Every depot live by March
              report frequency: monthly
              met the team: yes
              still blank: previous suppliers: liked, previous suppliers: disliked, report channel, \
            in-person meetings, delivery dates, dates agreed, what and how, how we work, what we need \
            from them, who does what, if we miss
              goal (50%): All 40 depots on the new system — a coin toss or worse; barriers: Depot staff \
            training (ours), Their budget freeze (not ours)

            Notes
              Prefers calls before ten

            """
        #expect(out.hasSuffix(expected), "\(out)")
    }
}

/// `rapport search` across the store.
@Suite struct SearchCommandTests {
    @Test func searchFindsATouchpointByItsWordsWhateverTheirCaseAndAccents() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Grüner Stahl")
        try cli.run("account", "add", "Atlas")
        try cli.run("log", "grüner", "Discussed the EV transition with Élodie", "--kind", "call")
        let text = try cli.run("search", "ev", "transition", "elodie")
        #expect(text.status == 0)
        #expect(
            text.out == """
                ACCOUNT       KIND        DAY         TEXT
                Grüner Stahl  touchpoint  2026-11-22  Discussed the EV transition with Élodie
                1 match

                """)
        let json = try cli.run("search", "--json", "GRUNER")
        #expect(json.out.contains("\"account\":\"Grüner Stahl\",\"accountID\":"))
        #expect(json.out.contains("\"kind\":\"account\",\"recordID\":null"))
        #expect(try cli.run("search", "nowhere").out == "Nothing matches 'nowhere'.\n")
    }
}
