extension DefectionReview {
    /// A root-cause worksheet for the loss, linked to it, with Define filled from the
    /// review: the problem (what was lost, why the customer said), the data we have (each
    /// sign and when it first showed) and what is missing.
    public static func worksheet(for account: Account, loss: LossRecord, review: DefectionReview, today: Day)
        -> Worksheet
    {
        var problem =
            "We lost \(account.name) on \(loss.lostOn.iso) (\(Money.grouped(loss.valueLost)) a year)"
        problem += loss.reasons.isEmpty && loss.reasonText.isEmpty ? "." : ": \(loss.summary)."
        let signs = review.signs.map { sign in
            "\(sign.kind.label) since \(sign.since.iso) (\(sign.days(before: loss.lostOn)) days before)"
        }
        let have =
            signs.isEmpty
            ? "No warning sign showed in its history before the loss."
            : "Warning signs before the loss: " + signs.joined(separator: "; ") + "."
        let missing =
            "Why these signs were not acted on in time; what the customer would say made them leave"
            + (loss.wonBy.isEmpty
                ? "; who won the account." : "; what \(loss.wonBy) offered that we did not.")
        var w = Worksheet(
            title: "Why we lost \(account.name)", createdOn: today,
            define: ProblemDefinition(problem: problem, dataWeHave: have, dataMissing: missing))
        w.lossOn = loss.lostOn
        return w
    }
}
