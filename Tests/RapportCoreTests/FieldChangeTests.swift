import Testing

@testable import RapportCore

/// The command line's edits (`account edit`, `contact edit`): the fields named, applied
/// to the newest copy, as the same mutations the app's forms send.
@Suite struct FieldChangeTests {
    let today = Day(iso: "2026-11-22")!

    var account: Account {
        var a = Account(
            name: "Northwind", owner: "Maya", tier: .key, lifetimeValue: 9_800_000, tags: ["eu", "ev"],
            season: .growth, createdOn: today.adding(days: -400))
        a.contacts = [
            Contact(
                id: RecordID(rawValue: "con-1")!, name: "Helena Voss", title: "Head of Procurement",
                level: .main, email: "helena@northwind.example")
        ]
        return a
    }

    @Test func anOwnerChangeMadeOnAnOlderCopyKeepsTheLifetimeValueChangedMeanwhile() throws {
        let shown = account
        var change = AccountFactsChange()
        change.owner = "Tom"
        let edit = Mutation.editFacts(
            base: AccountFacts(shown), mine: try change.applied(to: AccountFacts(shown)))
        var stored = shown
        stored.lifetimeValue = 12_000_000
        stored.notes = "Renewal talks start in May"
        try edit.apply(to: &stored, today: today)
        #expect(stored.owner == "Tom")
        #expect(stored.lifetimeValue == 12_000_000 && stored.notes == "Renewal talks start in May")
    }

    @Test func onlyTheNamedFactsChange() throws {
        var change = AccountFactsChange()
        change.market = "Freight"
        change.addTags = ["Strategic", "EV"]
        change.removeTags = ["eu"]
        change.customerSince = .some(nil)
        let facts = AccountFacts(account)
        let mine = try change.applied(to: facts)
        var expected = facts
        expected.market = "Freight"
        expected.tags = ["ev", "Strategic"]
        #expect(mine == expected, "a tag already there (in any case) is not added twice")
        change = AccountFactsChange()
        change.tags = ["a", " b ", "", "A"]
        #expect(try change.applied(to: facts).tags == ["a", "b"])
        #expect(AccountFactsChange().isEmpty && !change.isEmpty)
    }

    @Test func removingATagThatIsNotThereNamesTheTagsThereAre() {
        var change = AccountFactsChange()
        change.removeTags = ["apac"]
        #expect(throws: InputError("'apac' is not a tag of Northwind; its tags are eu, ev")) {
            try change.applied(to: AccountFacts(account))
        }
    }

    @Test func aSeasonChangeNeedsItsReason() throws {
        let base = AccountFacts(account)
        var change = AccountFactsChange()
        change.season = .tension
        let mine = try change.applied(to: base)
        #expect(throws: InputError("why does the season change to tension? (kept in its history)")) {
            try AccountFacts.validateSeasonChange(base: base, mine: mine)
        }
        change.seasonReason = "Price rise"
        var stored = account
        try Mutation.editFacts(base: base, mine: try change.applied(to: base)).apply(
            to: &stored, today: today)
        #expect(stored.seasonHistory.last == SeasonChange(day: today, season: .tension, reason: "Price rise"))
        change.season = .growth
        try AccountFacts.validateSeasonChange(base: base, mine: try change.applied(to: base))
    }

    @Test func aContactEditMadeOnAnOlderCopyKeepsWhatChangedMeanwhile() throws {
        let shown = account.contacts[0]
        var change = ContactChange()
        change.leftOn = .some(today.adding(days: -3))
        change.title = ""
        var stored = account
        stored.contacts[0].email = "h.voss@northwind.example"
        try Mutation.editContact(base: shown, mine: change.applied(to: shown)).apply(
            to: &stored, today: today)
        let contact = stored.contacts[0]
        #expect(contact.leftOn == today.adding(days: -3) && contact.title.isEmpty)
        #expect(contact.email == "h.voss@northwind.example" && contact.level == .main)
    }

    @Test func keepInTouchIsIdealColonMaximumInDays() throws {
        #expect(try KeepInTouch.parse("30:60") == KeepInTouch(idealDays: 30, maximumDays: 60))
        #expect(
            throws: InputError("'monthly' is not IDEAL:MAX in days, e.g. 30:60 (every 30 days, at most 60)")
        ) {
            try KeepInTouch.parse("monthly")
        }
        #expect(throws: InputError("the maximum (30 days) must be at least the ideal interval (60)")) {
            try KeepInTouch.parse("60:30")
        }
        #expect(throws: InputError("'0' is not a number of days (1–3650)")) { try KeepInTouch.parse("0:30") }
    }
}
