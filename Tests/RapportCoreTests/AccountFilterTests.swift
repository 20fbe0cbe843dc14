import Testing

@testable import RapportCore

/// Triage conditions, as `:filter` and `rapport accounts` read them.
@Suite struct AccountFilterTests {
    let today = Day(iso: "2026-11-22")!

    func summary(_ name: String, tier: Tier = .standard, owner: String = "Maya", contacts: [Contact] = [])
        -> AccountSummary
    {
        AccountSummary(
            Account(name: name, owner: owner, tier: tier, createdOn: today, contacts: contacts), today: today)
    }

    @Test func conditionsCombineAndRoundTripThroughTheirText() throws {
        let filter = try AccountFilter.parse(
            "flag=no-senior tier=key health=below:60 owner=\"Tom Okafor\" season=tension", me: "Maya")
        #expect(filter.flags == [.noSenior] && filter.tier == .key && filter.health == .below(60))
        #expect(filter.owner == "Tom Okafor" && filter.season == .tension)
        #expect(try AccountFilter.parse(filter.text, me: "Maya") == filter)
        #expect(try AccountFilter.parse("owner=me flag=\"no senior\"", me: "Maya").owner == "Maya")
    }

    @Test func anAccountMatchesWhenEveryConditionHolds() throws {
        let lonely = summary("Acme", tier: .key, contacts: [Contact(name: "Ana", level: .main)])
        let known = summary("Zeta", tier: .key, contacts: [Contact(name: "Bo", level: .senior)])
        let filter = try AccountFilter.parse("flag=no-senior tier=key", me: "")
        #expect(filter.matches(lonely) && !filter.matches(known))
        #expect(!(try AccountFilter.parse("flag=no-senior tier=core", me: "")).matches(lonely))
        #expect(!(try AccountFilter.parse("health=below:50", me: "")).matches(lonely), "never tested")
    }

    @Test func badConditionsSayWhatIsAccepted() {
        #expect(
            throws: InputError(
                "'colour' is not a filter; the filters are flag, health, tier, status, season and owner (and renews<90d, at-risk)"
            )
        ) { try AccountFilter.parse("colour=red", me: "") }
        #expect(
            throws: InputError(
                "flag 'sad' is not valid; expected late-reply, renewal-passed, champion-left, health-falling, "
                    + "out-of-touch, no-senior, no-contacts or one-contact")
        ) { try AccountFilter.parse("flag=sad", me: "") }
        #expect(
            throws: InputError(
                "health 'below:200' is not valid; expected falling, rising or below:N (N 1–100)")
        ) { try AccountFilter.parse("health=below:200", me: "") }
        #expect(
            throws: InputError(
                "owner=me needs your name: set RAPPORT_OWNER (or USER), or give the owner's name")
        ) { try AccountFilter.parse("owner=me", me: "") }
        #expect(
            throws: InputError(
                "'key' is not a condition; write KEY=VALUE with KEY one of flag, health, tier, status, season and owner (and renews<90d, at-risk)"
            )
        ) {
            try AccountFilter.parse("key", me: "")
        }
    }
}
