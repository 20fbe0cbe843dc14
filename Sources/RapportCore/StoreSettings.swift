/// Settings shared by everyone using a store.
public struct StoreSettings: Codable, Equatable, Sendable {
    /// Currency of account values, e.g. "EUR".
    public var currency: String
    /// Litmus check-up interval for key accounts, in days.
    public var keyCheckupDays: Int
    /// Litmus check-up interval for other accounts, in days.
    public var checkupDays: Int
    /// How old the latest satisfaction reading may be before measuring again, in days.
    public var satisfactionDays: Int
    /// Days before a renewal that its preparation falls due, per tier (`key`, `core`,
    /// `standard`); a tier not named uses `RenewalOffsets.standard`'s value for it (D50).
    public var renewalOffsets: [String: [Int]]

    public init(
        currency: String = "EUR", keyCheckupDays: Int = 91, checkupDays: Int = 365,
        satisfactionDays: Int = 182, renewalOffsets: [String: [Int]] = RenewalOffsets.standard
    ) {
        self.currency = currency
        self.keyCheckupDays = keyCheckupDays
        self.checkupDays = checkupDays
        self.satisfactionDays = satisfactionDays
        self.renewalOffsets = renewalOffsets
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = StoreSettings()
        currency = try c.decodeIfPresent(String.self, forKey: .currency) ?? defaults.currency
        keyCheckupDays = try c.decodeIfPresent(Int.self, forKey: .keyCheckupDays) ?? defaults.keyCheckupDays
        checkupDays = try c.decodeIfPresent(Int.self, forKey: .checkupDays) ?? defaults.checkupDays
        satisfactionDays =
            try c.decodeIfPresent(Int.self, forKey: .satisfactionDays) ?? defaults.satisfactionDays
        renewalOffsets =
            try c.decodeIfPresent([String: [Int]].self, forKey: .renewalOffsets) ?? defaults.renewalOffsets
    }
}

/// When renewals are prepared, by default: key accounts 180, 90, 60 and 30 days before;
/// core accounts 90, 60 and 30; standard ones 60 and 30.
public enum RenewalOffsets {
    public static let standard: [String: [Int]] = [
        Tier.key.rawValue: [180, 90, 60, 30], Tier.core.rawValue: [90, 60, 30],
        Tier.standard.rawValue: [60, 30]
    ]
}
