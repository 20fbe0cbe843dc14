import FoundationEssentials
import IndexKit
import RapportCore
import StoreJSONCodec

#if canImport(Glibc)
    import Glibc
#endif

/// An account as read from its file, with the revision a later save must match.
public struct LoadedAccount: Sendable {
    public let account: Account
    public let revision: Revision
    /// What the file holds that this Rapport does not know, for the next save to keep.
    let unknown: UnknownMembers
}

/// A file the store could not use, named by path with the reason.
public struct StoreProblem: Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// The account whose file this is, when it is an account file.
    public var account: RecordID? = nil
    /// That account's name as the index last knew it, when it did.
    public var name: String? = nil

    public var description: String { "\(path): \(reason)" }
}

/// Everything readable in the store, plus what was not.
public struct StoreSnapshot: Sendable {
    public var accounts: [LoadedAccount]
    public var problems: [StoreProblem]
}

/// The file store: a directory of pretty-printed, key-sorted JSON.
///
/// ```
/// <root>/store.json          schema version and settings
/// <root>/accounts/<id>.json  one account with all its records
/// <root>/.lock               held while a save checks and writes
/// <root>/index/<xx>.idx       the summary index (a cache; see `SummaryIndex`)
/// ```
/// Every write is atomic and durable; a save is refused when the file changed since it
/// was loaded; a file that cannot be decoded is reported and never overwritten; file
/// names come only from validated ids; files are 0600 and directories 0700.
public struct FileStore: Sendable {
    public let root: String
    public let migrator: Migrator
    /// The due-engine intervals from the store's settings, as of opening.
    public let policy: DuePolicy
    /// Told how a rebuild of the summary index goes when `loadDigests` must read account
    /// files again; nil (the default) tells nothing. The store prints nothing itself.
    public var onRebuild: RebuildProgress?

    var storeFilePath: String { root + "/store.json" }
    var accountsDirectory: String { root + "/accounts" }
    var lockPath: String { root + "/.lock" }

    private init(root: String, migrator: Migrator, policy: DuePolicy = DuePolicy()) {
        self.root = root
        self.migrator = migrator
        self.policy = policy
    }

    var index: SummaryIndex { SummaryIndex(root: root, policy: policy) }

    /// Whether a store exists at `root`.
    public static func exists(at root: String) -> Bool { POSIXFile.exists(root + "/store.json") }

    /// Creates an empty store; refuses when one already exists there.
    public static func create(
        at root: String, today: Day, settings: StoreSettings = StoreSettings(),
        litmus: LitmusQuestionSet? = nil, migrator: Migrator = .standard
    ) throws -> FileStore {
        let store = FileStore(root: root, migrator: migrator, policy: DuePolicy(settings))
        if exists(at: root) { throw StoreError.alreadyExists(path: root) }
        try makeDirectories(root)
        try POSIXFile.makeDirectory(store.accountsDirectory)
        // Teams share a store through git; the lock and the index are local.
        if !POSIXFile.exists(root + "/.gitignore") {
            try POSIXFile.writeAtomically(
                Data("# Local to each machine (Rapport rebuilds them)\n.lock\nindex/\n*.tmp\n".utf8),
                to: root + "/.gitignore", mode: 0o644)
        }
        try FileLock.withLock(at: store.lockPath) {
            if exists(at: root) { throw StoreError.alreadyExists(path: root) }
            let file = StoreFile(
                schema: migrator.current, createdOn: today, settings: settings,
                litmusSets: litmus.map { [$0] } ?? [])
            try POSIXFile.writeAtomically(try RapportJSON.encode(file), to: store.storeFilePath)
        }
        return store
    }

    /// Opens an existing store, refusing one from a newer Rapport and migrating an older one.
    public static func open(at root: String, migrator: Migrator = .standard) throws -> FileStore {
        let file = try FileStore(root: root, migrator: migrator).readStoreFile()
        let store = FileStore(root: root, migrator: migrator, policy: DuePolicy(file.settings))
        if file.schema > migrator.current {
            throw StoreError.tooNew(path: root, version: file.schema, supported: migrator.current)
        }
        store.tightenModes()
        if file.schema < migrator.current { try store.migrateAll() }
        return store
    }

    // MARK: - Store file

    /// The store's schema version and settings.
    public func readStoreFile() throws -> StoreFile { try readStoreFileKeepingUnknown().file }

    /// The store file, with what it holds that this Rapport does not know.
    func readStoreFileKeepingUnknown() throws -> (file: StoreFile, unknown: UnknownMembers) {
        guard let data = try POSIXFile.read(storeFilePath) else { throw StoreError.notFound(path: root) }
        do {
            let (file, unknown) = try RapportJSON.decodeKeepingUnknown(StoreFile.self, from: data)
            return (file, unknown)
        } catch {
            throw StoreError.unreadable(path: storeFilePath, reason: RapportJSON.describe(error))
        }
    }

    /// Replaces the store file (under the lock), keeping what the one it replaces held
    /// that this Rapport does not know.
    private func writeStoreFile(_ file: StoreFile, keeping unknown: UnknownMembers) throws {
        try POSIXFile.writeAtomically(
            try unknown.graft(into: try RapportJSON.encode(file)), to: storeFilePath)
    }

    /// Adds a new version of the litmus questions (versions are never edited in place,
    /// so scores from different versions are never mistaken for one trend). Returns the
    /// new set; refuses a set identical to the current one.
    @discardableResult
    public func addLitmusVersion(
        _ questions: [LitmusQuestion], note: String, today: Day,
        fallback: LitmusQuestionSet
    ) throws -> LitmusQuestionSet {
        try FileLock.withLock(at: lockPath) {
            var (file, unknown) = try readStoreFileKeepingUnknown()
            if file.litmusSets.isEmpty { file.litmusSets = [fallback] }
            let current = file.litmusSets.last!
            guard questions != current.questions else {
                throw StoreError.io(
                    path: storeFilePath,
                    reason: "the questions are the same as version \(current.version); nothing to add")
            }
            let set = LitmusQuestionSet(
                version: current.version + 1, introducedOn: today, questions: questions, note: note)
            file.litmusSets.append(set)
            try writeStoreFile(file, keeping: unknown)
            return set
        }
    }

    // MARK: - Reading accounts

    /// The path of an account's file; ids are validated, so it never leaves the store.
    public func path(of id: RecordID) -> String { "\(accountsDirectory)/\(id.rawValue).json" }

    /// The account a file in the accounts directory holds, by its name (UTF-8):
    /// `<id>.json`, not hidden; nil for any other file.
    static func accountID(fileName name: some BidirectionalCollection<UInt8>) -> RecordID? {
        let suffix = ".json".utf8
        guard name.count > suffix.count, name.first != UInt8(ascii: "."),
            name.suffix(suffix.count).elementsEqual(suffix)
        else { return nil }
        return RecordID(rawValue: String(decoding: name.dropLast(suffix.count), as: UTF8.self))
    }

    /// Every account that can be read, and a problem for each file that cannot.
    public func loadAll() -> StoreSnapshot {
        var snapshot = StoreSnapshot(accounts: [], problems: [])
        let listing: AccountFileListing
        do {
            listing = try listAccountFiles()
        } catch {
            snapshot.problems.append(StoreProblem(path: accountsDirectory, reason: "\(error)"))
            return snapshot
        }
        snapshot.problems = listing.unreadable
        snapshot.accounts.reserveCapacity(listing.files.count)
        for id in listing.files.map(\.id).sorted() {
            do {
                snapshot.accounts.append(try load(id))
            } catch {
                snapshot.problems.append(problem(reading: id, error))
            }
        }
        return snapshot
    }

    /// One account with its revision.
    public func load(_ id: RecordID) throws -> LoadedAccount {
        guard let data = try POSIXFile.read(path(of: id)) else {
            throw StoreError.noSuchAccount(id: id.rawValue)
        }
        return try load(id, from: data)
    }

    /// One account from its file's bytes, already read.
    func load(_ id: RecordID, from data: Data) throws -> LoadedAccount {
        let (account, unknown) = try decodeAccount(id, data)
        return LoadedAccount(account: account, revision: Revision(data), unknown: unknown)
    }

    /// The account in the bytes of the file named for `id` (migrated if older), refused
    /// when it is another account's, with what it holds that this Rapport does not know.
    func decodeAccount(_ id: RecordID, _ data: Data) throws -> (account: Account, unknown: UnknownMembers) {
        let path = path(of: id)
        let (account, unknown) = try decodeAccount(data, path: path)
        guard account.id == id else {
            throw StoreError.unreadable(
                path: path, reason: "the file is named for \(id) but holds account \(account.id)")
        }
        return (account, unknown)
    }

    private func decodeAccount(_ data: Data, path: String) throws -> (Account, UnknownMembers) {
        let firstError: Error
        do {
            let (document, unknown) = try RapportJSON.decodeKeepingUnknown(AccountDocument.self, from: data)
            if document.schema == migrator.current { return (document.account, unknown) }
            firstError = StoreError.unreadable(path: path, reason: "schema \(document.schema)")
        } catch {
            firstError = error
        }
        // Not the current schema (or not decodable as it): migrate if it is older.
        guard var json = try? RapportJSON.decode(JSONValue.self, from: data) else {
            throw StoreError.unreadable(path: path, reason: Self.whyNotJSON(data, firstError))
        }
        do {
            guard try migrator.migrate(&json) else {
                throw StoreError.unreadable(path: path, reason: RapportJSON.describe(firstError))
            }
            let migrated = try RapportJSON.encode(json)
            let (document, unknown) = try RapportJSON.decodeKeepingUnknown(
                AccountDocument.self, from: migrated)
            return (document.account, unknown)
        } catch Migrator.Failure.tooNew(let version) {
            throw StoreError.unreadable(
                path: path,
                reason:
                    "written by a newer Rapport (schema \(version); this one reads up to \(migrator.current))"
            )
        } catch Migrator.Failure.missingStep(let version) {
            throw StoreError.unreadable(
                path: path,
                reason: "schema \(version), which this Rapport cannot read (it reads \(migrator.readable))")
        } catch Migrator.Failure.noVersion {
            throw StoreError.unreadable(
                path: path,
                reason: "not an account file (no schema version); " + RapportJSON.describe(firstError))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.unreadable(path: path, reason: RapportJSON.describe(error))
        }
    }

    // MARK: - Writing accounts

    /// Adds a new account; refuses if its id is taken.
    @discardableResult
    public func create(_ account: Account) throws -> LoadedAccount {
        try FileLock.withLock(at: lockPath) {
            if POSIXFile.exists(path(of: account.id)) {
                throw StoreError.io(
                    path: path(of: account.id), reason: "an account with id \(account.id) already exists")
            }
            return try write(account, nameChanged: true)
        }
    }

    /// Adds many new accounts at once (a generated or imported portfolio): files are
    /// written atomically but synced once at the end, and the index is written once.
    /// `progress` hears how many are written before each next one is made.
    public func bulkCreate(count: Int, progress: (Int) -> Void = { _ in }, _ make: (Int) -> Account) throws {
        try FileLock.withLock(at: lockPath) {
            var shards = [[RecordID: DigestCodec.Entry]](repeating: [:], count: SummaryIndex.shardCount)
            for i in 0..<count {
                progress(i)
                let account = make(i)
                let path = path(of: account.id)
                if POSIXFile.exists(path) {
                    throw StoreError.io(path: path, reason: "an account with id \(account.id) already exists")
                }
                let data = try RapportJSON.encode(AccountDocument(schema: migrator.current, account: account))
                try POSIXFile.writeAtomically(data, to: path, durable: false)
                if let stamp = POSIXFile.stamp(path) {
                    shards[SummaryIndex.shard(of: account.id)][account.id] = DigestCodec.Entry(
                        stamp: stamp, digest: AccountDigest(account, policy: policy))
                }
            }
            for (n, entries) in shards.enumerated() where !entries.isEmpty {
                try index.write(shard: n, entries)
            }
            names.forgetListed()
            sync()
        }
    }

    /// Saves a changed account if its file is still at `revision`; otherwise refuses
    /// with `StoreError.conflict` and writes nothing.
    @discardableResult
    public func save(_ account: Account, basedOn revision: Revision) throws -> LoadedAccount {
        try FileLock.withLock(at: lockPath) {
            let current = try checkUnchanged(account.id, name: account.name, since: revision)
            let decoded = try? RapportJSON.decodeKeepingUnknown(AccountDocument.self, from: current)
            return try write(
                account, keeping: decoded?.unknown ?? .none,
                nameChanged: decoded?.value.account.name != account.name)
        }
    }

    /// Reads the newest copy of an account under the lock, applies `change` and writes
    /// it back: edits by several processes are applied one after another, none lost.
    /// Nothing is written if `change` throws or leaves the account as it was.
    @discardableResult
    public func update<T>(_ id: RecordID, _ change: (inout Account) throws -> T) throws -> (
        result: T, saved: LoadedAccount
    ) {
        try FileLock.withLock(at: lockPath) {
            let current = try load(id)
            var account = current.account
            let result = try change(&account)
            guard account != current.account else { return (result, current) }
            guard account.id == id else {
                throw StoreError.io(path: path(of: id), reason: "an account's id cannot be changed")
            }
            return (
                result,
                try write(
                    account, keeping: current.unknown, nameChanged: account.name != current.account.name)
            )
        }
    }

    /// Deletes an account if its file is still at `revision`.
    public func delete(_ id: RecordID, name: String, basedOn revision: Revision) throws {
        try FileLock.withLock(at: lockPath) {
            try checkUnchanged(id, name: name, since: revision)
            try POSIXFile.remove(path(of: id))
            names.forgetListed()
            try? index.update(id, with: nil)
        }
    }

    /// The file's text, if it is still at `revision`.
    @discardableResult
    private func checkUnchanged(_ id: RecordID, name: String, since revision: Revision) throws -> Data {
        guard let data = try POSIXFile.read(path(of: id)), Revision(data) == revision else {
            throw StoreError.conflict(account: name)
        }
        return data
    }

    /// Writes the account file and its index entry (both under the lock held by the
    /// caller); the entry is made while the file is flushed to disk. An index that cannot
    /// be written, or that names a file the write then failed to put in place, is only
    /// slower next time, never wrong: the next read finds its stamp stale. What the file
    /// replaced held that this Rapport does not know (`unknown`) is put back (D39). The
    /// names index follows a save that changed no name and forgets one that did (D52).
    private func write(
        _ account: Account, keeping unknown: UnknownMembers = .none, nameChanged: Bool
    ) throws -> LoadedAccount {
        let encoded = try RapportJSON.encode(AccountDocument(schema: migrator.current, account: account))
        let data = try unknown.graft(into: encoded)
        let (index, policy, names) = (self.index, self.policy, self.names)
        let directoryBefore = names.accountsStamp()
        try POSIXFile.writeAtomically(data, to: path(of: account.id)) { stamp in
            try? index.update(
                account.id,
                with: DigestCodec.Entry(stamp: stamp, digest: AccountDigest(account, policy: policy)))
        }
        names.noteSave(before: directoryBefore, nameChanged: nameChanged)
        return LoadedAccount(account: account, revision: Revision(data), unknown: unknown)
    }

    // MARK: - Migration

    /// Raises `store.json` to the current schema. Account files are not rewritten here:
    /// each is migrated when read and written in the new schema on its next save, so a
    /// team sharing the store through git does not see every file change at once (every
    /// edit in flight would then meet a changed file; issue 22, D47).
    private func migrateAll() throws {
        try FileLock.withLock(at: lockPath) {
            var (file, unknown) = try readStoreFileKeepingUnknown()
            guard file.schema < migrator.current else { return }
            file.schema = migrator.current
            try writeStoreFile(file, keeping: unknown)
        }
    }

    static func makeDirectories(_ path: String) throws {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            if !POSIXFile.exists(built) { try POSIXFile.makeDirectory(built) }
        }
    }
}
