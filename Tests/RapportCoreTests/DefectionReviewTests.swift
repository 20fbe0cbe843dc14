import Testing

@testable import RapportCore

/// The look back over hand-built histories: each kind of sign with its first day, and a
/// healthy history in which none is found.
@Suite struct DefectionReviewTests {
    /// The loss day; every history below is dated from it.
    let lost = Day(iso: "2026-10-01")!
    func d(_ offset: Int) -> Day { lost.adding(days: offset) }
    func id(_ s: String) -> RecordID { RecordID(rawValue: s)! }

    /// Three contacts (one senior), touched within their maximum, a concern answered in
    /// time, a rising score, a monthly plan item done on time.
    var healthy: Account {
        var a = Account(name: "Bluewater", annualValue: 400_000, createdOn: d(-400))
        let keep = KeepInTouch(idealDays: 14, maximumDays: 30)
        a.contacts = [
            Contact(id: id("con-ana"), name: "Ana Ruiz", level: .main, keepInTouch: keep),
            Contact(id: id("con-bo"), name: "Bo Lind", level: .senior),
            Contact(id: id("con-cy"), name: "Cy Park", level: .indirect)
        ]
        a.touchpoints = stride(from: -200, through: -10, by: 20).map {
            Touchpoint(day: d($0), kind: .call, contactIDs: [id("con-ana")], summary: "Weekly call")
        }
        a.concerns = [
            Concern(
                raisedOn: d(-100), summary: "Invoice format", severity: .low, respondBy: d(-90),
                respondedOn: d(-95))
        ]
        a.litmusChecks = [
            LitmusCheck(day: d(-200), version: 1, answers: [LitmusAnswer(questionID: "senior", value: 2)]),
            LitmusCheck(day: d(-20), version: 1, answers: [LitmusAnswer(questionID: "senior", value: 3)])
        ]
        let item = PlanItem(
            title: "Monthly review", cadence: .monthly, startOn: d(-90),
            completions: [d(-90), d(-60), d(-29)].map { PlanCompletion(day: $0) })
        a.plan = RelationshipPlan(createdOn: d(-90), items: [item])
        a.risks = [Risk(disruption: "A giant enters", identifiedOn: d(-50))]
        a.status = .lost
        a.loss = LossRecord(lostOn: lost, valueLost: 400_000)
        return a
    }

    func review(_ a: Account) -> DefectionReview { DefectionReview.ofLoss(a)! }

    @Test func aHealthyHistoryShowsNoSign() {
        #expect(review(healthy).signs == [])
    }

    @Test func concernsAnsweredLateOrNeverShowFromTheDayAfterTheyWereDue() {
        var a = healthy
        a.concerns += [
            Concern(raisedOn: d(-150), summary: "Late reports", respondBy: d(-140), respondedOn: d(-120)),
            Concern(raisedOn: d(-60), summary: "Outage credit", severity: .high),
            Concern(raisedOn: d(-1), summary: "Too late to count", severity: .low)
        ]
        let sign = review(a).sign(.lateConcern)
        #expect(sign?.since == d(-139) && sign?.days(before: lost) == 139)
        #expect(
            sign?.details == [
                "“Late reports” answered 20 days late", "“Outage credit” never answered (due 2026-08-04)"
            ])
    }

    @Test func negativeTouchpointsAndHardSeasonsShowOnTheirDays() {
        var a = healthy
        a.touchpoints.append(
            Touchpoint(day: d(-45), kind: .meeting, summary: "Complained about price", sentiment: .negative))
        a.changeSeason(to: .tension, on: d(-40), reason: "Price rise")
        a.changeSeason(to: .disruption, on: d(-5), reason: "New legislation")
        let r = review(a)
        #expect(r.sign(.negativeTouch)?.details == ["2026-08-17 meeting: Complained about price"])
        #expect(r.sign(.tension)?.days(before: lost) == 40)
        #expect(r.sign(.disruption)?.details == ["2026-09-26 disruption: New legislation"])
        #expect(r.signs.map(\.kind) == [.negativeTouch, .tension, .disruption], "earliest first")
    }

    @Test func aFallingScoreNamesTheAnswersThatDropped() {
        var a = healthy
        a.litmusChecks.append(
            LitmusCheck(day: d(-10), version: 1, answers: [LitmusAnswer(questionID: "senior", value: 1)]))
        let questions = [
            LitmusQuestionSet(
                version: 1, introducedOn: d(-500), questions: [LitmusQuestion(id: "senior", text: "Senior?")])
        ]
        let sign = DefectionReview(a, before: lost, questions: questions).sign(.fallingScore)
        #expect(sign?.since == d(-10))
        #expect(sign?.details == ["2026-09-21: score 75 → 25; dropped: “Senior?” 3→1"])
    }

    @Test func aChampionLeavingLeavesNobodySeniorAndSingleThreaded() {
        var a = healthy
        a.contacts[1].leftOn = d(-140)
        a.contacts[2].leftOn = d(-100)
        let r = review(a)
        #expect(r.sign(.championLeft)?.details == ["Bo Lind (senior leader) left on 2026-05-14"])
        #expect(r.sign(.contactLeft)?.since == d(-100))
        #expect(r.sign(.noSenior)?.since == d(-140))
        #expect(r.sign(.singleThreaded)?.details == ["only Ana Ruiz since 2026-06-23"])
        #expect(r.summary == "4 warning signs before the loss; we had 140 days from the first warning")
    }

    @Test func anAccountThatNeverKnewAnyoneSeniorShowsItFromItsStart() {
        var a = healthy
        a.contacts.removeSubrange(1...)
        let r = review(a)
        #expect(r.sign(.noSenior)?.since == a.createdOn)
        #expect(r.sign(.singleThreaded)?.days(before: lost) == 400)
        #expect(r.warningDays == nil, "a weakness from the start is not a dated warning")
        #expect(r.summary == "2 warning signs before the loss, every one there from the start")
    }

    @Test func aGapPastTheKeepInTouchMaximumShowsTheDayAfterTheMaximum() {
        var a = healthy
        a.touchpoints.removeAll { $0.day > d(-100) }
        let sign = review(a).sign(.outOfTouch)
        #expect(sign?.since == d(-69))
        #expect(sign?.details == ["Ana Ruiz: 100 days without a touch from 2026-06-23 (at most 30)"])
    }

    @Test func aPlanItemNotDoneByItsDueDayIsOverdueFromTheDayAfter() {
        var a = healthy
        a.plan?.items[0].completions.removeLast()
        let sign = review(a).sign(.planOverdue)
        #expect(sign?.since == d(-28) && sign?.details == ["“Monthly review” due 2026-09-02, not done"])
    }

    @Test func aRiskMarkedOccurredShowsFromItsDay() {
        var a = healthy
        a.risks[0].state = .occurred
        a.risks[0].occurredOn = d(-30)
        #expect(review(a).sign(.riskOccurred)?.days(before: lost) == 30)
    }

    @Test func whatHappenedAfterTheLossIsNotASign() {
        var a = healthy
        a.contacts[0].leftOn = d(5)
        a.touchpoints.append(Touchpoint(day: d(2), kind: .call, summary: "Exit call", sentiment: .negative))
        #expect(review(a).signs == [])
    }
}
