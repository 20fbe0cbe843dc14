import RapportCore

/// The demo portfolio as bundled in `Resources/demo/portfolio.json`: account profiles
/// whose dates are relative ("days ago"), so a demo store is always current.
public struct DemoPortfolio: Decodable, Sendable {
    public var currency: String
    /// What routine touchpoints are about: noun phrases a phrasing's `{subject}` takes.
    public var subjects: [String]
    /// Summaries of routine touchpoints by touch kind (raw value), each fitting its kind:
    /// `{name}` is the contact met, `{subject}` one of `subjects`, `{month}` the month before.
    public var phrasings: [String: [String]]
    /// Summaries of the touchpoints that do a plan item: by playbook step (raw value), then
    /// by the touch kinds that fit the step.
    public var planPhrasings: [String: [String: [String]]]
    public var accounts: [DemoProfile]
}

/// One demo account.
public struct DemoProfile: Decodable, Sendable {
    public struct ContactSpec: Decodable, Sendable {
        var name: String, title: String, level: ContactLevel, channel: Channel
        var report: ReportFrequency?
        var keepInTouch: [Int]?
        var leftDaysAgo: Int?
    }
    /// The contract's renewal: due in `inDays` (negative: passed), or renewed
    /// `renewedDaysAgo` (the next renewal a term later); `preparedLate`: the last
    /// preparation the tier asked for was not done (the story's trouble).
    public struct RenewalSpec: Decodable, Sendable {
        var inDays: Int?
        var renewedDaysAgo: Int?
        var termMonths: Int?
        var autoRenews: Bool?
        var noticeDays: Int?
        var value: Int?
        var preparedLate: Bool?
    }
    public struct TeamSpec: Decodable, Sendable { var name: String, role: TeamRole, responsibility: String }
    public struct SeasonSpec: Decodable, Sendable { var season: Season, daysAgo: Int, reason: String }
    public struct ConcernSpec: Decodable, Sendable {
        var summary: String, severity: Severity, daysAgo: Int, respondInDays: Int, status: ConcernStatus
        var resolution: String?
        var raisedBy: Int?
        /// Days from raised to answered (default 1: the demo answers quickly).
        var respondedInDays: Int?
    }
    /// Why and when a lost account was lost (D48).
    public struct LossSpec: Decodable, Sendable {
        var daysAgo: Int, valueLost: Int, reasons: [LossReason], text: String, wonBy: String
    }
    /// A recent touchpoint of the account's own story, with the kind its text describes.
    public struct TopicSpec: Decodable, Sendable { var kind: TouchKind, text: String }
    public struct PlanSpec: Decodable, Sendable { var currentState: String, targetState: String }
    public struct MeasureSpec: Decodable, Sendable {
        var name: String, unit: String, direction: MeasureDirection
        var isSatisfaction: Bool?
        var values: [Double]
        var missingLast: Bool?
    }
    public struct OptionSpec: Decodable, Sendable { var text: String, ups: String, downs: String }
    public struct DecisionSpec: Decodable, Sendable { var option: Int, why: String }
    public struct ActionSpec: Decodable, Sendable {
        var text: String, owner: String, dueInDays: Int, measure: String, status: ActionStatus
    }
    public struct WorksheetSpec: Decodable, Sendable {
        var title: String
        var concern: Int?
        var problem: String, dataWeHave: String, dataMissing: String
        var causes: [String]
        var rootCause: Int?
        var options: [OptionSpec]
        var decision: DecisionSpec?
        var actions: [ActionSpec]
        var reviewInDays: Int
        var focus: String
        var accountable: [Accountable]
        var communication: CommunicationRhythm
    }
    public struct RiskSpec: Decodable, Sendable {
        var disruption: String, kind: DisruptionKind, state: RiskState, daysAgo: Int
        var contact: [String], company: [String], market: [String]
        var ourResponse: String
        var reviewInDays: Int
    }
    public struct GoalSpec: Decodable, Sendable {
        var text: String, probability: Int
        var barriers: [[BarrierPart]]
    }
    /// A barrier is written `["text", underOurControl]`.
    public enum BarrierPart: Decodable, Sendable {
        case text(String)
        case flag(Bool)
        public init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) {
                self = .flag(b)
            } else {
                self = .text(try c.decode(String.self))
            }
        }
    }
    public struct ExpectationSpec: Decodable, Sendable {
        var title: String
        var raveReviews: String?
        var reportFrequency: ReportFrequency?
        var reportChannel: Channel?
        var inPersonWhen: String?, deliveryDates: String?
        var deliveryDatesAgreed: Bool?
        var deliverables: String?, howWeWork: String?, weNeedFromThem: String?, responsibilities: String?
        var metTheTeam: Bool?
        var ifWeMiss: String?
        var goals: [GoalSpec]?
    }

    var name: String, market: String, tier: Tier, status: AccountStatus, season: Season, owner: String
    var annualValue: Int, lifetimeValue: Int, sinceYears: Int
    var tags: [String]
    var contacts: [ContactSpec]
    var team: [TeamSpec]
    var touchEveryDays: Int, lastTouchDaysAgo: Int
    var mood: String
    var topics: [TopicSpec]
    /// Contacts (by index) the story leaves past their keep-in-touch interval; every
    /// other contact with a rhythm is reached within it.
    var outOfTouch: [Int]?
    var seasonHistory: [SeasonSpec]?
    var concerns: [ConcernSpec]
    var litmus: [Int]
    var litmusLastDaysAgo: Int?
    var plan: PlanSpec?
    var measures: [MeasureSpec]?
    var loss: LossSpec?
    var worksheet: WorksheetSpec?
    var risks: [RiskSpec]?
    var expectations: ExpectationSpec?
    var renewal: RenewalSpec?
}
