/// A defection signal: one documented reason an account was lost (D48).
public enum LossReason: String, Choice {
    case price, competitor
    case championLeft = "champion-left"
    case poorService = "poor-service"
    case budgetCut = "budget-cut"
    case merger
    case noSeniorRelationship = "no-senior-relationship"
    case other
}

/// What was recorded when an account was lost or became former: kept when the account
/// comes back to active, so what it once taught stays readable.
public struct LossRecord: Codable, Hashable, Sendable {
    /// The day the account was lost.
    public var lostOn: Day
    /// The annual value lost, in the store's currency (whole units).
    public var valueLost: Int
    /// The defection signals named, in the order given, each once.
    public var reasons: [LossReason]
    /// What the reasons leave out, in the user's words.
    public var reasonText: String
    /// Who won the account, when known.
    public var wonBy: String

    public init(
        lostOn: Day, valueLost: Int, reasons: [LossReason] = [], reasonText: String = "", wonBy: String = ""
    ) {
        self.lostOn = lostOn
        self.valueLost = valueLost
        self.reasons = reasons
        self.reasonText = reasonText
        self.wonBy = wonBy
    }

    /// "price, champion-left (they hired a new CFO); won by Acme", for headers and `show`.
    public var summary: String {
        var parts = reasons.map(\.rawValue).joined(separator: ", ")
        if !reasonText.isEmpty { parts += parts.isEmpty ? reasonText : " (\(reasonText))" }
        if parts.isEmpty { parts = "no reason given" }
        return wonBy.isEmpty ? parts : "\(parts); won by \(wonBy)"
    }

    /// Reads comma-separated reason codes: each once, in order. Throws naming the
    /// code that is not a reason and listing the accepted ones.
    public static func parseReasons(_ text: String) throws(InputError) -> [LossReason] {
        var reasons: [LossReason] = []
        for part in text.split(separator: ",") {
            let word = part.trimmingSpaces()
            if word.isEmpty { continue }
            guard let reason = LossReason(parsing: String(word)) else {
                throw InputError("'\(word)' is not a loss reason; expected \(LossReason.acceptedList)")
            }
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        return reasons
    }
}

extension AccountStatus {
    /// Lost or former: the account is gone, and its loss can be recorded.
    public var isGone: Bool { self == .lost || self == .former }
}

extension LossRecord {
    /// "Lost 2026-03-02 · €1.2M a year · price, competitor; won by Acme", with the
    /// amount written by `money` (short for the app's header, full for `show`).
    public func line(currency: String, money: (Int, String) -> String) -> String {
        "Lost \(lostOn.iso) · \(money(valueLost, currency)) a year · \(summary)"
    }
}
