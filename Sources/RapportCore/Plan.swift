/// The "relationship for life" plan: from what the relationship is to what it needs
/// to be, through recurring items whose cadences drive the due list.
public struct RelationshipPlan: Codable, Hashable, Sendable {
    /// What the relationship is today.
    public var currentState: String
    /// What it needs to be.
    public var targetState: String
    public var createdOn: Day
    public var items: [PlanItem]

    public init(currentState: String = "", targetState: String = "", createdOn: Day, items: [PlanItem] = []) {
        self.currentState = currentState
        self.targetState = targetState
        self.createdOn = createdOn
        self.items = items
    }
}

/// One recurring piece of relationship work, with its history of completions.
public struct PlanItem: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var title: String
    public var step: PlaybookStep
    public var owner: String
    public var cadence: Cadence
    /// The contacts it concerns.
    public var contactIDs: [RecordID]
    /// When the item starts counting.
    public var startOn: Day
    public var paused: Bool
    public var notes: String
    public var completions: [PlanCompletion]

    public init(
        id: RecordID = .generate("pi"), title: String, step: PlaybookStep = .custom, owner: String = "",
        cadence: Cadence, contactIDs: [RecordID] = [], startOn: Day, paused: Bool = false,
        notes: String = "", completions: [PlanCompletion] = []
    ) {
        self.id = id
        self.title = title
        self.step = step
        self.owner = owner
        self.cadence = cadence
        self.contactIDs = contactIDs
        self.startOn = startOn
        self.paused = paused
        self.notes = notes
        self.completions = completions
    }

    /// The last day it was actually done.
    public var lastDone: Day? { completions.map(\.day).max() }

    /// When it is next due: one cadence after the last time it was done, or on its start
    /// day if never done (a new item is due from the day it starts, not a cadence later).
    /// Nil when paused or when a one-off item is done.
    public var nextDue: Day? {
        if paused { return nil }
        guard let last = lastDone else { return startOn }
        return cadence.next(after: last)
    }
}

/// A record that a plan item was done.
public struct PlanCompletion: Codable, Hashable, Sendable {
    public var day: Day
    public var note: String
    /// The touchpoint logged for it, if any.
    public var touchpointID: RecordID?

    public init(day: Day, note: String = "", touchpointID: RecordID? = nil) {
        self.day = day
        self.note = note
        self.touchpointID = touchpointID
    }
}
