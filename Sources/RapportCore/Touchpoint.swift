/// One contact with the customer: a meeting, call, email, report, meal, visit or review.
public struct Touchpoint: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var day: Day
    public var kind: TouchKind
    /// Contacts involved (ids into the account's contacts).
    public var contactIDs: [RecordID]
    public var summary: String
    public var sentiment: Sentiment
    /// When to follow this touchpoint up, if at all.
    public var followUp: Day?
    /// The day the follow-up was done; clears it from the due list.
    public var followUpDoneOn: Day?
    /// Who logged it.
    public var loggedBy: String
    /// The plan item this touchpoint completed, if any.
    public var planItemID: RecordID?
    /// The activity's id in the system it was imported from: a re-import finds it by it.
    public var sourceID: String?

    public init(
        id: RecordID = .generate("tp"), day: Day, kind: TouchKind, contactIDs: [RecordID] = [],
        summary: String, sentiment: Sentiment = .neutral, followUp: Day? = nil,
        followUpDoneOn: Day? = nil, loggedBy: String = "", planItemID: RecordID? = nil,
        sourceID: String? = nil
    ) {
        self.id = id
        self.day = day
        self.kind = kind
        self.contactIDs = contactIDs
        self.summary = summary
        self.sentiment = sentiment
        self.followUp = followUp
        self.followUpDoneOn = followUpDoneOn
        self.loggedBy = loggedBy
        self.planItemID = planItemID
        self.sourceID = sourceID
    }
}

/// An issue or comment the customer raised. Every one is recorded and addressed,
/// however small.
public struct Concern: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var raisedOn: Day
    /// The contact who raised it, if known.
    public var raisedBy: RecordID?
    public var summary: String
    public var detail: String
    public var severity: Severity
    public var status: ConcernStatus
    /// When the customer must have heard back from us.
    public var respondBy: Day?
    /// When we did respond.
    public var respondedOn: Day?
    public var resolution: String
    public var resolvedOn: Day?
    /// The root-cause worksheet working this concern, if any.
    public var worksheetID: RecordID?

    public init(
        id: RecordID = .generate("cn"), raisedOn: Day, raisedBy: RecordID? = nil, summary: String,
        detail: String = "", severity: Severity = .medium, status: ConcernStatus = .open,
        respondBy: Day? = nil, respondedOn: Day? = nil, resolution: String = "",
        resolvedOn: Day? = nil, worksheetID: RecordID? = nil
    ) {
        self.id = id
        self.raisedOn = raisedOn
        self.raisedBy = raisedBy
        self.summary = summary
        self.detail = detail
        self.severity = severity
        self.status = status
        self.respondBy = respondBy
        self.respondedOn = respondedOn
        self.resolution = resolution
        self.resolvedOn = resolvedOn
        self.worksheetID = worksheetID
    }

    /// Open and past its respond-by day without a response.
    public func isOverdue(on today: Day) -> Bool {
        guard status.isOpen, respondedOn == nil, let due = respondBy else { return false }
        return due < today
    }
}

extension Concern {
    /// Never keep the customer waiting: without an agreed date, a response is due the
    /// next day for a critical concern, in 2 days for high, 5 for medium, 10 for low.
    public static func defaultRespondBy(raisedOn: Day, severity: Severity) -> Day {
        switch severity {
        case .critical: return raisedOn.adding(days: 1)
        case .high: return raisedOn.adding(days: 2)
        case .medium: return raisedOn.adding(days: 5)
        case .low: return raisedOn.adding(days: 10)
        }
    }
}
