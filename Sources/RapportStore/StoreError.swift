/// Why a store operation failed, worded for the user: each names the path or
/// account concerned and what to do.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No store at the path.
    case notFound(path: String)
    /// `create` found a store already there.
    case alreadyExists(path: String)
    /// The store was written by a newer Rapport.
    case tooNew(path: String, version: Int, supported: Int)
    /// A file could not be read or decoded; it is left untouched.
    case unreadable(path: String, reason: String)
    /// No account with that id.
    case noSuchAccount(id: String)
    /// Another process changed the account since it was loaded.
    case conflict(account: String)
    /// The store stayed locked by another process for too long.
    case locked(path: String)
    /// An operating-system call failed.
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            return "no Rapport store at \(path) (create one with 'rapport demo' or 'rapport init')"
        case .alreadyExists(let path):
            return "a Rapport store already exists at \(path); refusing to overwrite it"
        case .tooNew(let path, let version, let supported):
            return
                "the store at \(path) has schema version \(version), but this Rapport reads up to version \(supported); upgrade Rapport"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason) (the file is left as it is; fix or remove it)"
        case .noSuchAccount(let id):
            return "no account with id \(id) in the store"
        case .conflict(let account):
            return
                "'\(account)' was changed by someone else since it was loaded; your change was not saved — the account has been reloaded, please redo it"
        case .locked(let path):
            return "the store at \(path) is locked by another Rapport process; try again in a moment"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
