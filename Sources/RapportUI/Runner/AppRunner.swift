import RapportCore
import RapportStore
import TUIKit

/// Runs the app's loop minus the terminal: feeds actions to `update`, performs the
/// effects it asks for against the store and the host, and feeds their results back
/// as actions until nothing is left to do. The executable's terminal loop and the tests
/// drive the same runner.
public final class AppRunner {
    public private(set) var state: AppState
    private var store: (any AppStore)?
    private let host: any AppHost
    /// The store's stamp at the last look, nil when the next look must reload anyway.
    private var watched: StoreChangeStamp?

    public convenience init(state: AppState, store: FileStore?, host: any AppHost) {
        self.init(state: state, appStore: store, host: host)
    }

    init(state: AppState, appStore: (any AppStore)?, host: any AppHost) {
        self.state = state
        self.store = appStore
        self.host = host
        watched = appStore.flatMap { Self.settled($0.changeStamp(watching: state.screen.accountID)) }
    }

    /// Looks whether another process changed the store since the last look (three `stat`
    /// calls) and, if so, reloads what the app shows and says what changed. The terminal
    /// loop calls it whenever no key came for a tick (100 ms); true when it reloaded.
    @discardableResult
    public func noticeChangesOnDisk() -> Bool {
        guard let store else { return false }
        let stamp = store.changeStamp(watching: state.screen.accountID)
        defer { watched = Self.settled(stamp) }
        guard stamp != watched else { return false }
        if let action = perform(.checkDisk) { dispatch(action) }
        return true
    }

    /// Runs a `:sync` the user asked for, once the frame that says so is drawn; true when
    /// it ran (the screen needs drawing again).
    public func runRequestedSync() -> Bool {
        guard state.syncRequested else { return false }
        state.syncRequested = false
        let synced = perform(.sync)
        // What came in is read first, so the sync's own message is the one left.
        noticeChangesOnDisk()
        if let synced { dispatch(synced) }
        return true
    }

    /// The stamp to compare the next look with; nil (reload next time) while it is too
    /// recent to trust.
    private static func settled(_ stamp: StoreChangeStamp) -> StoreChangeStamp? {
        stamp.isRecent ? nil : stamp
    }

    /// Applies an action and everything that follows from it.
    public func dispatch(_ first: Action) {
        var queue = [first]
        while !queue.isEmpty {
            let action = queue.removeFirst()
            for effect in update(&state, action) {
                if let result = perform(effect) { queue.append(result) }
            }
        }
    }

    /// Draws the current state (drawing keeps tables' scroll positions in the state).
    public func render(into canvas: inout Canvas) {
        RapportUI.render(&state, into: &canvas)
    }

    /// Performs one effect; the action it leads to, if any.
    func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .mutate(let id, let mutations, let message):
                do {
                    let (saved, said) = try requireStore().apply(mutations, to: id, today: state.today)
                    return .saved(saved, message: said ?? message)
                } catch let conflict as EditConflict {
                    let stored = try requireStore().loadAccount(id)
                    return .conflicted(conflict, stored: stored, mutations: mutations, message: message)
                }
            case .sweep(let id):
                let store = try requireStore()
                let names = try store.scheduleCheckups(like: id, today: state.today)
                return .swept(names: names, digests: store.loadDigests().digests)
            case .create(let account, let message):
                return .created(try requireStore().createAccount(account), message: message)
            case .delete(let id, let message):
                try requireStore().deleteAccount(id, ifUnchangedFrom: state.account(id))
                return .deleted(id, message: message)
            case .openEditor(let field, let text):
                let (edited, error) = host.edit(field: field, text: text)
                return .edited(field: field, text: edited, error: error)
            case .createStore(let demo):
                let (created, accounts) = try host.createStore(demo: demo)
                store = created
                return .storeCreated(accounts: accounts)
            case .reload:
                let snapshot = try requireStore().loadDigests()
                return .loaded(digests: snapshot.digests, problems: snapshot.problems.map(\.description))
            case .checkDisk:
                let snapshot = try requireStore().loadDigests()
                return .changedOnDisk(
                    digests: snapshot.digests, problems: snapshot.problems.map(\.description))
            case .search(let query):
                let (hits, problems) = try requireStore().search(AccountSearch(query))
                return .found(query: query, hits: hits, problems: problems.map(\.description))
            case .refreshAccount(let id, let report):
                return .accountRefreshed(try requireStore().loadAccount(id), report: report)
            case .loadAccount(let id, let retry):
                return .accountLoaded(try requireStore().loadAccount(id), retry: retry)
            case .export(let fileName, let text):
                do {
                    return .exported(path: try host.export(fileName: fileName, text: text))
                } catch {
                    return .failed("\(error)")
                }
            case .redraw:
                host.redraw()
                return nil
            case .sync:
                return .synced(host.sync())
            }
        } catch {
            return .failed("\(error)")
        }
    }

    private func requireStore() throws -> any AppStore {
        guard let store else { throw StoreError.notFound(path: state.storePath) }
        return store
    }
}
