import Testing

@testable import RapportCore

/// The facts kept per account by the hundred thousand keep their optional days and
/// numbers in four bytes each: what is given is what is read back, nil included, and a
/// value beyond 32 bits is kept as the nearest one that fits.
@Suite struct PackedValuesTests {
    @Test func aDayOrNumberIsReadBackAsGiven() {
        let today = Day(iso: "2026-12-03")!
        for day in [nil, today, Day(ordinal: -1), Day(ordinal: Int(Int32.max))] {
            #expect(PackedDay(wrappedValue: day).wrappedValue == day)
        }
        #expect(
            PackedDay(wrappedValue: Day(ordinal: Int(Int32.max) + 1)).wrappedValue
                == Day(ordinal: Int(Int32.max)))
        #expect(
            PackedDay(wrappedValue: Day(ordinal: Int(Int32.min))).wrappedValue
                == Day(ordinal: Int(Int32.min) + 1))
        for n in [nil, 0, 100, -100, Int(Int32.max)] { #expect(PackedInt(wrappedValue: n).wrappedValue == n) }
        #expect(
            PackedInt(wrappedValue: .max).wrappedValue == Int(Int32.max)
                && PackedInt(wrappedValue: .min).wrappedValue == Int(Int32.min) + 1)
        #expect(MemoryLayout<PackedDay>.size == 4 && MemoryLayout<PackedInt>.size == 4)
    }

    @Test func digestsSummariesAndTraitsKeepTheirFactsInLessRoom() throws {
        #expect(MemoryLayout<AccountDigest>.stride <= 248)
        #expect(MemoryLayout<AccountSummary>.stride <= 200)
        #expect(MemoryLayout<AccountTraits>.stride <= 48)
        #expect(MemoryLayout<AccountTraits.MonthlyHealth>.stride == 12)
        let today = Day(iso: "2026-12-03")!
        let portfolio = try syntheticPortfolio(seed: 3, today: today)
        for account in (0..<200).map({ portfolio.account($0) }) {
            let digest = AccountDigest(account, policy: DuePolicy())
            let summary = AccountSummary(digest, today: today)
            #expect(digest.lastTouch == account.lastTouch && summary.lastTouch == account.lastTouch)
            #expect(digest.health == account.health && summary.health == account.health)
            #expect(
                digest.healthChange == account.healthChange && summary.healthChange == account.healthChange)
            #expect(digest.traits.renewsOn == account.contract?.renewsOn)
            #expect(summary.renewsOn == account.contract?.renewsOn)
            #expect(summary.renewsInDays == account.contract.map { today.days(until: $0.renewsOn) })
            #expect(summary.nextDue == DueList.next(for: account, on: today, policy: DuePolicy())?.due)
            let months = digest.traits.healthByMonth
            #expect(
                months.map(\.score)
                    == months.map { m in
                        account.litmusHistory.last { YearMonth($0.day) == m.month }!.score
                    })
        }
    }
}
