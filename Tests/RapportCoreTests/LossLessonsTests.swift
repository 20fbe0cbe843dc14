import Testing

@testable import RapportCore

/// What losses teach together, the sweep's ranking, and the check-up it asks for (D48).
@Suite struct LossLessonsTests {
    let today = Day(iso: "2026-11-22")!

    func lost(_ name: String, daysAgo: Int, value: Int, reasons: [LossReason], championLeftDaysBefore: Int?)
        -> Account
    {
        var a = Account(name: name, annualValue: value, createdOn: today.adding(days: -2000))
        a.contacts = [
            Contact(name: "\(name) senior", level: .senior), Contact(name: "\(name) other", level: .indirect)
        ]
        let lostOn = today.adding(days: -daysAgo)
        if let before = championLeftDaysBefore {
            a.contacts.append(
                Contact(name: "\(name) main", level: .main, leftOn: lostOn.adding(days: -before)))
        }
        a.status = .lost
        a.loss = LossRecord(lostOn: lostOn, valueLost: value, reasons: reasons)
        return a
    }

    @Test func lessonsSumByQuarterAndReasonCountSignsAndTakeTheMedianWarning() {
        let lessons = LossLessons([
            lost("A", daysAgo: 300, value: 100_000, reasons: [.price], championLeftDaysBefore: 40),
            lost("B", daysAgo: 250, value: 50_000, reasons: [.price, .merger], championLeftDaysBefore: 90),
            lost("C", daysAgo: 10, value: 200_000, reasons: [.budgetCut], championLeftDaysBefore: nil),
            Account(name: "Active", annualValue: 999_999, createdOn: today)
        ])
        #expect(lessons.losses.map(\.account.name) == ["A", "B", "C"])
        #expect(lessons.valueLost == 350_000)
        #expect(lessons.byQuarter.map(\.quarter) == ["2026 Q1", "2026 Q4"])
        #expect(lessons.byQuarter.map(\.value) == [150_000, 200_000])
        #expect(lessons.byReason.map(\.reason) == [.budgetCut, .price, .merger])
        #expect(lessons.byReason.first { $0.reason == .price }.map { [$0.count, $0.value] } == [2, 150_000])
        #expect(lessons.bySign.map(\.kind) == [.championLeft])
        #expect(lessons.medianWarningDays == 40, "the lower middle of 40 and 90; C showed no sign")
        #expect(
            LossLessons(lessons.losses.map(\.account), since: today.adding(days: -20)).valueLost == 200_000)
    }

    /// Losses at the largest amount accepted add up past `Int.max`: the sums stop there,
    /// as the portfolio's do (they trapped).
    @Test func valueLostStopsAtTheLargestNumberInsteadOfCrashing() {
        let one = lost(
            "Max", daysAgo: 30, value: Money.maximum, reasons: [.price], championLeftDaysBefore: nil)
        let lessons = LossLessons(Array(repeating: one, count: 9_300))
        #expect(lessons.valueLost == Int.max)
        #expect(lessons.byQuarter.map(\.value) == [Int.max])
        #expect(lessons.byReason.map(\.value) == [Int.max])
    }

    @Test func theSweepRanksByMatchingSignsThenValueAndLeavesGoneAccountsOut() {
        var thin = Account(name: "Thin", annualValue: 10_000, createdOn: today.adding(days: -500))
        thin.contacts = [Contact(name: "Only", level: .main)]
        var big = Account(name: "Big", annualValue: 900_000, createdOn: today.adding(days: -500))
        big.contacts = [Contact(name: "Main", level: .main), Contact(name: "Ops", level: .indirect)]
        var bigger = big
        bigger.name = "Bigger"
        bigger.annualValue = 2_000_000
        var healthy = big
        healthy.name = "Healthy"
        healthy.contacts.append(Contact(name: "Boss", level: .senior))
        var gone = thin
        gone.status = .former
        let kinds: Set<DefectionSignKind> = [.noSenior, .singleThreaded]
        let matches = DefectionSweep.matches([big, thin, healthy, gone, bigger], kinds: kinds, today: today)
        #expect(matches.map(\.name) == ["Thin", "Bigger", "Big"])
        #expect(matches[0].signs.map(\.kind) == [.noSenior, .singleThreaded])
    }

    @Test func aRequestedCheckupMakesTheLitmusTestDueUntilOneIsTaken() throws {
        var a = Account(name: "Thin", createdOn: today.adding(days: -500))
        a.litmusChecks = [LitmusCheck(day: today.adding(days: -30), version: 1, answers: [])]
        func litmusDue() -> Day? { a.followUps(policy: DuePolicy()).first { $0.ref == .litmus }?.due }
        #expect(litmusDue() == today.adding(days: 335))
        try Mutation.requestCheckup(due: today).apply(to: &a, today: today)
        #expect(litmusDue() == today)
        a.litmusChecks.append(LitmusCheck(day: today, version: 1, answers: []))
        #expect(litmusDue() == today.adding(days: 365), "a check taken answers the request")
    }
}
