/// An active account showing now signs that came before a loss (D48).
public struct SweepMatch: Hashable, Sendable {
    public var account: RecordID
    public var name: String
    public var annualValue: Int
    /// The matching signs, the earliest first.
    public var signs: [DefectionSign]
}

/// The sweep: which active accounts show the signs lost accounts showed, ranked.
public enum DefectionSweep {
    /// A sign shows "now" when it showed within this many days (a standing sign such as
    /// nobody senior shows on the day itself).
    public static let window = 180

    /// The kinds of sign to look for: every one found before the losses given.
    public static func kinds(before losses: [Account], questions: [LitmusQuestionSet] = []) -> Set<
        DefectionSignKind
    > {
        losses.reduce(into: []) { kinds, a in
            kinds.formUnion(DefectionReview.ofLoss(a, questions: questions)?.kinds ?? [])
        }
    }

    /// The active and at-risk accounts showing any of `kinds` within the window up to
    /// today, most matching signs first, then the highest annual value, then by name.
    public static func matches(
        _ accounts: [Account], kinds: Set<DefectionSignKind>, today: Day, questions: [LitmusQuestionSet] = []
    ) -> [SweepMatch] {
        accounts.filter { !$0.status.isGone }.compactMap { a -> SweepMatch? in
            let review = DefectionReview(a, before: today.adding(days: 1), questions: questions)
            let signs = review.recent(within: window).filter { kinds.contains($0.kind) }
            guard !signs.isEmpty else { return nil }
            return SweepMatch(account: a.id, name: a.name, annualValue: a.annualValue, signs: signs)
        }
        .sorted {
            ($1.signs.count, $1.annualValue, $0.name) < ($0.signs.count, $0.annualValue, $1.name)
        }
    }
}
