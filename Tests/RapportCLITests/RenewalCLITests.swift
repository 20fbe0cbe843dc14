import Foundation
import Testing

/// Renewals, value at risk and the portfolio from the command line (issue 20, D50).
@Suite struct RenewalCLITests {
    func jsonObjects(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    }

    @Test func renewalTermsAreSetFilteredAndListed() throws {
        let cli = CLIHarness()
        try cli.run("init")
        let added = try cli.run(
            "account", "add", "Atlas", "--value", "1.2M", "--renews", "+40d", "--no-auto-renew", "--notice",
            "30")
        #expect(added.status == 0, "\(added.err)")
        try cli.run("account", "add", "Zenith", "--value", "300k", "--renews", "2027-06-01")
        try cli.run("account", "add", "Quiet", "--value", "50k")
        let soon = try jsonObjects(try cli.run("accounts", "--renews-within", "90", "--json").out)
        #expect(soon.map { $0["name"] as? String } == ["Atlas"])
        #expect(soon[0]["renewsOn"] as? String == "2027-01-01")
        #expect(soon[0]["renewalValue"] as? Int == 1_200_000)
        // No contacts: flags show, and it renews within 90 days, so its value is at risk.
        #expect(soon[0]["valueAtRisk"] as? Bool == true)
        #expect(soon[0]["riskReasons"] as? [String] == ["renewing-with-flags"])
        let all = try jsonObjects(try cli.run("accounts", "--json").out)
        #expect(all.first { $0["name"] as? String == "Quiet" }?["renewsOn"] is NSNull)
        let atRisk = try cli.run("accounts", "--at-risk")
        #expect(atRisk.out.contains("Atlas") && !atRisk.out.contains("Zenith"))
        let due = try cli.run("due", "--within", "60")
        #expect(due.out.contains("Prepare the renewal (30 days out)"))
        #expect(due.out.contains("Notice deadline for the renewal"))
        let show = try cli.run("show", "Atlas")
        #expect(
            show.out.contains(
                "Renews 2027-01-01 (40 days), worth €1,200,000/year; 12-month term, does not renew itself, 30 days' notice"
            ))
    }

    @Test func editingAndRenewingMoveTheRenewal() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Atlas", "--value", "1M")
        let orphan = try cli.run("account", "edit", "Atlas", "--notice", "30")
        #expect(orphan.status != 0)
        #expect(orphan.err.contains("Atlas has no renewal day: give --renews DATE with the renewal terms"))
        #expect(try cli.run("account", "edit", "Atlas", "--renews", "2026-12-01", "--term", "24").status == 0)
        let bad = try cli.run("account", "edit", "Atlas", "--term", "500")
        #expect(bad.err.contains("renewal terms: the contract term must be 1 to 120 months, not 500"))
        let renewed = try cli.run("account", "renew", "Atlas", "--value", "1.1M")
        #expect(
            renewed.out == "Renewed Atlas on 2026-11-22, worth €1,100,000 a year; next renewal 2028-12-01\n")
        #expect(try cli.account("Atlas").contract?.renewals.count == 1)
        let cleared = try cli.run("account", "edit", "Atlas", "--renews", "none")
        #expect(cleared.status == 0)
        #expect(try cli.account("Atlas").contract == nil)
    }

    @Test func thePortfolioSaysWhatRenewsAndWhatIsAtRisk() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let json = try cli.run("portfolio", "--json")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        for key in [
            "accounts", "annualValue", "lifetimeValue", "valueAtRisk", "renewing", "byHealthBand", "byFlag",
            "byOwner"
        ] {
            #expect(object[key] != nil, "portfolio --json has \(key)")
        }
        let renewing = try #require(object["renewing"] as? [String: [String: Int]])
        #expect(Set(renewing.keys) == ["30", "90", "180"])
        #expect(renewing["90"].map { Set($0.keys) } == ["count", "value", "valueAtRisk"])
        // The demo's key account renewing in 40 days with falling health.
        let soon = try jsonObjects(try cli.run("accounts", "--renews-within", "45", "--json").out)
        #expect(
            soon.contains {
                $0["name"] as? String == "Kestrel Aviation Services" && $0["valueAtRisk"] as? Bool == true
            })
        let text = try cli.run("portfolio")
        #expect(text.out.contains("Value at risk: "))
        #expect(text.out.contains("Renewals"))
        #expect(text.out.contains("Last 7 days"))
    }
}
