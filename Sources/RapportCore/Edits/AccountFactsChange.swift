/// The facts a command names, each nil when it is not named. Applied to the facts as
/// they are in the newest file, it changes those fields and no other, and the edit goes
/// through `Mutation.editFacts` like the app's form (D45).
public struct AccountFactsChange: Equatable, Sendable {
    public var name: String?
    public var owner: String?
    public var tier: Tier?
    public var status: AccountStatus?
    public var season: Season?
    /// Why the season changes (required when it does).
    public var seasonReason: String?
    public var annualValue: Int?
    public var lifetimeValue: Int?
    public var market: String?
    /// `.some(nil)` clears the day.
    public var customerSince: Day??
    /// The whole list of tags, replacing the current one.
    public var tags: [String]?
    public var addTags: [String] = []
    public var removeTags: [String] = []
    public var notes: String?
    /// `.some(nil)` removes the renewal terms.
    public var renewsOn: Day??
    public var contractTermMonths: Int?
    /// `.some(nil)`: the renewal is worth the annual value.
    public var renewalValue: Int??
    public var autoRenews: Bool?
    public var noticeDays: Int?

    public init() {}

    /// Whether no field is named.
    public var isEmpty: Bool { self == AccountFactsChange() }

    /// `facts` with the named fields changed. Throws when a tag to remove is not there.
    /// (A season change must still give its reason: `AccountFacts.validateSeasonChange`.)
    public func applied(to facts: AccountFacts) throws(InputError) -> AccountFacts {
        var mine = facts
        if let name { mine.name = name }
        if let owner { mine.owner = owner }
        if let tier { mine.tier = tier }
        if let status { mine.status = status }
        if let season { mine.season = season }
        mine.seasonReason = seasonReason ?? ""
        if let annualValue { mine.annualValue = annualValue }
        if let lifetimeValue { mine.lifetimeValue = lifetimeValue }
        if let market { mine.market = market }
        if let customerSince { mine.customerSince = customerSince }
        if let tags { mine.tags = Self.unique(tags) }
        for tag in removeTags {
            guard mine.tags.contains(where: { $0.lowercased() == tag.lowercased() }) else {
                let there =
                    facts.tags.isEmpty ? "it has none" : "its tags are " + facts.tags.joined(separator: ", ")
                throw InputError("'\(tag)' is not a tag of \(facts.name); \(there)")
            }
            mine.tags.removeAll { $0.lowercased() == tag.lowercased() }
        }
        mine.tags = Self.unique(mine.tags + addTags)
        if let notes { mine.notes = notes }
        if let renewsOn { mine.renewsOn = renewsOn }
        if let contractTermMonths { mine.contractTermMonths = contractTermMonths }
        if let renewalValue { mine.renewalValue = renewalValue }
        if let autoRenews { mine.autoRenews = autoRenews }
        if let noticeDays { mine.noticeDays = noticeDays }
        return mine
    }

    /// Tags trimmed, without empty ones or a second of the same (ignoring case).
    private static func unique(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return tags.map { $0.trimmingSpaces() }.filter {
            !$0.isEmpty && seen.insert($0.lowercased()).inserted
        }
    }
}
