import Foundation
import RapportDemo
import RapportResources
import StoreJSONCodec
import Testing

@testable import RapportCore

@Suite struct SyntheticPortfolioTests {
    let today = Day(iso: "2026-11-22")!

    func portfolio(seed: UInt64) throws -> SyntheticPortfolio {
        return SyntheticPortfolio(
            seed: seed, today: today,
            playbook: try RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: try RapportJSON.decode(
                LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1)
            )
            .questionSet(version: 1, introducedOn: today.adding(years: -3)))
    }

    @Test func theSameSeedGivesTheSameAccountsAndAnotherSeedOthers() throws {
        let a = try portfolio(seed: 7)
        let b = try portfolio(seed: 7)
        let c = try portfolio(seed: 8)
        #expect((0..<20).map(a.account) == (0..<20).map(b.account))
        #expect(a.account(3) != c.account(3))
        #expect(Set((0..<500).map { a.account($0).id }).count == 500)
        #expect(Set((0..<500).map { a.account($0).name }).count == 500)
    }

    @Test func recordCountsAreRealistic() throws {
        let p = try portfolio(seed: 2026)
        let accounts = (0..<300).map(p.account)
        func average(_ f: (Account) -> Int) -> Double {
            Double(accounts.map(f).reduce(0, +)) / Double(accounts.count)
        }
        #expect((4.5...5.5).contains(average { $0.contacts.count }))
        #expect((45...55).contains(average { $0.touchpoints.count }))
        #expect((1.5...2.5).contains(average { $0.concerns.count }))
        #expect(
            accounts.allSatisfy {
                $0.plan != nil && !$0.litmusChecks.isEmpty && $0.validate(today: today).isEmpty
            })
        #expect((0.12...0.28).contains(average { $0.worksheets.count }))
        #expect(
            Set(accounts.map(\.tier)) == Set(Tier.allCases)
                && Set(accounts.map(\.status)) == Set(AccountStatus.allCases))
    }
}

/// What the accounts table's Next column shows.
@Suite struct NextDueTests {
    @Test func nextDueIsTheEarliestOpenFollowUpNotTheMostUrgent() throws {
        let today = Day(iso: "2026-11-22")!
        let portfolio = try SyntheticPortfolioTests().portfolio(seed: 11)
        var differs = 0
        for i in 0..<120 {
            let account = portfolio.account(i)
            let items = DueList.scored(account, on: today, policy: DuePolicy())
            let summary = AccountSummary(AccountDigest(account, policy: DuePolicy()), today: today)
            #expect(summary.nextDue == items.map(\.due).min())
            if DueList.next(for: account, on: today, policy: DuePolicy())?.due
                != items.max(by: {
                    $0.score < $1.score
                })?.due
            {
                differs += 1
            }
        }
        // The most urgent item is often not the earliest: the test would catch the mix-up.
        #expect(differs > 0)
    }
}
