/// The loss fields a command names, each nil when not named (D48). Applied with the
/// account's other fact changes, so it goes through `Mutation.editFacts` too.
public struct LossChange: Equatable, Sendable {
    public var lostOn: Day?
    public var valueLost: Int?
    public var reasons: [LossReason]?
    public var reasonText: String?
    public var wonBy: String?

    public init() {}

    /// `facts` with a loss record if it needs one and has none: lost today, its annual
    /// value lost, when the account becomes lost or former (it was not in `base`). What
    /// every way of setting the status does first, so a lost account always has its
    /// record, whatever is asked next (the loss form may be left with Esc).
    public static func recorded(_ facts: AccountFacts, from base: AccountFacts, today: Day) -> AccountFacts {
        // An empty change throws only for loss fields named on an active account: never.
        (try? LossChange().applied(to: facts, from: base, today: today)) ?? facts
    }

    /// Whether no loss field is named.
    public var isEmpty: Bool { self == LossChange() }

    /// `facts` with the loss recorded: an account that becomes lost or former (it was not in
    /// `base`), or is gone without a record, gets a new one (lost today, its annual value
    /// lost), then the named fields. Throws when loss fields are named for an account that
    /// stays active or at risk.
    public func applied(to facts: AccountFacts, from base: AccountFacts, today: Day) throws(InputError)
        -> AccountFacts
    {
        var mine = facts
        guard mine.status.isGone else {
            if isEmpty { return mine }
            throw InputError(
                "\(facts.name) is \(facts.status.rawValue): a loss is recorded with --status lost or former")
        }
        if mine.loss == nil || !base.status.isGone {
            mine.loss = LossRecord(lostOn: today, valueLost: mine.annualValue)
        }
        if let lostOn {
            guard lostOn <= today else {
                throw InputError("--lost-on \(lostOn.iso) is in the future; give today or a past day")
            }
            mine.lossDay = lostOn
        }
        if let valueLost { mine.lossValue = valueLost }
        if let reasons { mine.lossReasons = reasons }
        if let reasonText { mine.lossReasonText = reasonText }
        if let wonBy { mine.lossWonBy = wonBy }
        return mine
    }
}
