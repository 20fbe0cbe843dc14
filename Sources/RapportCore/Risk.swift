/// A risk from a named disruption, seen at three levels: to our contact, to their
/// company, and in their market, each with the response we expect from them.
public struct Risk: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    /// The disruption, e.g. "New packaging levy raises their unit cost 8%".
    public var disruption: String
    public var kind: DisruptionKind
    public var state: RiskState
    public var identifiedOn: Day
    public var occurredOn: Day?
    public var contact: RiskAtLevel
    public var company: RiskAtLevel
    public var market: RiskAtLevel
    /// What we plan to do about it.
    public var ourResponse: String
    /// When to look at this risk again.
    public var reviewOn: Day?

    public init(
        id: RecordID = .generate("rk"), disruption: String, kind: DisruptionKind = .other,
        state: RiskState = .hypothetical, identifiedOn: Day, occurredOn: Day? = nil,
        contact: RiskAtLevel = .init(), company: RiskAtLevel = .init(), market: RiskAtLevel = .init(),
        ourResponse: String = "", reviewOn: Day? = nil
    ) {
        self.id = id
        self.disruption = disruption
        self.kind = kind
        self.state = state
        self.identifiedOn = identifiedOn
        self.occurredOn = occurredOn
        self.contact = contact
        self.company = company
        self.market = market
        self.ourResponse = ourResponse
        self.reviewOn = reviewOn
    }
}

/// The risk at one level and the likely response there.
public struct RiskAtLevel: Codable, Hashable, Sendable {
    public var risk: String
    public var likelyResponse: String

    public init(risk: String = "", likelyResponse: String = "") {
        self.risk = risk
        self.likelyResponse = likelyResponse
    }
}
