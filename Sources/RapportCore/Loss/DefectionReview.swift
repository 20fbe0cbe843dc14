/// The look back at a lost account (D48): every warning sign its own history showed
/// before the loss, and when each first appeared. Pure: the same account and day give
/// the same signs.
public struct DefectionReview: Hashable, Sendable {
    /// The day looked back from: the loss, or today for an account still active.
    public var day: Day
    /// The signs found, the earliest first.
    public var signs: [DefectionSign]

    /// The signs visible in `account`'s history before `day` (by default the day it was
    /// lost, else today). `questions` names the litmus answers that dropped.
    public init(_ account: Account, before day: Day, questions: [LitmusQuestionSet] = []) {
        self.day = day
        var look = DefectionLook(account: account, day: day, questions: questions)
        look.findAll()
        signs = look.found.sorted { ($0.since, $0.kind.rawValue) < ($1.since, $1.kind.rawValue) }
    }

    /// The review of a lost or former account, as of its loss (nil without a loss record).
    public static func ofLoss(_ account: Account, questions: [LitmusQuestionSet] = []) -> DefectionReview? {
        account.loss.map { DefectionReview(account, before: $0.lostOn, questions: questions) }
    }

    /// The sign of a kind, if found.
    public func sign(_ kind: DefectionSignKind) -> DefectionSign? { signs.first { $0.kind == kind } }

    /// The kinds found.
    public var kinds: Set<DefectionSignKind> { Set(signs.map(\.kind)) }

    /// The signs still showing in the `window` days up to the day looked at: the sweep's
    /// test of "showing now".
    public func recent(within window: Int) -> [DefectionSign] {
        signs.filter { $0.latest.days(until: day) <= window }
    }
}
