/// The look back at a lost account (D48): every warning sign its own history showed
/// before the loss, and when each first appeared. Pure: the same account and day give
/// the same signs.
public struct DefectionReview: Hashable, Sendable {
    /// The day looked back from: the loss, or today for an account still active.
    public var day: Day
    /// The signs found, the earliest first.
    public var signs: [DefectionSign]
    /// The account's first day in the store: a sign there from then is a standing weakness.
    public var start: Day

    /// The signs visible in `account`'s history before `day` (by default the day it was
    /// lost, else today). `questions` names the litmus answers that dropped.
    public init(_ account: Account, before day: Day, questions: [LitmusQuestionSet] = []) {
        self.day = day
        start = account.createdOn
        var look = DefectionLook(account: account, day: day, questions: questions)
        look.findAll()
        signs = look.found.sorted { ($0.since, $0.kind.rawValue) < ($1.since, $1.kind.rawValue) }
    }

    /// The review of a lost or former account, as of its loss (nil without a loss record).
    public static func ofLoss(_ account: Account, questions: [LitmusQuestionSet] = []) -> DefectionReview? {
        account.loss.map { DefectionReview(account, before: $0.lostOn, questions: questions) }
    }

    /// The first sign that appeared after the account's first day: the warning we had (a
    /// sign there from the first day, such as never knowing anyone senior, is a standing
    /// weakness, not a warning). Nil when every sign was there from the start.
    public var warning: DefectionSign? { signs.first { $0.since > start } }

    /// Days from the first warning to the day looked back from.
    public var warningDays: Int? { warning?.days(before: day) }

    /// "5 warning signs before the loss; we had 140 days from the first warning", or
    /// that none showed.
    public var summary: String {
        let n = signs.count
        guard n > 0 else { return "No warning sign showed in its history before the loss." }
        let signsText = "\(n) warning sign\(n == 1 ? "" : "s") before the loss"
        guard let days = warningDays else { return signsText + ", every one there from the start" }
        return signsText + "; we had \(days) days from the first warning"
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
