import StoreJSONCodec
import Testing

@testable import RapportCore

/// The loss record: stored only when there is one, edited field by field with the facts.
@Suite struct LossRecordTests {
    let today = Day(iso: "2026-11-22")!

    var account: Account {
        Account(name: "Bluewater", annualValue: 400_000, createdOn: today.adding(days: -900))
    }

    @Test func anAccountWithoutALossStoresNoLossMember() throws {
        let text = String(decoding: try RapportJSON.encode(account), as: UTF8.self)
        #expect(!text.contains("\"loss\""))
        #expect(!text.contains("checkupRequestedOn"))
    }

    @Test func losingAnAccountFromTheCommandLineDefaultsToTodayAndItsValue() throws {
        var facts = AccountFacts(account)
        facts.status = .lost
        let mine = try LossChange().applied(to: facts, from: AccountFacts(account), today: today)
        #expect(mine.loss == LossRecord(lostOn: today, valueLost: 400_000))
        var change = LossChange()
        change.reasons = [.price]
        change.wonBy = "Acme"
        let named = try change.applied(to: facts, from: AccountFacts(account), today: today)
        #expect(named.loss?.reasons == [.price] && named.loss?.wonBy == "Acme")
    }

    @Test func lossFieldsOnAnActiveAccountOrAFutureDayAreRefused() {
        var change = LossChange()
        change.wonBy = "Acme"
        #expect(throws: InputError("Bluewater is active: a loss is recorded with --status lost or former")) {
            try change.applied(to: AccountFacts(account), from: AccountFacts(account), today: today)
        }
        var facts = AccountFacts(account)
        facts.status = .lost
        change.lostOn = today.adding(days: 1)
        #expect(throws: InputError("--lost-on 2026-11-23 is in the future; give today or a past day")) {
            try change.applied(to: facts, from: AccountFacts(account), today: today)
        }
    }

    @Test func anAccountLostAgainGetsANewLossAndAGoneOneKeepsItsOwn() throws {
        var back = account
        back.loss = LossRecord(lostOn: today.adding(days: -400), valueLost: 90_000, reasons: [.price])
        var lostAgain = AccountFacts(back)
        lostAgain.status = .lost
        let again = try LossChange().applied(to: lostAgain, from: AccountFacts(back), today: today)
        #expect(again.loss == LossRecord(lostOn: today, valueLost: 400_000))
        back.status = .lost
        var former = AccountFacts(back)
        former.status = .former
        let kept = try LossChange().applied(to: former, from: AccountFacts(back), today: today)
        #expect(kept.loss == back.loss)
    }

    @Test func badReasonCodesAreNamedWithTheAcceptedOnes() throws {
        #expect(try LossRecord.parseReasons("price, Champion left,price") == [.price, .championLeft])
        #expect(
            throws: InputError(
                "'cost' is not a loss reason; expected price, competitor, champion-left, poor-service, "
                    + "budget-cut, merger, no-senior-relationship or other")
        ) { try LossRecord.parseReasons("price, cost") }
    }

    @Test func recordingTheLossKeepsAConcurrentEditOfAnotherField() throws {
        let shown = account
        var mine = AccountFacts(shown)
        mine.status = .lost
        mine.loss = LossRecord(lostOn: today, valueLost: 300_000, reasons: [.competitor], wonBy: "Acme")
        var stored = shown
        stored.notes = "Their CFO left in June"
        stored.owner = "Tom"
        try Mutation.editFacts(base: AccountFacts(shown), mine: mine).apply(to: &stored, today: today)
        #expect(stored.status == .lost && stored.loss == mine.loss)
        #expect(stored.notes == "Their CFO left in June" && stored.owner == "Tom")
    }

    @Test func twoEditsOfDifferentLossFieldsBothSurvive() throws {
        var shown = account
        shown.status = .lost
        shown.loss = LossRecord(lostOn: today, valueLost: 400_000)
        var mine = AccountFacts(shown)
        mine.lossReasons = [.budgetCut]
        var stored = shown
        stored.loss?.wonBy = "Acme"
        try Mutation.editFacts(base: AccountFacts(shown), mine: mine).apply(to: &stored, today: today)
        #expect(stored.loss?.reasons == [.budgetCut] && stored.loss?.wonBy == "Acme")
    }

    @Test func theLossIsKeptWhenTheAccountComesBack() throws {
        var lost = account
        lost.status = .lost
        lost.loss = LossRecord(lostOn: today.adding(days: -30), valueLost: 400_000, reasons: [.price])
        var mine = AccountFacts(lost)
        mine.status = .active
        try Mutation.editFacts(base: AccountFacts(lost), mine: mine).apply(to: &lost, today: today)
        #expect(lost.status == .active && lost.loss?.reasons == [.price])
        #expect(
            lost.loss?.line(currency: "EUR", money: Money.full)
                == "Lost 2026-10-23 · €400,000 a year · price")
    }
}
