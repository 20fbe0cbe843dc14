/// A customer account and every record about it. One account is one file in the store.
public struct Account: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var name: String
    /// The account manager who owns the relationship.
    public var owner: String
    public var tier: Tier
    public var status: AccountStatus
    /// Annual revenue, in the store's currency (whole units).
    public var annualValue: Int
    /// Estimated lifetime value, in the store's currency (whole units).
    public var lifetimeValue: Int
    public var customerSince: Day?
    public var market: String
    public var tags: [String]
    public var season: Season
    /// Every season the account has been in, oldest first; the last is the current one.
    public var seasonHistory: [SeasonChange]
    /// Overrides the litmus check-up interval (default: quarterly for key, yearly otherwise).
    public var checkupIntervalDays: Int?
    /// Why and when the account was lost (D48); nil until then, and kept if it comes back.
    public var loss: LossRecord?
    /// The day someone asked for a litmus check-up after a defection review (D48): the
    /// check-up is due from then until a check is taken.
    public var checkupRequestedOn: Day?
    public var notes: String
    public var createdOn: Day

    public var contacts: [Contact]
    public var team: [TeamMember]
    public var touchpoints: [Touchpoint]
    public var concerns: [Concern]
    public var litmusChecks: [LitmusCheck]
    public var measures: [Measure]
    public var risks: [Risk]
    public var worksheets: [Worksheet]
    public var plan: RelationshipPlan?
    public var expectations: [ExpectationSet]
    /// Follow-ups the user deferred from the due list.
    public var snoozes: [Snooze]
    /// The record's id in the system it was imported from (a Salesforce Account ID, a
    /// HubSpot Record ID): a re-import finds the account by it. Nil when typed in here.
    public var sourceID: String?
    /// Fields two teammates changed to different values, found by git's merge of their
    /// copies (D47); nil when there are none, so files without any stay as they were.
    public var mergeConflicts: [MergeConflict]?
    /// The contract's renewal terms, when known (D50); nil when none are set.
    public var contract: Contract?

    public init(
        id: RecordID = .generate("acc"), name: String, owner: String = "", tier: Tier = .standard,
        status: AccountStatus = .active, annualValue: Int = 0, lifetimeValue: Int = 0,
        customerSince: Day? = nil, market: String = "", tags: [String] = [], season: Season = .growth,
        seasonHistory: [SeasonChange] = [], checkupIntervalDays: Int? = nil, notes: String = "",
        createdOn: Day, contacts: [Contact] = [], team: [TeamMember] = [], touchpoints: [Touchpoint] = [],
        concerns: [Concern] = [], litmusChecks: [LitmusCheck] = [], measures: [Measure] = [],
        risks: [Risk] = [], worksheets: [Worksheet] = [], plan: RelationshipPlan? = nil,
        expectations: [ExpectationSet] = [], snoozes: [Snooze] = [], sourceID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.tier = tier
        self.status = status
        self.annualValue = annualValue
        self.lifetimeValue = lifetimeValue
        self.customerSince = customerSince
        self.market = market
        self.tags = tags
        self.season = season
        self.seasonHistory =
            seasonHistory.isEmpty
            ? [SeasonChange(day: createdOn, season: season, reason: "Account created")] : seasonHistory
        self.checkupIntervalDays = checkupIntervalDays
        self.notes = notes
        self.createdOn = createdOn
        self.contacts = contacts
        self.team = team
        self.touchpoints = touchpoints
        self.concerns = concerns
        self.litmusChecks = litmusChecks
        self.measures = measures
        self.risks = risks
        self.worksheets = worksheets
        self.plan = plan
        self.expectations = expectations
        self.snoozes = snoozes
        self.sourceID = sourceID
    }

    /// Moves the account to a new season, keeping the history.
    public mutating func changeSeason(to newSeason: Season, on day: Day, reason: String) {
        guard newSeason != season else { return }
        season = newSeason
        seasonHistory.append(SeasonChange(day: day, season: newSeason, reason: reason))
    }

    public func contact(_ id: RecordID) -> Contact? { contacts.first { $0.id == id } }
}

/// An entry in an account's season history.
public struct SeasonChange: Codable, Hashable, Sendable {
    public var day: Day
    public var season: Season
    public var reason: String

    public init(day: Day, season: Season, reason: String = "") {
        self.day = day
        self.season = season
        self.reason = reason
    }
}

/// A follow-up deferred to a later day, with the reason.
public struct Snooze: Codable, Hashable, Sendable {
    /// The stable key of the due item snoozed.
    public var itemKey: String
    public var until: Day
    public var reason: String
    public var on: Day

    public init(itemKey: String, until: Day, reason: String = "", on: Day) {
        self.itemKey = itemKey
        self.until = until
        self.reason = reason
        self.on = on
    }
}
