import RapportCore

/// The store's own small file, `store.json`: schema version, settings and the litmus
/// question sets (every version ever used, oldest first).
public struct StoreFile: Codable, Equatable, Sendable {
    public var schema: Int
    public var createdOn: Day
    public var settings: StoreSettings
    public var litmusSets: [LitmusQuestionSet]

    public init(schema: Int, createdOn: Day, settings: StoreSettings, litmusSets: [LitmusQuestionSet] = []) {
        self.schema = schema
        self.createdOn = createdOn
        self.settings = settings
        self.litmusSets = litmusSets
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(Int.self, forKey: .schema)
        createdOn = try c.decode(Day.self, forKey: .createdOn)
        settings = try c.decodeIfPresent(StoreSettings.self, forKey: .settings) ?? StoreSettings()
        litmusSets = try c.decodeIfPresent([LitmusQuestionSet].self, forKey: .litmusSets) ?? []
    }
}

/// What an account file holds: its schema version and the account with all its records.
struct AccountDocument: Codable {
    var schema: Int
    var account: Account
}
