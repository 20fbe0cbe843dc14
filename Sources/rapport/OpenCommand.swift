import ArgumentParser
import CursesBackend
import FoundationEssentials
import RapportCore
import RapportStore
import RapportUI
import TUIKit

#if canImport(Glibc)
    import Glibc
#endif

/// `rapport` (or `rapport open`): the terminal app.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the terminal app (the default when no command is given).",
        discussion:
            "With no store at the location, a welcome screen offers the demo portfolio or an empty store.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            throw InputError(
                "the app needs a terminal; for scripts use the commands ('rapport --help' lists them)")
        }
        let runner = try AppRunner(context: context)
        try runner.run()
    }
}

/// Runs the app: renders state into a canvas, reads keys, and performs the effects
/// `update` asks for against the store, feeding the results back as actions.
final class AppRunner {
    private let context: CommandContext
    private var store: FileStore?
    private var state: AppState
    private var terminal: Terminal?

    init(context: CommandContext) throws {
        self.context = context
        let playbook = try DemoData.playbook()
        if FileStore.exists(at: context.storePath) {
            let store = try context.openStore()
            let snapshot = store.loadDigests()
            self.store = store
            let file = try store.readStoreFile()
            state = AppState(
                today: context.today, currency: file.settings.currency,
                storePath: context.storePath, width: 80, height: 24,
                digests: snapshot.digests, problems: snapshot.problems.map(\.description),
                policy: store.policy, me: context.userName, playbook: playbook)
            state.litmus = try DemoData.currentLitmus(file, today: context.today)
        } else {
            state = AppState(
                today: context.today, currency: "EUR", storePath: context.storePath,
                width: 80, height: 24, digests: [], storeExists: false, me: context.userName,
                playbook: playbook)
            state.litmus = try DemoData.questions(today: context.today)
        }
    }

    func run() throws {
        let terminal = try Terminal(noColor: context.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
        self.terminal = terminal
        defer { terminal.close() }
        var needsDraw = true
        while !state.quitting {
            if TerminalGuard.terminationSignal != 0 {
                dispatch(.terminate)
                break
            }
            let size = terminal.size
            if size.width != state.width || size.height != state.height {
                dispatch(.resize(width: size.width, height: size.height))
                needsDraw = true
            }
            if needsDraw {
                var canvas = Canvas(width: state.width, height: state.height)
                render(&state, into: &canvas)
                terminal.draw(canvas)
                needsDraw = false
            }
            // Idle ticks (no key within the timeout) draw nothing: an idle app costs no CPU.
            if let key = terminal.readKey() {
                dispatch(.key(key))
                needsDraw = true
            }
        }
    }

    private func dispatch(_ first: Action) {
        var queue = [first]
        while !queue.isEmpty {
            let action = queue.removeFirst()
            for effect in update(&state, action) {
                if let result = perform(effect) { queue.append(result) }
            }
        }
    }

    private func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .mutate(let id, let mutations, let message):
                let today = state.today
                let (said, saved) = try requireStore().update(id) { account in
                    try mutations.compactMap { try $0.apply(to: &account, today: today) }.last
                }
                return .saved(saved.account, message: said ?? message)
            case .create(let account, let message):
                return .created(try requireStore().create(account).account, message: message)
            case .delete(let id, let message):
                let store = try requireStore()
                let current = try store.load(id)
                if let shown = state.account(id), shown != current.account {
                    throw StoreError.conflict(account: current.account.name)
                }
                try store.delete(id, name: current.account.name, basedOn: current.revision)
                return .deleted(id, message: message)
            case .openEditor(let field, let text):
                return edit(field: field, text: text)
            case .createStore(let demo):
                let accounts =
                    demo
                    ? try DemoData.createStore(at: context.storePath, today: context.today)
                    : try createEmptyStore()
                store = try context.openStore()
                return .storeCreated(accounts: accounts)
            case .reload:
                let snapshot = try requireStore().loadDigests()
                return .loaded(digests: snapshot.digests, problems: snapshot.problems.map(\.description))
            case .loadAccount(let id, let retry):
                return .accountLoaded(try requireStore().load(id).account, retry: retry)
            case .export(let fileName, let text):
                let path = FileManager.default.currentDirectoryPath + "/" + fileName
                do {
                    try System.write(text, to: path)
                } catch {
                    return .failed(
                        "Could not write \(path): \(error); nothing was exported (start rapport in a folder you can write to)"
                    )
                }
                return .exported(path: path)
            case .redraw:
                terminal?.invalidate()
                return nil
            case .quit:
                return nil
            }
        } catch {
            return .failed("\(error)")
        }
    }

    private func createEmptyStore() throws -> [Account] {
        _ = try FileStore.create(
            at: context.storePath, today: context.today, litmus: try DemoData.questions(today: context.today))
        return []
    }

    private func requireStore() throws -> FileStore {
        guard let store else { throw StoreError.notFound(path: context.storePath) }
        return store
    }

    /// Runs `$VISUAL` or `$EDITOR` (through `sh -c`) on a temporary file holding `text`.
    private func edit(field: String, text: String) -> Action {
        let env = context.environment
        guard let editor = [env["VISUAL"], env["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else {
            return .edited(
                field: field, text: nil, error: "No editor: set $VISUAL or $EDITOR (e.g. export EDITOR=nano)")
        }
        let path = System.temporaryDirectory + "rapport-\(getpid())-\(field).txt"
        defer { unlink(path) }
        do {
            try System.createPrivate(text, at: path)
        } catch {
            return .edited(
                field: field, text: nil, error: "cannot write a temporary file for the editor: \(error)")
        }
        let status: Int32 =
            terminal?.suspend {
                System.run("/bin/sh", ["-c", "\(editor) \"$1\"", "rapport-editor", path])?.status ?? 127
            } ?? 127
        if status == 127 || status == 126 {
            return .edited(
                field: field, text: nil,
                error:
                    "The editor '\(editor)' could not be run; set $VISUAL or $EDITOR to an installed editor")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .edited(
                field: field, text: nil, error: "The editor's file disappeared; the text was not changed")
        }
        var edited = String(decoding: data, as: UTF8.self)
        while edited.hasSuffix("\n") { edited.removeLast() }
        return .edited(
            field: field, text: edited,
            error: status == 0 ? nil : "The editor exited with status \(status); its text was kept")
    }
}
