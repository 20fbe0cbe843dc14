import RapportCore
import RapportStore

/// The store as the app uses it. `AppRunner` performs every store effect through it;
/// `FileStore` is the real one.
protocol AppStore {
    /// Every readable account's digest, in name order, and the files that could not be read.
    func loadDigests() -> DigestSnapshot
    /// One account, read in full.
    func loadAccount(_ id: RecordID) throws -> Account
    /// Applies the mutations to the newest copy of the account under the store's lock;
    /// returns the account as saved and the last sentence a mutation had to say.
    func apply(_ mutations: [Mutation], to id: RecordID, today: Day) throws -> (
        account: Account, said: String?
    )
    /// Stores a new account; returns it as stored.
    func createAccount(_ account: Account) throws -> Account
    /// Deletes an account, refusing when its file no longer holds `shown` (someone
    /// changed it since the user last saw it).
    func deleteAccount(_ id: RecordID, ifUnchangedFrom shown: Account?) throws
    /// A cheap stamp of the store that changes when another process changes what the app
    /// shows (`id`: the account on screen).
    func changeStamp(watching id: RecordID?) -> StoreChangeStamp
    /// Every record whose text holds the search's words, and the files it could not read.
    func search(_ search: AccountSearch) -> (hits: [SearchHit], problems: [StoreProblem])
    /// Asks for a check-up on every active account showing the signs before `like`'s loss;
    /// their names, ranked (D48).
    func scheduleCheckups(like: RecordID, today: Day) throws -> [String]
}

extension FileStore: AppStore {
    func loadAccount(_ id: RecordID) throws -> Account { try load(id).account }

    func apply(_ mutations: [Mutation], to id: RecordID, today: Day) throws -> (
        account: Account, said: String?
    ) {
        let (said, saved) = try update(id) { account in
            try mutations.compactMap { try $0.apply(to: &account, today: today) }.last
        }
        return (saved.account, said)
    }

    func createAccount(_ account: Account) throws -> Account { try create(account).account }

    func scheduleCheckups(like: RecordID, today: Day) throws -> [String] {
        try sweep(like: load(like).account, today: today, schedule: true).matches.map(\.name)
    }

    func deleteAccount(_ id: RecordID, ifUnchangedFrom shown: Account?) throws {
        let current = try load(id)
        if let shown, shown != current.account {
            throw StoreError.conflict(account: current.account.name)
        }
        try delete(id, name: current.account.name, basedOn: current.revision)
    }
}
