import IndexKit

/// The compact facts about an account that lists, filters and scripts need,
/// without the account's full records.
public struct AccountSummary: Encodable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var name: String
    public var owner: String
    public var market: String
    public var annualValue: Int
    public var lifetimeValue: Int
    /// The tags, a tab, and the current contacts' names, escaped as the index keeps them
    /// (`FieldText.lists`): made into strings only when asked for, as a table of a hundred
    /// thousand rows reads them for its filter text only.
    public let lists: SharedBytes
    public var tags: [String] { FieldText.list(lists, at: 0) }
    /// Names of current contacts, for filtering.
    public var contactNames: [String] { FieldText.list(lists, at: 1) }
    public var flags: [WarningFlag]
    public var openConcerns: Int
    public var nextDueTitle: String? { nextTitle.map { FieldText.unescape($0) } }
    /// The title escaped, as the index keeps it: unescaped only when asked for, so the
    /// app's rows leave the index's text where it lies until a title is shown (D56).
    private let nextTitle: SharedBytes?
    /// What the renewal is worth a year.
    public var renewalValue: Int
    /// Why the value is at risk today (empty: it is not).
    public var riskReasons: [RiskReason]
    // The optional days and numbers in four bytes each, next to the one-byte choices: a
    // summary takes 200 bytes, not 272 (D57).
    @PackedDay public var lastTouch: Day?
    /// The most urgent follow-up's day (from the due engine); `nextDueTitle` is its title.
    @PackedDay public var nextDue: Day?
    /// The next renewal day, when set.
    @PackedDay public var renewsOn: Day?
    /// Latest litmus score (0–100).
    @PackedInt public var health: Int?
    /// Change since the previous comparable check.
    @PackedInt public var healthChange: Int?
    /// Days from today to the renewal (negative once passed); nil without a renewal day.
    @PackedInt public var renewsInDays: Int?
    public var tier: Tier
    public var status: AccountStatus
    public var season: Season
    /// Whether there is any reason (`riskReasons` is not empty).
    public var valueAtRisk: Bool

    public init(_ account: Account, today: Day, policy: DuePolicy = DuePolicy()) {
        self.init(AccountDigest(account, policy: policy), today: today)
    }

    /// `sharingBytes` as below.
    public init(_ d: AccountDigest, today: Day, sharingBytes: Bool = false) {
        self.init(d, today: today, next: DueList.nextSlot(of: d, on: today), sharingBytes: sharingBytes)
    }

    /// With the account's most urgent follow-up already known (a slot of `d`'s entries).
    /// The tags, contact names and next title are copied out of the digest, so the
    /// summary holds nothing of the index's bytes; `sharingBytes` keeps the digest's own
    /// (for a caller that keeps the digests anyway, or lets the summary go at once).
    public init(_ d: borrowing AccountDigest, today: Day, next: DueSlot?, sharingBytes: Bool = false) {
        id = d.id
        name = d.name
        owner = d.owner
        tier = d.tier
        status = d.status
        season = d.season
        market = d.market
        annualValue = d.annualValue
        lifetimeValue = d.lifetimeValue
        lists = sharingBytes || d.listText.isEmpty ? d.listText : SharedBytes(d.listText)
        lastTouch = d.lastTouch
        health = d.health
        healthChange = d.healthChange
        flags = d.flags(on: today)
        openConcerns = d.openConcerns
        renewsOn = d.traits.renewsOn
        renewalValue = d.traits.renewalValue
        renewsInDays = d.traits.renewsOn.map { today.days(until: $0) }
        riskReasons = d.riskReasons(on: today, flags: flags)
        valueAtRisk = !riskReasons.isEmpty
        nextDue = next?.due
        let title = next.map { d.dueEntries.fields(of: $0.item).title }
        nextTitle = sharingBytes ? title : title.map { SharedBytes($0) }
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, owner, tier, status, season, market, annualValue, lifetimeValue, tags, contactNames
        case lastTouch, health, healthChange, flags, openConcerns, nextDue, nextDueTitle, renewsOn
        case renewalValue, valueAtRisk, riskReasons
    }

    // Every key is always written (null when empty), so scripts can rely on them.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(owner, forKey: .owner)
        try c.encode(tier, forKey: .tier)
        try c.encode(status, forKey: .status)
        try c.encode(season, forKey: .season)
        try c.encode(market, forKey: .market)
        try c.encode(annualValue, forKey: .annualValue)
        try c.encode(lifetimeValue, forKey: .lifetimeValue)
        try c.encode(tags, forKey: .tags)
        try c.encode(contactNames, forKey: .contactNames)
        try c.encode(lastTouch, forKey: .lastTouch)
        try c.encode(health, forKey: .health)
        try c.encode(healthChange, forKey: .healthChange)
        try c.encode(flags, forKey: .flags)
        try c.encode(openConcerns, forKey: .openConcerns)
        try c.encode(nextDue, forKey: .nextDue)
        try c.encode(nextDueTitle, forKey: .nextDueTitle)
        try c.encode(renewsOn, forKey: .renewsOn)
        try c.encode(renewalValue, forKey: .renewalValue)
        try c.encode(valueAtRisk, forKey: .valueAtRisk)
        try c.encode(riskReasons, forKey: .riskReasons)
    }
}
