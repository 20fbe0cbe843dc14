import RapportCore
import RapportStore
import TUIKit

/// Something that happened: a key, a resize, or the result of an effect.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// The store was (re)read.
    case loaded(digests: [AccountDigest], problems: [String])
    /// One account was read in full; `retry` is the key that needed it.
    case accountLoaded(Account, retry: Key?)
    /// The digests as the files hold them now, after another process changed the store.
    case changedOnDisk(digests: [AccountDigest], problems: [String])
    /// The account on screen as its file holds it now; `report`: say so if it changed.
    case accountRefreshed(Account, report: Bool)
    /// What a search found, and the files it could not read.
    case found(query: String, hits: [SearchHit], problems: [String])
    /// A save went through; this is the account as stored.
    case saved(Account, message: String)
    /// A new account was stored.
    case created(Account, message: String)
    /// An account was deleted.
    case deleted(RecordID, message: String)
    /// An edit met fields changed meanwhile and nothing was saved: the user chooses, per
    /// field, theirs or mine. `stored` is the account as the store holds it; `mutations`
    /// and `message` are the save's, to send again once the edit is settled.
    case conflicted(EditConflict, stored: Account, mutations: [Mutation], message: String)
    /// A save was refused or failed; the screen reloads.
    case failed(String)
    /// The external editor closed with this text (nil: it could not run; see message).
    case edited(field: String, text: String?, error: String?)
    /// A demo or empty store was created.
    case storeCreated(accounts: [Account])
    /// A document was written to this path.
    case exported(path: String)
    /// `:sync` ran: what it did, and why it stopped if it did.
    case synced(TeamSync.Report)
    /// A sweep asked for check-ups on these accounts (D48); `digests` as they are now.
    case swept(names: [String], digests: [AccountDigest])
    /// SIGTERM/SIGHUP/SIGINT: save what can be saved and quit.
    case terminate
}

/// Work for the run loop, as plain data; the results come back as actions.
public enum Effect: Equatable, Sendable {
    case mutate(RecordID, [Mutation], message: String)
    /// Asks for a litmus check-up on every active account showing the signs `like`'s
    /// loss showed (`swept`).
    case sweep(like: RecordID)
    case create(Account, message: String)
    case delete(RecordID, message: String)
    case openEditor(field: String, text: String)
    case createStore(demo: Bool)
    /// Read one account in full, then press `retry` again.
    case loadAccount(RecordID, retry: Key?)
    /// Write a document into the current directory.
    case export(fileName: String, text: String)
    case reload
    /// Reads the digests again to take in what another process changed (`changedOnDisk`).
    case checkDisk
    /// Reads the account on screen again after it changed on disk (`accountRefreshed`).
    case refreshAccount(RecordID, report: Bool)
    /// Searches every account's records (`found`).
    case search(String)
    /// Shares the store with the team through git (`rapport sync`, D47).
    case sync
    case redraw
}
