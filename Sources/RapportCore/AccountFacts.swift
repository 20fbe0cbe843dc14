/// The editable facts of an account (everything the account form shows, and the notes).
public struct AccountFacts: Equatable, Sendable {
    public var name: String
    public var owner: String
    public var tier: Tier
    public var status: AccountStatus
    /// Why and when it was lost (D48); kept when it comes back.
    public var loss: LossRecord?
    public var season: Season
    public var annualValue: Int
    public var lifetimeValue: Int
    public var market: String
    public var customerSince: Day?
    public var tags: [String]
    /// The account's id in the system it was imported from.
    public var sourceID: String?
    public var notes: String
    /// The contract's renewal terms (D50): nil `renewsOn` means none are set.
    public var renewsOn: Day?
    public var contractTermMonths: Int
    /// What the renewal is worth a year; nil means the annual value.
    public var renewalValue: Int?
    public var autoRenews: Bool
    public var noticeDays: Int
    /// Why the season changed (kept in the season history).
    public var seasonReason = ""

    public init(_ a: Account) {
        name = a.name
        owner = a.owner
        tier = a.tier
        status = a.status
        loss = a.loss
        season = a.season
        annualValue = a.annualValue
        lifetimeValue = a.lifetimeValue
        market = a.market
        customerSince = a.customerSince
        tags = a.tags
        sourceID = a.sourceID
        notes = a.notes
        renewsOn = a.contract?.renewsOn
        contractTermMonths = a.contract?.termMonths ?? 12
        renewalValue = a.contract?.renewalValue
        autoRenews = a.contract?.autoRenews ?? false
        noticeDays = a.contract?.noticeDays ?? 0
    }

    /// Writes the facts into the account; a new season is recorded in its history.
    public func apply(to a: inout Account, today: Day) {
        a.name = name
        a.owner = owner
        a.tier = tier
        a.status = status
        a.loss = loss
        a.annualValue = annualValue
        a.lifetimeValue = lifetimeValue
        a.market = market
        a.customerSince = customerSince
        a.tags = tags
        a.sourceID = sourceID
        a.notes = notes
        applyContract(to: &a, today: today)
        a.changeSeason(
            to: season, on: today, reason: seasonReason.isEmpty ? "Changed in Rapport" : seasonReason)
    }
}

extension AccountFacts {
    /// The renewal terms into the account's contract: a new renewal day starts its
    /// preparation and notice over; no renewal day removes the terms.
    private func applyContract(to a: inout Account, today: Day) {
        guard let renewsOn else {
            a.contract = nil
            return
        }
        var c = a.contract ?? Contract(renewsOn: renewsOn, setOn: today)
        if c.renewsOn != renewsOn {
            c.renewsOn = renewsOn
            c.preparedOn = nil
            c.noticeHandledOn = nil
            c.setOn = today
        }
        c.termMonths = contractTermMonths
        c.renewalValue = renewalValue
        c.autoRenews = autoRenews
        c.noticeDays = noticeDays
        a.contract = c
    }

    /// Refuses renewal terms no contract has, naming the field and what is accepted.
    public func validateRenewal() throws(InputError) {
        guard let renewsOn else { return }
        try Contract(
            renewsOn: renewsOn, termMonths: contractTermMonths, renewalValue: renewalValue,
            autoRenews: autoRenews, noticeDays: noticeDays, setOn: renewsOn
        ).validate()
    }
}

extension Account {
    /// The most recent touchpoint's day.
    public var lastTouch: Day? { touchpoints.map(\.day).max() }

    /// The most recent touch involving the contact.
    public func lastTouch(with contactID: RecordID) -> Day? {
        touchpoints.lazy.filter { $0.contactIDs.contains(contactID) }.map(\.day).max()
    }

    /// Contacts still at the customer.
    public var currentContacts: [Contact] { contacts.filter(\.isCurrent) }

    /// Litmus checks oldest first.
    public var litmusHistory: [LitmusCheck] { litmusChecks.sorted { $0.day < $1.day } }

    /// The latest litmus score, if any.
    public var health: Int? { litmusHistory.last?.score }

    /// Change of the latest score from the previous check of the same question-set
    /// version; nil when there is no comparable previous check.
    public var healthChange: Int? {
        let history = litmusHistory
        guard let last = history.last,
            let previous = history.dropLast().last(where: { $0.version == last.version })
        else { return nil }
        return last.score - previous.score
    }

    /// Open concerns, most severe first.
    public var openConcerns: [Concern] {
        concerns.filter(\.status.isOpen).sorted { $0.severity.weight > $1.severity.weight }
    }
}
