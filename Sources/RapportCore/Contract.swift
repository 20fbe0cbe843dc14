/// An account's contract as far as its renewal goes (issue 20, D50): when it renews,
/// for how much, whether it renews itself, and how much notice it needs. The due list
/// prepares each renewal at fixed offsets before it and, for a contract that does not
/// renew itself, keeps the notice deadline; a renewal day passed without being marked
/// renewed (or the account lost) is a warning flag.
public struct Contract: Codable, Hashable, Sendable {
    /// The day the contract ends or renews.
    public var renewsOn: Day
    /// How long a renewal runs, in months (marking it renewed moves `renewsOn` by this).
    public var termMonths: Int
    /// What the renewal is worth a year; nil means the account's annual value.
    public var renewalValue: Int?
    /// Whether the contract renews itself unless someone gives notice.
    public var autoRenews: Bool
    /// Days of notice the contract needs before `renewsOn` (0: none).
    public var noticeDays: Int
    /// When the renewal was last prepared (a prepare item done); items before it are met.
    public var preparedOn: Day?
    /// When the notice deadline's item was dealt with, for the current `renewsOn`.
    public var noticeHandledOn: Day?
    /// The day these renewal terms were set: preparation offsets already past then are not
    /// asked for (a contract entered 40 days out is prepared 30 days out, not 180 days late).
    public var setOn: Day
    /// Every renewal marked, oldest first.
    public var renewals: [Renewal]

    public init(
        renewsOn: Day, termMonths: Int = 12, renewalValue: Int? = nil, autoRenews: Bool = false,
        noticeDays: Int = 0, preparedOn: Day? = nil, noticeHandledOn: Day? = nil, setOn: Day,
        renewals: [Renewal] = []
    ) {
        self.renewsOn = renewsOn
        self.termMonths = termMonths
        self.renewalValue = renewalValue
        self.autoRenews = autoRenews
        self.noticeDays = noticeDays
        self.preparedOn = preparedOn
        self.noticeHandledOn = noticeHandledOn
        self.setOn = setOn
        self.renewals = renewals
    }

    /// A renewal that happened: the day it was marked, the term it ended, what it was worth.
    public struct Renewal: Codable, Hashable, Sendable {
        public var on: Day
        /// The `renewsOn` it met.
        public var renewed: Day
        public var value: Int

        public init(on: Day, renewed: Day, value: Int) {
            self.on = on
            self.renewed = renewed
            self.value = value
        }
    }

    /// The longest term accepted, in months (ten years).
    public static let maximumTermMonths = 120
    /// The notice periods a contract may give, in days: none to two years.
    public static let noticeDays = 0...730

    /// Refuses terms no contract has, naming the field and what is accepted.
    public func validate() throws(InputError) {
        guard (1...Self.maximumTermMonths).contains(termMonths) else {
            throw InputError(
                "the contract term must be 1 to \(Self.maximumTermMonths) months, not \(termMonths)")
        }
        guard Self.noticeDays.contains(noticeDays) else {
            throw InputError(
                "the notice period must be \(Self.noticeDays.lowerBound) to \(Self.noticeDays.upperBound) days, "
                    + "not \(noticeDays)")
        }
        if let renewalValue, !(0...Money.maximum).contains(renewalValue) {
            throw InputError("the renewal value must be from 0 to \(Money.grouped(Money.maximum))")
        }
    }
}

extension Account {
    /// What the next renewal is worth a year: the contract's renewal value, else the annual value.
    public var renewalValue: Int { contract?.renewalValue ?? annualValue }

    /// Marks the renewal due on `contract.renewsOn` as renewed on `day`: the term starts
    /// again (renews `termMonths` later, or on `until`), worth `value` (default: what it
    /// was), and its preparation and notice start over.
    public mutating func markRenewed(on day: Day, until: Day? = nil, value: Int? = nil) throws {
        guard var c = contract else {
            throw InputError("\(name) has no renewal day to mark renewed (set one first)")
        }
        let next = until ?? c.renewsOn.adding(months: c.termMonths)
        guard next > c.renewsOn, next > day else {
            throw InputError(
                "the next renewal day must be after \(max(c.renewsOn, day).iso), not \(next.iso)")
        }
        let worth = value ?? renewalValue
        c.renewals.append(Contract.Renewal(on: day, renewed: c.renewsOn, value: worth))
        if let value { c.renewalValue = value }
        c.renewsOn = next
        c.preparedOn = nil
        c.noticeHandledOn = nil
        c.setOn = day
        contract = c
    }
}
