/// The intervals the due engine works with, from the store's settings.
public struct DuePolicy: Equatable, Sendable {
    /// Litmus check-up interval for key accounts, in days (default quarterly).
    public var keyCheckupDays: Int
    /// Litmus check-up interval for other accounts, in days (default yearly).
    public var checkupDays: Int
    /// How old the latest satisfaction reading may be, in days (default half a year).
    public var satisfactionDays: Int
    /// Days before a renewal its preparation falls due, per tier's raw value.
    public var renewalOffsets: [String: [Int]]

    public init(
        keyCheckupDays: Int = 91, checkupDays: Int = 365, satisfactionDays: Int = 182,
        renewalOffsets: [String: [Int]] = RenewalOffsets.standard
    ) {
        self.keyCheckupDays = keyCheckupDays
        self.checkupDays = checkupDays
        self.satisfactionDays = satisfactionDays
        self.renewalOffsets = renewalOffsets
    }

    public init(_ settings: StoreSettings) {
        self.init(
            keyCheckupDays: settings.keyCheckupDays, checkupDays: settings.checkupDays,
            satisfactionDays: settings.satisfactionDays, renewalOffsets: settings.renewalOffsets)
    }

    /// The preparation offsets of a tier, largest first, positive only.
    public func renewalOffsets(for tier: Tier) -> [Int] {
        let offsets = renewalOffsets[tier.rawValue] ?? RenewalOffsets.standard[tier.rawValue] ?? [30]
        return Array(Set(offsets.filter { $0 > 0 })).sorted(by: >)
    }

    /// The litmus interval for an account: its own override, else by tier.
    public func checkupDays(for account: Account) -> Int {
        account.checkupIntervalDays ?? (account.tier == .key ? keyCheckupDays : checkupDays)
    }
}
