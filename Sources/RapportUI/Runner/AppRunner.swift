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

    public convenience init(state: AppState, store: FileStore?, host: any AppHost) {
        self.init(state: state, appStore: store, host: host)
    }

    init(state: AppState, appStore: (any AppStore)?, host: any AppHost) {
        self.state = state
        self.store = appStore
        self.host = host
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
