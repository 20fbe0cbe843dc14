import IndexKit
import Testing

@testable import RapportCore

/// The due engine on hand-built accounts with a fixed day (Sunday 2026-11-22).
@Suite struct DueTests {
    let today = Day(iso: "2026-11-22")!
    let policy = DuePolicy()

    func day(_ offset: Int) -> Day { today.adding(days: offset) }

    /// An account with one record of every source, each at a known distance from today.
    func everySource() -> Account {
        var a = Account(
            id: RecordID(rawValue: "acc-every")!, name: "Every Source Ltd", owner: "Maya", tier: .core,
            annualValue: 300_000, createdOn: day(-400))
        let main = Contact(
            id: RecordID(rawValue: "con-main")!, name: "Helena Voss", level: .main, channel: .phone,
            keepInTouch: KeepInTouch(idealDays: 14, maximumDays: 30))
        a.contacts = [main]
        a.touchpoints = [
            Touchpoint(
                id: RecordID(rawValue: "tp-old")!, day: day(-20), kind: .call, contactIDs: [main.id],
                summary: "Quarterly call", followUp: day(2))
        ]
        a.plan = RelationshipPlan(
            createdOn: day(-200),
            items: [
                PlanItem(
                    id: RecordID(rawValue: "pi-lunch")!, title: "Lunch with Helena", step: .outOfOffice,
                    cadence: .quarterly,
                    contactIDs: [main.id], startOn: day(-200), completions: [PlanCompletion(day: day(-100))])
            ])
        a.worksheets = [
            Worksheet(
                id: RecordID(rawValue: "ws-late")!, title: "Late reports", createdOn: day(-30),
                actions: [
                    WorksheetAction(
                        id: RecordID(rawValue: "ac-fix")!, text: "Fix the report job", owner: "Tom",
                        due: day(-3))
                ],
                evaluation: Evaluation(reviewOn: day(5)))
        ]
        a.concerns = [
            Concern(
                id: RecordID(rawValue: "cn-slow")!, raisedOn: day(-6), summary: "Slow search",
                severity: .high, respondBy: day(-4))
        ]
        a.litmusChecks = [
            LitmusCheck(day: day(-370), version: 1, answers: [LitmusAnswer(questionID: "q", value: 3)])
        ]
        a.measures = [
            Measure(
                id: RecordID(rawValue: "ms-csat")!, name: "CSAT", isSatisfaction: true, createdOn: day(-400),
                readings: [MeasureReading(month: YearMonth(iso: "2026-03")!, value: 80)]),
            Measure(
                id: RecordID(rawValue: "ms-use")!, name: "Usage", unit: "h", createdOn: day(-400),
                readings: [MeasureReading(month: YearMonth(iso: "2026-09")!, value: 120)])
        ]
        a.risks = [
            Risk(
                id: RecordID(rawValue: "rk-levy")!, disruption: "Packaging levy", identifiedOn: day(-60),
                reviewOn: day(10))
        ]
        a.contract = Contract(renewsOn: day(100), autoRenews: false, noticeDays: 60, setOn: day(-200))
        a.contacts.append(
            Contact(id: RecordID(rawValue: "con-gone")!, name: "Vera Lind", level: .senior, leftOn: day(-3)))
        a.mergeConflicts = [
            MergeConflict(
                field: "owner", path: ["owner"], kept: "\"Maya\"", keptFrom: "Maya", other: "\"Tom\"",
                otherFrom: "Tom", foundOn: day(-1))
        ]
        return a
    }

    func item(_ items: [FollowUp], _ source: DueSource) throws -> FollowUp {
        try #require(items.first { $0.source == source }, "no \(source) item")
    }

    @Test func everySourceProducesAnItemWithItsDueDay() throws {
        let items = DueList.items(for: [everySource()], on: today, policy: policy)
        #expect(Set(items.map(\.source)) == Set(DueSource.allCases))
        #expect(try item(items, .plan).due == day(-100).adding(months: 3))
        #expect(try item(items, .action).due == day(-3))
        #expect(try item(items, .action).owner == "Tom")
        #expect(try item(items, .evaluation).due == day(5))
        #expect(try item(items, .concern).due == day(-4))
        #expect(try item(items, .keepInTouch).due == day(-6))  // last touch 20 days ago, ideal 14
        #expect(try item(items, .litmus).due == day(-370 + 365))  // core: yearly
        #expect(try item(items, .satisfaction).due == YearMonth(iso: "2026-03")!.lastDay.adding(days: 182))
        let reading = try item(items, .reading)
        #expect(reading.title == "Enter October reading: Usage" && reading.due.iso == "2026-11-01")
        #expect(try item(items, .touchFollowUp).due == day(2))
        #expect(try item(items, .riskReview).due == day(10))
        #expect(try item(items, .mergeConflict).due == day(-1))
        // Core tier: prepared 90, 60 and 30 days out; the first not yet met since the terms were set.
        #expect(try item(items, .renewal).due == day(100 - 90))
        #expect(try item(items, .renewalNotice).due == day(100 - 60))
        #expect(try item(items, .renewalDay).due == day(100))
        #expect(try item(items, .reconnect).due == day(-3 + 7))
        #expect(items.allSatisfy { $0.key.hasPrefix("acc-every/") && !$0.why.isEmpty })
    }

    @Test func keepInTouchTurnsRedPastTheMaximum() throws {
        var a = everySource()
        #expect(try item(a.followUps(policy: policy), .keepInTouch).isRed(on: today) == false)
        a.touchpoints[0].day = day(-31)
        let late = try item(DueList.scored(a, on: today, policy: policy), .keepInTouch)
        #expect(late.isRed(on: today) && !late.isRed(on: day(-1)))
        #expect(late.urgency.contains { $0.label == "past the maximum interval" })
        // Any touch with the contact resets it.
        a.touchpoints.append(
            Touchpoint(day: day(-1), kind: .email, contactIDs: [a.contacts[0].id], summary: "Note"))
        #expect(try item(a.followUps(policy: policy), .keepInTouch).due == day(13))
    }

    @Test func keyAccountsAreCheckedQuarterlyAndNeverCheckedIsDueToday() throws {
        var a = everySource()
        a.tier = .key
        #expect(try item(a.followUps(policy: policy), .litmus).due == day(-370 + 91))
        a.litmusChecks = []
        #expect(try item(DueList.scored(a, on: today, policy: policy), .litmus).due == today)
        #expect(try item(a.followUps(policy: policy), .litmus).neverDone)
        a.checkupIntervalDays = 30
        a.litmusChecks = [LitmusCheck(day: day(-10), version: 1, answers: [])]
        #expect(try item(a.followUps(policy: policy), .litmus).due == day(20))
    }

    @Test func doneItemsAndInactiveAccountsDropOut() throws {
        var a = everySource()
        a.worksheets[0].actions[0].status = .done
        a.concerns[0].respondedOn = day(-5)
        a.touchpoints[0].followUpDoneOn = day(-1)
        a.plan!.items[0].paused = true
        var sources = Set(a.followUps(policy: policy).map(\.source))
        #expect(
            !sources.contains(.action) && !sources.contains(.concern) && !sources.contains(.touchFollowUp)
                && !sources.contains(.plan))
        a.status = .former
        sources = Set(a.followUps(policy: policy).map(\.source))
        // A merge conflict stays due on a former account too: the file holds two values.
        #expect(sources == [.evaluation, .riskReview, .mergeConflict])
    }

    @Test func aLostAccountRaisesNoRoutineWorkButAWinBackStepStillCounts() throws {
        var a = everySource()
        a.status = .lost
        a.plan!.items.append(
            PlanItem(title: "Win back: meet their new head of procurement", cadence: .once, startOn: day(3)))
        let items = a.followUps(policy: policy)
        let routine: Set<DueSource> = [.keepInTouch, .litmus, .satisfaction, .reading]
        #expect(routine.isDisjoint(with: items.map(\.source)))
        #expect(
            items.filter { $0.source == .plan }.map(\.title) == [
                "Win back: meet their new head of procurement"
            ])
    }

    @Test func aPlanItemRestartsFromTheDayItWasActuallyDone() throws {
        var a = everySource()
        let lunch = try item(a.followUps(policy: policy), .plan)
        #expect(lunch.band(on: today) == .overdue)
        let message = try a.complete(
            lunch.ref, DueCompletion(day: today, note: "Talked about phase three", by: "Maya"))
        #expect(message == "Done: Lunch with Helena; next due 2027-02-22")
        let next = try item(a.followUps(policy: policy), .plan)
        #expect(next.due.iso == "2027-02-22")
        // The completion is in the item's history and logged as a touchpoint with the contact.
        let completion = try #require(a.plan!.items[0].completions.last)
        let touch = try #require(a.touchpoints.first { $0.id == completion.touchpointID })
        #expect(
            touch.kind == .meal && touch.contactIDs == [a.contacts[0].id]
                && touch.planItemID == a.plan!.items[0].id)
        #expect(touch.summary == "Lunch with Helena: Talked about phase three")
    }

    @Test func doneRecordsEachSourceWhereItBelongs() throws {
        var a = everySource()
        let items = a.followUps(policy: policy)
        let done = DueCompletion(day: today, note: "", by: "Maya")
        try a.complete(try item(items, .action).ref, done)
        #expect(a.worksheets[0].actions[0].status == .done && a.worksheets[0].status == .evaluating)
        try a.complete(try item(items, .concern).ref, done)
        #expect(a.concerns[0].respondedOn == today && a.concerns[0].status == .inProgress)
        try a.complete(try item(items, .keepInTouch).ref, done)
        #expect(a.lastTouch(with: a.contacts[0].id) == today)
        #expect(a.touchpoints.last?.kind == .call)  // the contact prefers the phone
        try a.complete(try item(items, .touchFollowUp).ref, done)
        #expect(a.touchpoints[0].followUpDoneOn == today)
        #expect(throws: InputError.self) { try a.complete(try item(items, .reading).ref, done) }
        var reading = done
        reading.value = 131
        try a.complete(try item(items, .reading).ref, reading)
        #expect(a.measures[1].readings.last?.value == 131)
        try a.complete(try item(items, .satisfaction).ref, reading)
        #expect(a.measures[0].readings.last?.month == YearMonth(today))
        #expect(throws: InputError.self) { try a.complete(try item(items, .evaluation).ref, done) }
        var evaluation = done
        evaluation.outcome = .partly
        try a.complete(try item(items, .evaluation).ref, evaluation)
        #expect(a.worksheets[0].status == .closed)
        try a.complete(try item(items, .riskReview).ref, done)
        #expect(a.risks[0].reviewOn == today.adding(months: 3))
        #expect(throws: InputError.self) { try a.complete(.litmus, done) }
        try a.complete(try item(items, .mergeConflict).ref, done)
        #expect(a.mergeConflicts == nil && a.owner == "Maya")

        // Recurring work moved on; only the (overdue) litmus test and the plan remain due.
        let due = Set(a.followUps(policy: policy).filter { $0.due <= today }.map(\.source))
        #expect(due == [.plan, .litmus])
        let later = a.followUps(policy: policy).filter { $0.due > today }
        #expect(
            Set(later.map(\.source)) == [
                .keepInTouch, .satisfaction, .riskReview, .reading, .renewal, .renewalNotice, .renewalDay,
                .reconnect
            ])
        // The next reading due is November's, once November is over.
        #expect(
            later.first { $0.source == .reading }.map { "\($0.title) \($0.due.iso)" }
                == "Enter November reading: Usage 2026-12-01")
    }

    @Test func aSnoozeMovesTheItemAndExpires() throws {
        var a = everySource()
        let action = try item(DueList.scored(a, on: today, policy: policy), .action)
        #expect(throws: InputError.self) { try a.snooze(action, until: today, reason: "", on: today) }
        try a.snooze(action, until: day(4), reason: "Tom is away", on: today)
        let snoozed = try item(DueList.scored(a, on: today, policy: policy), .action)
        #expect(
            snoozed.due == day(4) && snoozed.snooze?.reason == "Tom is away"
                && snoozed.band(on: today) == .thisWeek)
        // Seen on the day it ends it is due today; later it is overdue again from then.
        #expect(try item(DueList.scored(a, on: day(4), policy: policy), .action).band(on: day(4)) == .today)
        // Doing it clears the snooze.
        try a.complete(action.ref, DueCompletion(day: today))
        #expect(a.snoozes.isEmpty)
    }

    @Test func orderIsOverdueThenTodayThenThisWeekAndWithinABandBySeverityValueAndDays() throws {
        var small = Account(
            id: RecordID(rawValue: "acc-small")!, name: "Small Co", owner: "Tom", tier: .standard,
            createdOn: day(-400))
        small.touchpoints = [
            Touchpoint(day: day(-30), kind: .call, summary: "x", followUp: day(-10)),
            Touchpoint(day: day(-5), kind: .call, summary: "y", followUp: today),
            Touchpoint(day: day(-5), kind: .call, summary: "z", followUp: day(3))
        ]
        var big = Account(
            id: RecordID(rawValue: "acc-big")!, name: "Big Co", owner: "Maya", tier: .key,
            annualValue: 2_000_000, createdOn: day(-400))
        big.concerns = [
            Concern(raisedOn: day(-5), summary: "Outage", severity: .critical, respondBy: day(-2)),
            Concern(raisedOn: day(-5), summary: "Typo", severity: .low, respondBy: day(-2))
        ]
        big.touchpoints = [Touchpoint(day: day(-30), kind: .call, summary: "w", followUp: day(-10))]
        let items = DueList.items(for: [small, big], on: today, policy: policy, withinDays: 7)
            .filter { $0.source == .concern || $0.source == .touchFollowUp }
        #expect(
            items.map(\.title) == [
                "Respond: Outage", "Respond: Typo", "Follow up: w", "Follow up: x", "Follow up: y",
                "Follow up: z"
            ])
        #expect(
            items.map { $0.band(on: today) } == [.overdue, .overdue, .overdue, .overdue, .today, .thisWeek])
        let scores = items.map(\.score)
        #expect(scores == scores.sorted(by: >))
    }

    @Test func anOwnerWithABackslashOrATabIsFound() {
        var account = everySource()
        account.owner = "Ops\\Team\tNorth"
        let items = DueList.items(for: [account], on: today, policy: policy, owner: "ops\\team\tnorth")
        #expect(!items.isEmpty && items.allSatisfy { $0.owner == "Ops\\Team\tNorth" })
    }

    @Test func withinAndOwnerFilter() {
        let items = DueList.items(
            for: [everySource()], on: today, policy: policy, withinDays: 3, owner: "maya")
        #expect(items.allSatisfy { $0.owner == "Maya" && $0.due <= day(3) })
        #expect(!items.contains { $0.source == .action })  // Tom's
        #expect(items.contains { $0.source == .touchFollowUp })
    }

    @Test func followUpEntriesCompareByTheirTextWhereverItIsKept() throws {
        let item = try #require(everySource().followUps(policy: policy).first)
        let own = DueEntries([item])
        // The same entry with its text inside a larger buffer, after another entry in a
        // buffer of entries (as the index keeps a shard's).
        let buffer = SharedBytes(Array("F\t1\t2\t".utf8) + Array(own.text) + Array("\n".utf8))
        var shifted = own[0]
        shifted.text = 6..<(6 + own.text.count)
        let entries = FixedBuffer([DueEntries([item]).first!, shifted])
        let read = DueEntries(entries, 1..<2, text: buffer[6..<(6 + own.text.count)])
        #expect(read == own)
        var retitled = item
        retitled.title += "!"
        #expect(DueEntries([retitled]) != own)
        // Adding to entries read from the index leaves the shared memory as it was.
        var grown = read
        grown.append(retitled)
        #expect(
            grown.count == 2 && grown.text(of: 0) == own.text(of: 0)
                && grown.text(of: 1) == DueEntries([retitled]).text)
        #expect(read == own && entries.count == 2)
    }

    @Test func everyReferenceRoundTripsThroughItsKey() {
        let items = everySource().followUps(policy: policy)
        #expect(items.allSatisfy { DueRef(keyPart: $0.ref.keyPart) == $0.ref })
        #expect(
            DueRef(keyPart: "plan") == nil && DueRef(keyPart: "reading/ms-x/2026-13") == nil
                && DueRef(keyPart: "nonsense/x") == nil)
        // The index's byte-level check accepts exactly what reads back, for its own source only.
        for item in items {
            for source in DueSource.allCases {
                #expect(
                    Array(item.ref.keyPart.utf8).withUnsafeBufferPointer { DueRef.isKeyPart($0, of: source) }
                        == (source == item.source))
            }
        }
        let long = "plan/" + String(repeating: "a", count: 65)
        for bad in [
            "plan", "plan/", "plan/Upper", "plan/-x", "plan/a/b", "reading/ms-x/2026-13", "action/ws-1",
            "litmus/x", "",
            "plan/a b", "plan/a\tb", "action/ws-1//ac-2", "action/ws-1/", "reading/ms-x/2026-1",
            "reading/ms-x/2026-12x",
            "reading/ms-x", long, "keep-in-touch/con-é"
        ] {
            #expect(
                DueSource.allCases.allSatisfy { source in
                    !Array(bad.utf8).withUnsafeBufferPointer { DueRef.isKeyPart($0, of: source) }
                }, "\(bad)")
        }
    }
}

/// The order lists show accounts in, and the due list breaks ties by.
@Suite struct NameOrderTests {
    func digest(_ name: String, _ id: String) -> AccountDigest {
        AccountDigest(
            Account(id: RecordID(rawValue: id)!, name: name, createdOn: Day(iso: "2026-01-01")!),
            policy: DuePolicy())
    }

    @Test func namesSortIgnoringCaseShorterFirstThenById() {
        let digests = [
            digest("northwind B", "acc-1"), digest("Northwind", "acc-2"), digest("NORTHWIND b", "acc-0"),
            digest("Älmhult", "acc-3"), digest("acme", "acc-4")
        ]
        #expect(
            AccountDigest.nameOrdered(digests).map(\.id.rawValue) == [
                "acc-4", "acc-2", "acc-0", "acc-1", "acc-3"
            ])
        var inPlace = digests
        AccountDigest.sortByName(&inPlace)
        #expect(inPlace == AccountDigest.nameOrdered(digests))
        #expect(digest("Northwind", "acc-9").nameOrder < digest("northwind b", "acc-0").nameOrder)
    }
}
