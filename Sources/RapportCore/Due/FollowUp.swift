#if canImport(Glibc)
    import Glibc
#endif

/// Where a follow-up comes from.
public enum DueSource: String, Choice {
    case plan
    case action = "worksheet-action"
    case evaluation = "worksheet-evaluation"
    case concern
    case keepInTouch = "keep-in-touch"
    case litmus
    case satisfaction
    case reading = "measure-reading"
    case touchFollowUp = "touch-follow-up"
    case riskReview = "risk-review"
    case mergeConflict = "merge-conflict"
    case renewal
    case renewalDay = "renewal-day"
    case renewalNotice = "renewal-notice"
    case reconnect

    public var label: String {
        switch self {
        case .plan: return "plan"
        case .action: return "action"
        case .evaluation: return "evaluation"
        case .concern: return "concern"
        case .keepInTouch: return "keep in touch"
        case .litmus: return "litmus test"
        case .satisfaction: return "satisfaction"
        case .reading: return "reading"
        case .touchFollowUp: return "follow-up"
        case .riskReview: return "risk review"
        case .mergeConflict: return "merge conflict"
        case .renewal: return "renewal"
        case .renewalDay: return "renewal day"
        case .renewalNotice: return "notice deadline"
        case .reconnect: return "reconnect"
        }
    }
}

/// The record a follow-up points at, so acting on it changes the right thing.
public enum DueRef: Hashable, Sendable {
    case planItem(RecordID)
    case action(worksheet: RecordID, action: RecordID)
    case evaluation(worksheet: RecordID)
    case concern(RecordID)
    case contact(RecordID)
    case litmus
    case satisfaction
    case reading(measure: RecordID, month: YearMonth)
    case touchFollowUp(RecordID)
    case riskReview(RecordID)
    case mergeConflict(RecordID)
    /// Preparing the next renewal.
    case renewal
    /// The renewal day itself: renewed, or the account lost.
    case renewalDay
    /// The last day to give or agree notice on a contract that does not renew itself.
    case renewalNotice
    /// A champion (main contact or senior leader) left: win someone else over.
    case reconnect(contact: RecordID)

    public var source: DueSource {
        switch self {
        case .planItem: return .plan
        case .action: return .action
        case .evaluation: return .evaluation
        case .concern: return .concern
        case .contact: return .keepInTouch
        case .litmus: return .litmus
        case .satisfaction: return .satisfaction
        case .reading: return .reading
        case .touchFollowUp: return .touchFollowUp
        case .riskReview: return .riskReview
        case .mergeConflict: return .mergeConflict
        case .renewal: return .renewal
        case .renewalDay: return .renewalDay
        case .renewalNotice: return .renewalNotice
        case .reconnect: return .reconnect
        }
    }

    /// The part of the item's stable key after the account id (also how the index
    /// stores the reference; `init?(keyPart:)` reads it back).
    public var keyPart: String {
        let prefix = source.keyPrefix.description
        switch self {
        case .planItem(let id), .evaluation(let id), .concern(let id), .contact(let id),
            .touchFollowUp(let id),
            .riskReview(let id), .mergeConflict(let id), .reconnect(let id):
            return "\(prefix)/\(id)"
        case .action(let w, let a): return "\(prefix)/\(w)/\(a)"
        case .litmus, .satisfaction, .renewal, .renewalDay, .renewalNotice: return prefix
        case .reading(let m, let month): return "\(prefix)/\(m)/\(month.iso)"
        }
    }

    public init?(keyPart: String) {
        let parts = keyPart.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let source = DueSource.allCases.first(where: { $0.keyPrefix.description == parts[0] }),
            parts.count == source.keyPartCount
        else { return nil }
        func id(_ i: Int) -> RecordID? { RecordID(rawValue: parts[i]) }
        switch source {
        case .plan:
            guard let a = id(1) else { return nil }
            self = .planItem(a)
        case .action:
            guard let w = id(1), let a = id(2) else { return nil }
            self = .action(worksheet: w, action: a)
        case .evaluation:
            guard let w = id(1) else { return nil }
            self = .evaluation(worksheet: w)
        case .concern:
            guard let c = id(1) else { return nil }
            self = .concern(c)
        case .keepInTouch:
            guard let c = id(1) else { return nil }
            self = .contact(c)
        case .litmus: self = .litmus
        case .satisfaction: self = .satisfaction
        case .reading:
            guard let m = id(1), let month = YearMonth(iso: parts[2]) else { return nil }
            self = .reading(measure: m, month: month)
        case .touchFollowUp:
            guard let t = id(1) else { return nil }
            self = .touchFollowUp(t)
        case .riskReview:
            guard let r = id(1) else { return nil }
            self = .riskReview(r)
        case .mergeConflict:
            guard let c = id(1) else { return nil }
            self = .mergeConflict(c)
        case .renewal: self = .renewal
        case .renewalDay: self = .renewalDay
        case .renewalNotice: self = .renewalNotice
        case .reconnect:
            guard let c = id(1) else { return nil }
            self = .reconnect(contact: c)
        }
    }

    /// Whether `bytes` (UTF-8) is the key part of a reference of `source`: what
    /// `init?(keyPart:)` accepts, checked without building strings (the index checks
    /// every follow-up line it reads this way).
    public static func isKeyPart(_ bytes: UnsafeBufferPointer<UInt8>, of source: DueSource) -> Bool {
        // The prefix and its slash, then segments of a record id's bytes (a reading's last
        // one a month), in one pass over the bytes, each byte checked as it is passed.
        let prefix = source.keyPrefix
        let count = prefix.utf8CodeUnitCount
        let slash = UInt8(ascii: "/")
        guard let base = bytes.baseAddress, bytes.count >= count, memcmp(base, prefix.utf8Start, count) == 0
        else { return false }
        if bytes.count == count { return source.keyPartCount == 1 }
        guard bytes[count] == slash else { return false }
        var part = 1
        var i = count + 1
        while true {
            let start = i
            while i < bytes.count, RecordID.isIDByte(bytes[i]) { i += 1 }
            guard (1...64).contains(i - start), bytes[start] != UInt8(ascii: "-") else { return false }
            if source == .reading && part == 2 {
                guard YearMonth(isoUTF8: UnsafeBufferPointer(rebasing: bytes[start..<i])) != nil else {
                    return false
                }
            }
            part += 1
            if i == bytes.count { return part == source.keyPartCount }
            guard bytes[i] == slash else { return false }
            i += 1
        }
    }
}

extension DueSource {
    /// The first part of a reference's key part.
    var keyPrefix: StaticString {
        switch self {
        case .plan: return "plan"
        case .action: return "action"
        case .evaluation: return "evaluation"
        case .concern: return "concern"
        case .keepInTouch: return "keep-in-touch"
        case .litmus: return "litmus"
        case .satisfaction: return "satisfaction"
        case .reading: return "reading"
        case .touchFollowUp: return "follow-up"
        case .riskReview: return "risk"
        case .mergeConflict: return "merge-conflict"
        case .renewal: return "renewal"
        case .renewalDay: return "renewal-day"
        case .renewalNotice: return "renewal-notice"
        case .reconnect: return "reconnect"
        }
    }

    /// How many `/`-separated parts its key part has.
    var keyPartCount: Int {
        switch self {
        case .litmus, .satisfaction, .renewal, .renewalDay, .renewalNotice: return 1
        case .action, .reading: return 3
        default: return 2
        }
    }
}

/// How soon: the groups of the due list, most urgent first.
public enum DueBand: Int, CaseIterable, Comparable, Sendable {
    case overdue, today, thisWeek, later

    public var title: String {
        switch self {
        case .overdue: return "Overdue"
        case .today: return "Today"
        case .thisWeek: return "This week"
        case .later: return "Later"
        }
    }

    /// The band of something due on `due`, seen on `today`. "This week" is the next
    /// seven days, so a Friday's week does not end on Sunday.
    public static func of(_ due: Day, today: Day) -> DueBand {
        let days = today.days(until: due)
        if days < 0 { return .overdue }
        if days == 0 { return .today }
        return days <= 7 ? .thisWeek : .later
    }

    public static func < (lhs: DueBand, rhs: DueBand) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One reason an item ranks where it does, with its points.
public struct UrgencyPart: Hashable, Sendable {
    public var label: String
    public var points: Int
    public init(_ label: String, _ points: Int) {
        self.label = label
        self.points = points
    }
}

/// One thing an account manager has to do, derived from the store.
public struct FollowUp: Hashable, Sendable, Identifiable {
    /// Stable across runs (`<account id>/<source>/<record id>`): snoozes and calendar
    /// UIDs refer to it.
    public var key: String { "\(accountID)/\(ref.keyPart)" }
    public var accountID: RecordID
    public var accountName: String
    public var title: String
    public var ref: DueRef
    public var due: Day
    /// Who should act: the item's owner, else the account's.
    public var owner: String
    /// Why it is due, in a sentence.
    public var why: String
    /// For keep-in-touch items: the first day the contact is past the maximum
    /// interval (red), not just the ideal one (yellow).
    public var redFrom: Day?
    /// Never done at all (a first litmus test or satisfaction measurement): due from
    /// `due` but shown as due today rather than long overdue.
    public var neverDone: Bool
    /// For concerns: how serious it is.
    public var severity: Severity?
    /// Set when the item was snoozed to `due`.
    public var snooze: Snooze?
    /// The urgency score (see `Urgency`), set when the item is scored for a day.
    public var score: Int
    /// What the score was computed from, so its parts can be shown.
    public var basis: UrgencyBasis?

    public var id: String { key }
    public var source: DueSource { ref.source }
    /// Why the item ranks where it does: the parts of its score.
    public var urgency: [UrgencyPart] {
        basis.map { Urgency.parts(of: self, $0) } ?? []
    }
    /// Past the maximum keep-in-touch interval on `today`.
    public func isRed(on today: Day) -> Bool { redFrom.map { today >= $0 } ?? false }
    public func daysOverdue(on today: Day) -> Int { max(0, due.days(until: today)) }
    public func band(on today: Day) -> DueBand { DueBand.of(due, today: today) }

    public init(
        accountID: RecordID, accountName: String, title: String, ref: DueRef, due: Day, owner: String,
        why: String, redFrom: Day? = nil, neverDone: Bool = false, severity: Severity? = nil,
        snooze: Snooze? = nil
    ) {
        self.accountID = accountID
        self.accountName = accountName
        self.title = title
        self.ref = ref
        self.due = due
        self.owner = owner
        self.why = why
        self.redFrom = redFrom
        self.neverDone = neverDone
        self.severity = severity
        self.snooze = snooze
        self.score = 0
    }
}
