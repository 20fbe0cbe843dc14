/// What the recorded losses teach together (D48): value lost by quarter and by reason,
/// the signs most often present, and the median warning time.
public struct LossLessons: Sendable {
    /// One lost account: its loss and its look back.
    public struct Lost: Sendable {
        public var account: Account
        public var loss: LossRecord
        public var review: DefectionReview

        /// Days from its first warning to its loss (`DefectionReview.warning`); nil when none showed.
        public var warningDays: Int? { review.warningDays }
    }

    /// The losses, oldest first.
    public var losses: [Lost]

    /// The accounts with a loss record lost on or after `since` (every one when nil).
    public init(_ accounts: [Account], since: Day? = nil, questions: [LitmusQuestionSet] = []) {
        losses = accounts.compactMap { a -> Lost? in
            guard let loss = a.loss, since.map({ loss.lostOn >= $0 }) ?? true,
                let review = DefectionReview.ofLoss(a, questions: questions)
            else { return nil }
            return Lost(account: a, loss: loss, review: review)
        }
        .sorted { ($0.loss.lostOn, $0.account.name) < ($1.loss.lostOn, $1.account.name) }
    }

    public var valueLost: Int { losses.reduce(0) { Money.sum($0, $1.loss.valueLost) } }

    /// Value lost per quarter ("2026 Q2"), in order.
    public var byQuarter: [(quarter: String, value: Int)] {
        var result: [(quarter: String, value: Int)] = []
        for lost in losses {
            let day = lost.loss.lostOn
            let quarter = "\(day.year) Q\((day.month - 1) / 3 + 1)"
            if result.last?.quarter == quarter {
                result[result.count - 1].value = Money.sum(
                    result[result.count - 1].value, lost.loss.valueLost)
            } else {
                result.append((quarter, lost.loss.valueLost))
            }
        }
        return result
    }

    /// Per reason named: how many losses named it and their value lost (a loss naming
    /// two reasons counts in full for each), the most value first.
    public var byReason: [(reason: LossReason, count: Int, value: Int)] {
        LossReason.allCases.compactMap { reason in
            let named = losses.filter { $0.loss.reasons.contains(reason) }
            guard !named.isEmpty else { return nil }
            return (reason, named.count, named.reduce(0) { Money.sum($0, $1.loss.valueLost) })
        }
        .sorted { ($1.value, $1.count) < ($0.value, $0.count) }
    }

    /// Per kind of sign: in how many losses' look backs it showed, the most often first.
    public var bySign: [(kind: DefectionSignKind, count: Int)] {
        DefectionSignKind.allCases.compactMap { kind in
            let count = losses.filter { $0.review.sign(kind) != nil }.count
            return count == 0 ? nil : (kind, count)
        }
        .sorted { $0.count > $1.count }
    }

    /// The median of the losses' warning days (the lower middle of an even count); nil
    /// when no loss showed a sign.
    public var medianWarningDays: Int? {
        let days = losses.compactMap(\.warningDays).sorted()
        return days.isEmpty ? nil : days[(days.count - 1) / 2]
    }
}
