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

    public init(
        currency: String = "EUR", keyCheckupDays: Int = 91, checkupDays: Int = 365,
        satisfactionDays: Int = 182
    ) {
        self.currency = currency
        self.keyCheckupDays = keyCheckupDays
        self.checkupDays = checkupDays
        self.satisfactionDays = satisfactionDays
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = StoreSettings()
        currency = try c.decodeIfPresent(String.self, forKey: .currency) ?? defaults.currency
        keyCheckupDays = try c.decodeIfPresent(Int.self, forKey: .keyCheckupDays) ?? defaults.keyCheckupDays
        checkupDays = try c.decodeIfPresent(Int.self, forKey: .checkupDays) ?? defaults.checkupDays
        satisfactionDays =
            try c.decodeIfPresent(Int.self, forKey: .satisfactionDays) ?? defaults.satisfactionDays
    }
}
