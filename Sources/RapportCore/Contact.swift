/// A person at the customer.
public struct Contact: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var name: String
    public var title: String
    public var level: ContactLevel
    public var email: String
    public var phone: String
    public var channel: Channel
    /// How often they want progress reports, if they said.
    public var reportFrequency: ReportFrequency?
    /// How often we should be in touch, if tracked.
    public var keepInTouch: KeepInTouch?
    /// Set when the contact left the customer (a defection signal).
    public var leftOn: Day?
    /// After a champion (main contact or senior leader) left: the day the reconnect
    /// follow-up was done (someone else won over), which ends the champion-left flag.
    public var reconnectedOn: Day?
    public var notes: String
    /// The contact's id in the system it was imported from (a Salesforce Contact ID, a
    /// HubSpot Record ID): a re-import finds the contact by it.
    public var sourceID: String?

    public init(
        id: RecordID = .generate("con"), name: String, title: String = "", level: ContactLevel = .other,
        email: String = "", phone: String = "", channel: Channel = .email,
        reportFrequency: ReportFrequency? = nil, keepInTouch: KeepInTouch? = nil,
        leftOn: Day? = nil, reconnectedOn: Day? = nil, notes: String = "", sourceID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.level = level
        self.email = email
        self.phone = phone
        self.channel = channel
        self.reportFrequency = reportFrequency
        self.keepInTouch = keepInTouch
        self.leftOn = leftOn
        self.reconnectedOn = reconnectedOn
        self.notes = notes
        self.sourceID = sourceID
    }

    /// Still at the customer.
    public var isCurrent: Bool { leftOn == nil }

    /// A main contact or senior leader: losing one endangers the relationship.
    public var isChampion: Bool { level == .main || level == .senior }

    /// A champion who left and whose loss nobody has answered yet.
    public var isUnansweredDeparture: Bool { isChampion && leftOn != nil && reconnectedOn == nil }
}

/// The keep-in-touch rhythm for a contact: past `idealDays` without a touch is a
/// warning, past `maximumDays` it is overdue.
public struct KeepInTouch: Codable, Hashable, Sendable {
    public var idealDays: Int
    public var maximumDays: Int

    public init(idealDays: Int, maximumDays: Int) {
        self.idealDays = idealDays
        self.maximumDays = max(idealDays, maximumDays)
    }
}

/// Someone in our own organisation who deals with the customer.
public struct TeamMember: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var name: String
    public var role: TeamRole
    /// What this person is responsible for with this customer.
    public var responsibility: String

    public init(id: RecordID = .generate("tm"), name: String, role: TeamRole, responsibility: String = "") {
        self.id = id
        self.name = name
        self.role = role
        self.responsibility = responsibility
    }
}
