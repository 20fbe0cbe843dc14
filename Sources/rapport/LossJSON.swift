import RapportCore

/// A sign as `review`, `sweep` and `losses` print it in JSON (D48).
struct SignJSON: Encodable {
    let code: String
    let label: String
    let since: String
    /// Days from its first showing to the loss (for an active account: to today).
    let daysBeforeLoss: Int
    let details: [String]

    init(_ sign: DefectionSign, before day: Day) {
        code = sign.kind.rawValue
        label = sign.kind.label
        since = sign.since.iso
        daysBeforeLoss = sign.days(before: day)
        details = sign.details
    }
}

/// A lost account as `review` and `losses` print it in JSON.
struct LostAccountJSON: Encodable {
    let id: String
    let name: String
    let lostOn: String
    let valueLost: Int
    let reasons: [String]
    let reasonText: String
    let wonBy: String
    let signs: [SignJSON]

    init(_ account: Account, _ loss: LossRecord, _ review: DefectionReview) {
        id = account.id.rawValue
        name = account.name
        lostOn = loss.lostOn.iso
        valueLost = loss.valueLost
        reasons = loss.reasons.map(\.rawValue)
        reasonText = loss.reasonText
        wonBy = loss.wonBy
        signs = review.signs.map { SignJSON($0, before: loss.lostOn) }
    }
}

/// The text lines of a review's signs: day, days before, what, then each occurrence.
enum SignText {
    static func lines(_ signs: [DefectionSign], before day: Day, word: String = "before the loss") -> [String]
    {
        signs.flatMap { sign in
            [
                "  \(sign.since.iso)  \(sign.days(before: day)) days \(word)  \(sign.kind.label) [\(sign.kind.rawValue)]"
            ]
                + sign.details.map { "      \($0)" }
        }
    }
}
