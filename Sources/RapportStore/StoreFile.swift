import RapportCore

/// The store's own small file, `store.json`: schema version and settings.
public struct StoreFile: Codable, Equatable, Sendable {
    public var schema: Int
    public var createdOn: Day
    public var settings: StoreSettings

    public init(schema: Int, createdOn: Day, settings: StoreSettings) {
        self.schema = schema; self.createdOn = createdOn; self.settings = settings
    }
}

/// What an account file holds: its schema version and the account with all its records.
struct AccountDocument: Codable {
    var schema: Int
    var account: Account
}
