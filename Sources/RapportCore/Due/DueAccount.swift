import IndexKit

/// An account as the due list reads it: its follow-ups, snoozes, and what urgency and
/// the list's rows take from the account. `AccountDigest` is one; `DueAccount` is the
/// least of one.
public protocol DueListed: Sendable {
    var id: RecordID { get }
    var name: String { get }
    var tier: Tier { get }
    var status: AccountStatus { get }
    var annualValue: Int { get }
    /// Every follow-up the due list may show, before snoozes and urgency (see `DueEntry`).
    var dueEntries: DueEntries { get }
    var snoozes: [Snooze] { get }
}

/// What `rapport due` keeps of each account (D57): under half a digest's size, so
/// that at 100,000 accounts the list holds 10 MB of accounts rather than 25 MB of
/// digests, and moves and sorts no more than that.
public struct DueAccount: DueListed, Equatable, Identifiable {
    public var id: RecordID
    public var name: String
    public var tier: Tier
    public var status: AccountStatus
    public var annualValue: Int
    public var dueEntries: DueEntries
    public var snoozes: [Snooze]

    public init(
        id: RecordID, name: String, tier: Tier, status: AccountStatus, annualValue: Int,
        dueEntries: DueEntries, snoozes: [Snooze]
    ) {
        self.id = id
        self.name = name
        self.tier = tier
        self.status = status
        self.annualValue = annualValue
        self.dueEntries = dueEntries
        self.snoozes = snoozes
    }
}

extension DueListed {
    /// Entry `i` as a follow-up, before snoozes and urgency.
    public func followUp(at i: Int) -> FollowUp {
        let entry = dueEntries[i]
        let fields = dueEntries.fields(of: i)
        // Key parts are written from a `DueRef`, and the index checks them when read.
        let ref = DueRef(keyPart: FieldText.unescape(fields.keyPart))!
        return FollowUp(
            accountID: id, accountName: name, title: FieldText.unescape(fields.title), ref: ref,
            due: entry.due,
            owner: FieldText.unescape(fields.owner), why: FieldText.unescape(fields.why),
            redFrom: entry.redFrom,
            neverDone: entry.neverDone, severity: entry.severity)
    }

    /// Every follow-up, before snoozes and urgency.
    public var followUps: [FollowUp] { dueEntries.indices.map(followUp(at:)) }
}
