import Testing

@testable import RapportCore

/// Edits as mutations: the record as the edit began and as the user left it, applied to
/// an account that may have changed meanwhile.
@Suite struct EditMutationTests {
    let today = Day(iso: "2026-11-22")!

    var account: Account {
        var a = Account(
            name: "Northwind", owner: "Maya", tier: .key, lifetimeValue: 9_800_000, season: .growth,
            createdOn: today.adding(days: -400))
        a.touchpoints = [
            Touchpoint(
                id: RecordID(rawValue: "tp-1")!, day: today.adding(days: -2), kind: .meeting,
                summary: "Planned phase three")
        ]
        return a
    }

    @Test func anEditOfTheFactsChangesOnlyWhatIChanged() throws {
        let shown = account
        var mine = AccountFacts(shown)
        mine.owner = "Tom"
        var stored = shown
        stored.lifetimeValue = 12_000_000
        try Mutation.editFacts(base: AccountFacts(shown), mine: mine).apply(to: &stored, today: today)
        #expect(stored.owner == "Tom" && stored.lifetimeValue == 12_000_000)
    }

    @Test func aConflictingEditThrowsAndChangesNothing() throws {
        let shown = account
        var mine = AccountFacts(shown)
        mine.owner = "Tom"
        mine.market = "Freight"
        var stored = shown
        stored.owner = "Ana"
        let before = stored
        let edit = Mutation.editFacts(base: AccountFacts(shown), mine: mine)
        #expect(throws: EditConflict.self) { try edit.apply(to: &stored, today: today) }
        #expect(stored == before)
        do {
            try edit.apply(to: &stored, today: today)
        } catch let conflict as EditConflict {
            #expect(conflict.account == before && conflict.mutation == edit)
            #expect(
                conflict.conflicts == [
                    FieldConflict(key: "Owner", field: "Owner", mine: "Tom", theirs: "Ana")
                ])
            #expect(
                conflict.description
                    == "Northwind was changed meanwhile: Owner (yours: Tom; theirs: Ana); nothing was saved")
            var again = stored
            try conflict.settled(keepingMine: ["Owner"]).apply(to: &again, today: today)
            #expect(again.owner == "Tom" && again.market == "Freight")
            again = stored
            try conflict.settled(keepingMine: []).apply(to: &again, today: today)
            #expect(again.owner == "Ana" && again.market == "Freight")
        }
    }

    @Test func aChangedSeasonIsRecordedWithItsReasonOnce() throws {
        let shown = account
        var mine = AccountFacts(shown)
        mine.season = .tension
        mine.seasonReason = "Price rise"
        var stored = shown
        stored.changeSeason(to: .tension, on: today, reason: "Escalation")
        try Mutation.editFacts(base: AccountFacts(shown), mine: mine).apply(to: &stored, today: today)
        #expect(stored.seasonHistory.map(\.reason) == ["Account created", "Escalation"], "already tension")
        stored = shown
        try Mutation.editFacts(base: AccountFacts(shown), mine: mine).apply(to: &stored, today: today)
        #expect(stored.seasonHistory.last == SeasonChange(day: today, season: .tension, reason: "Price rise"))
    }

    @Test func anEditOfARecordDeletedMeanwhileSaysSo() {
        let shown = account.touchpoints[0]
        var mine = shown
        mine.summary = "Planned phase four"
        var stored = account
        stored.touchpoints = []
        #expect(
            throws: InputError(
                "the touchpoint “Planned phase three” was deleted from Northwind meanwhile; your changes to it were not saved"
            )
        ) {
            try Mutation.editTouchpoint(base: shown, mine: mine).apply(to: &stored, today: today)
        }
    }

    @Test func editsOfDifferentFieldsOfOneTouchpointBothLand() throws {
        let shown = account.touchpoints[0]
        var first = shown
        first.summary = "Planned phase four"
        var second = shown
        second.sentiment = .positive
        var stored = account
        try Mutation.editTouchpoint(base: shown, mine: first).apply(to: &stored, today: today)
        try Mutation.editTouchpoint(base: shown, mine: second).apply(to: &stored, today: today)
        #expect(
            stored.touchpoints[0].summary == "Planned phase four"
                && stored.touchpoints[0].sentiment == .positive)
    }

    @Test func addingARecordTwiceAddsItOnceAndAStartedPlanIsJoinedNotReplaced() throws {
        var stored = account
        let contact = Contact(name: "Helena Voss")
        try Mutation.addContact(contact).apply(to: &stored, today: today)
        try Mutation.addContact(contact).apply(to: &stored, today: today)
        #expect(stored.contacts == [contact])
        let theirs = PlanItem(title: "Quarterly review", cadence: .quarterly, startOn: today)
        stored.plan = RelationshipPlan(targetState: "Partners", createdOn: today, items: [theirs])
        let mine = PlanItem(title: "Lunch", cadence: .monthly, startOn: today)
        try Mutation.startPlan(RelationshipPlan(currentState: "Vendor", createdOn: today, items: [mine]))
            .apply(to: &stored, today: today)
        #expect(stored.plan?.items == [theirs, mine])
        #expect(stored.plan?.currentState == "Vendor" && stored.plan?.targetState == "Partners")
    }

    @Test func goalsAndReadingsAreAddedAndRemovedOneByOne() throws {
        var stored = account
        let set = ExpectationSet(title: "Rollout")
        let goal = Goal(text: "Live by March", probability: 90)
        let measure = Measure(name: "Active users", createdOn: today)
        try Mutation.addExpectations(set).apply(to: &stored, today: today)
        try Mutation.addGoal(set: set.id, goal).apply(to: &stored, today: today)
        try Mutation.addMeasure(measure).apply(to: &stored, today: today)
        let october = YearMonth(iso: "2026-10")!
        try Mutation.addReading(measure: measure.id, MeasureReading(month: october, value: 82))
            .apply(to: &stored, today: today)
        #expect(stored.expectations[0].goals == [goal])
        #expect(stored.measures[0].readings == [MeasureReading(month: october, value: 82)])
        try Mutation.removeGoal(set: set.id, goal.id).apply(to: &stored, today: today)
        #expect(stored.expectations[0].goals.isEmpty)
    }
}
