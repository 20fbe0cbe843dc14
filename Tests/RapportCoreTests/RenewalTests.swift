import Foundation
import RapportCore
import Testing

/// Renewals (issue 20, D50): their follow-ups, marking them renewed, the flag when one passes.
@Suite struct RenewalTests {
    let today = Day(iso: "2026-11-22")!
    func day(_ offset: Int) -> Day { today.adding(days: offset) }

    func account(renewsIn days: Int, tier: Tier = .key, setDaysAgo: Int = 300) -> Account {
        var a = Account(name: "Atlas", owner: "Ana", tier: tier, annualValue: 1_000_000, createdOn: day(-900))
        a.contract = Contract(renewsOn: day(days), setOn: day(-setDaysAgo))
        return a
    }

    func items(_ a: Account) -> [FollowUp] {
        a.followUps(policy: DuePolicy()).filter {
            [.renewal, .renewalDay, .renewalNotice].contains($0.source)
        }
    }

    @Test func preparationFallsDueAtTheFirstOffsetNotYetMet() throws {
        var a = account(renewsIn: 200)
        #expect(items(a).first { $0.source == .renewal }?.due == day(200 - 180))
        #expect(items(a).first { $0.source == .renewal }?.title == "Prepare the renewal (180 days out)")
        try a.complete(.renewal, DueCompletion(day: day(20)))
        #expect(items(a).first { $0.source == .renewal }?.due == day(200 - 90))
        // Standard accounts: 60 and 30 days out.
        #expect(
            items(account(renewsIn: 200, tier: .standard)).first { $0.source == .renewal }?.due == day(140))
    }

    @Test func termsSetLateArePreparedAtTheNextOffsetOrAtOnce() {
        // Set 40 days out: the 30-day preparation, not the 180-day one 140 days late.
        let late = account(renewsIn: 40, setDaysAgo: 0)
        #expect(items(late).first { $0.source == .renewal }?.due == day(10))
        // Set 10 days out: prepared at once.
        let later = account(renewsIn: 10, setDaysAgo: 0)
        #expect(items(later).first { $0.source == .renewal }?.due == today)
        #expect(items(later).first { $0.source == .renewal }?.title == "Prepare the renewal")
    }

    @Test func theNoticeDeadlineOnlyForAContractThatDoesNotRenewItself() throws {
        var a = account(renewsIn: 120)
        a.contract!.noticeDays = 90
        #expect(items(a).first { $0.source == .renewalNotice }?.due == day(30))
        a.contract!.autoRenews = true
        #expect(!items(a).contains { $0.source == .renewalNotice })
        a.contract!.autoRenews = false
        try a.complete(.renewalNotice, DueCompletion(day: day(25)))
        #expect(!items(a).contains { $0.source == .renewalNotice })
    }

    @Test func markingItRenewedStartsTheNextTermAndEndsTheFlag() throws {
        var a = account(renewsIn: -5)
        #expect(a.warningFlags(on: today).contains(.renewalPassed))
        #expect(items(a).first { $0.source == .renewalDay }?.due == day(-5))
        try a.complete(.renewalDay, DueCompletion(day: today))
        #expect(a.contract?.renewsOn == day(-5).adding(months: 12))
        #expect(a.contract?.renewals == [Contract.Renewal(on: today, renewed: day(-5), value: 1_000_000)])
        #expect(!a.warningFlags(on: today).contains(.renewalPassed))
        #expect(throws: InputError.self) { try a.markRenewed(on: today, until: day(-1)) }
        try a.markRenewed(on: today, until: day(400), value: 1_200_000)
        #expect(a.renewalValue == 1_200_000 && a.contract?.renewsOn == day(400))
        var none = Account(name: "None", createdOn: today)
        #expect(throws: InputError("None has no renewal day to mark renewed (set one first)")) {
            try none.markRenewed(on: today)
        }
    }

    @Test func lostAccountsRaiseNoRenewalWorkAndNoFlag() {
        var a = account(renewsIn: -5)
        a.status = .lost
        #expect(items(a).isEmpty)
        #expect(!a.warningFlags(on: today).contains(.renewalPassed))
    }

    @Test func factsEditTheTermsAndANewDayStartsPreparationOver() {
        var a = account(renewsIn: 100)
        a.contract!.preparedOn = day(-1)
        var facts = AccountFacts(a)
        facts.noticeDays = 30
        facts.apply(to: &a, today: today)
        #expect(a.contract?.preparedOn == day(-1) && a.contract?.noticeDays == 30)
        facts.renewsOn = day(200)
        facts.apply(to: &a, today: today)
        #expect(a.contract?.preparedOn == nil && a.contract?.setOn == today)
        facts.renewsOn = nil
        facts.apply(to: &a, today: today)
        #expect(a.contract == nil)
        facts.renewsOn = day(10)
        facts.contractTermMonths = 0
        #expect(throws: InputError("the contract term must be 1 to 120 months, not 0")) {
            try facts.validateRenewal()
        }
    }
}

/// Value at risk: each reason a rule, and none on lost accounts (D50).
@Suite struct ValueAtRiskTests {
    let today = Day(iso: "2026-11-22")!
    func day(_ offset: Int) -> Day { today.adding(days: offset) }

    func reasons(_ a: Account) -> [RiskReason] {
        AccountDigest(a, policy: DuePolicy()).riskReasons(on: today)
    }

    func healthy() -> Account {
        Account(
            name: "Fine", owner: "Ana", tier: .key, annualValue: 500_000, createdOn: day(-900),
            contacts: [Contact(name: "A", level: .main), Contact(name: "B", level: .senior)])
    }

    @Test func eachReasonIsARuleOnTheRecord() {
        #expect(reasons(healthy()).isEmpty)
        var a = healthy()
        a.status = .atRisk
        #expect(reasons(a) == [.statusAtRisk])
        a = healthy()
        a.litmusChecks = [
            LitmusCheck(day: day(-100), version: 1, answers: [LitmusAnswer(questionID: "a", value: 3)]),
            LitmusCheck(day: day(-5), version: 1, answers: [LitmusAnswer(questionID: "a", value: 1)])
        ]
        #expect(reasons(a) == [.healthFalling, .healthLow])
        a = healthy()
        a.concerns = [Concern(raisedOn: day(-9), summary: "Late", severity: .high, respondBy: day(-2))]
        #expect(reasons(a) == [.lateSeriousConcern])
        a.concerns[0].severity = .medium
        #expect(reasons(a).isEmpty, "a medium concern answered late is a flag, not value at risk")
        a = healthy()
        a.contacts[1].leftOn = day(-3)
        #expect(reasons(a) == [.championLeft])
        #expect(a.warningFlags(on: today).contains(.championLeft))
        a.contacts[1].reconnectedOn = day(-1)
        #expect(reasons(a).isEmpty)
        a = healthy()
        a.contract = Contract(renewsOn: day(60), setOn: day(-10))
        #expect(reasons(a).isEmpty, "renewing soon without a warning flag")
        a.contacts.removeLast()
        #expect(reasons(a) == [.renewingWithFlags], "no senior now")
        a.status = .lost
        #expect(reasons(a).isEmpty)
    }

    @Test func traitsReadBackFromTheIndexText() throws {
        var a = healthy()
        a.contract = Contract(renewsOn: day(60), setOn: day(-10))
        a.concerns = [Concern(raisedOn: day(-9), summary: "Late", severity: .critical, respondBy: day(-2))]
        a.litmusChecks = [
            LitmusCheck(day: day(-40), version: 2, answers: [LitmusAnswer(questionID: "a", value: 3)])
        ]
        let traits = AccountTraits(a)
        #expect(AccountTraits(encoded: traits.encoded) == traits)
        #expect(traits.renewsOn == day(60) && traits.lateSeriousConcernFrom == day(-1))
        #expect(AccountTraits(encoded: "garbage") == nil)
    }
}

/// The portfolio's figures and the accounts behind each (D50).
@Suite struct PortfolioTests {
    let today = Day(iso: "2026-11-22")!
    func day(_ offset: Int) -> Day { today.adding(days: offset) }

    func digest(_ a: Account) -> AccountDigest { AccountDigest(a, policy: DuePolicy()) }

    /// Known well: a main contact and a senior leader, so no warning flag shows.
    let people = [Contact(name: "Main", level: .main), Contact(name: "Senior", level: .senior)]

    @Test func renewalsAndValueAtRiskAddUpWithTheirAccounts() {
        var soon = Account(
            name: "Soon", owner: "Ana", annualValue: 100, createdOn: day(-900), contacts: people)
        soon.contract = Contract(renewsOn: day(20), renewalValue: 150, setOn: day(-10))
        var later = Account(
            name: "Later", owner: "Ben", status: .atRisk, annualValue: 300, createdOn: day(-900))
        later.contract = Contract(renewsOn: day(100), setOn: day(-10))
        let lost = Account(name: "Lost", status: .lost, annualValue: 999, createdOn: day(-900))
        let p = Portfolio([soon, later, lost].map(digest), today: today)
        #expect(p.current.count == 2 && p.current.value == 400 && p.lostOrFormer == 1)
        #expect(p.atRisk.ids == [later.id] && p.atRisk.value == 300)
        let windows = Dictionary(uniqueKeysWithValues: p.renewing.map { ($0.days, $0.bucket) })
        #expect(windows[30]?.ids == [soon.id] && windows[30]?.value == 150 && windows[30]?.valueAtRisk == 0)
        #expect(windows[180]?.count == 2 && windows[180]?.value == 450 && windows[180]?.valueAtRisk == 300)
        #expect(p.byReason.map(\.reason) == [.statusAtRisk])
        #expect(p.byOwner.map(\.owner) == ["Ben", "Ana"], "largest value first")
    }

    @Test func healthOverAYearNeverMixesVersionsWithoutABreak() {
        var a = Account(name: "A", annualValue: 300, createdOn: day(-900))
        var b = Account(name: "B", annualValue: 100, createdOn: day(-900))
        let answer = [LitmusAnswer(questionID: "a", value: 4)]
        a.litmusChecks = [LitmusCheck(day: day(-200), version: 1, answers: answer)]
        b.litmusChecks = [
            LitmusCheck(day: day(-200), version: 1, answers: [LitmusAnswer(questionID: "a", value: 0)]),
            LitmusCheck(day: day(-20), version: 2, answers: answer)
        ]
        let p = Portfolio([digest(a), digest(b)], today: today)
        #expect(p.health.count == 12)
        let before = p.health.first { $0.score != nil }!
        // Value-weighted: (100 × 300 + 0 × 100) / 400.
        #expect(before.score == 75 && before.version == 1)
        let last = p.health.last!
        #expect(last.version == 2 && last.score == 100 && p.health.contains { $0.versionBreak })
    }

    /// `rapport portfolio` keeps each digest without its follow-ups, tags and contacts
    /// (so the index's bytes can go): its figures are those of the whole digests.
    @Test func theFiguresNeedNoFollowUpsTagsOrContacts() throws {
        let portfolio = try syntheticPortfolio(seed: 11, today: today)
        let digests = (0..<300).map { AccountDigest(portfolio.account($0), policy: DuePolicy()) }
        let trimmed = digests.map(\.withoutFollowUpsAndLists)
        #expect(trimmed.allSatisfy { $0.dueEntries.count == 0 && $0.tags.isEmpty && $0.contactNames.isEmpty })
        #expect(digests.contains { !$0.tags.isEmpty } && digests.contains { $0.dueEntries.count > 0 })
        let whole = PortfolioLines.lines(Portfolio(digests, today: today), currency: "EUR", width: 100)
        let lines = PortfolioLines.lines(Portfolio(trimmed, today: today), currency: "EUR", width: 100)
        #expect(lines.map(\.text) == whole.map(\.text) && whole.count > 20)
    }

    @Test func sumsStopAtTheLargestNumberRatherThanOverflow() {
        // 9,500 accounts at the largest amount add up to more than an Int holds.
        let big = (0..<9_500).map { i in
            Account(
                name: "Big \(i)", annualValue: Money.maximum, lifetimeValue: Money.maximum, createdOn: day(-1)
            )
        }
        let p = Portfolio(big.map(digest), today: today)
        #expect(p.current.value == Int.max && p.lifetimeValue == Int.max)
        #expect(!PortfolioLines.lines(p, currency: "EUR", width: 80).isEmpty)
    }

    @Test func theLastWeekSaysWhatWasRenewedAndWhatWasLost() throws {
        var renewed = Account(name: "Renewed", annualValue: 100, createdOn: day(-900), contacts: people)
        renewed.contract = Contract(renewsOn: day(-2), setOn: day(-300))
        try renewed.markRenewed(on: day(-1))
        var lost = Account(name: "Gone", status: .lost, createdOn: day(-900))
        lost.loss = LossRecord(lostOn: day(-3), valueLost: 500)
        var old = Account(name: "Long gone", status: .lost, createdOn: day(-900))
        old.loss = LossRecord(lostOn: day(-30), valueLost: 500)
        let p = Portfolio([renewed, lost, old].map(digest), today: today)
        #expect(p.changes.map(\.kind) == [.renewed, .lost])
        #expect(p.changes.map(\.name) == ["Renewed", "Gone"])
    }

    @Test func theFilterLineReadsRenewalWindowsAndAtRisk() throws {
        let filter = try AccountFilter.parse("renews<90d at-risk tier=key", me: "")
        #expect(filter.renewsWithin == 90 && filter.atRisk && filter.tier == .key)
        #expect(filter.text == "tier=key renews<90d at-risk")
        #expect(throws: InputError.self) { try AccountFilter.parse("renews<soon", me: "") }
    }
}
