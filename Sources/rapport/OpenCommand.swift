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
        try TerminalApp.run(context)
    }
}

/// The app in the terminal: draws the runner's state, reads keys and hands them to it.
enum TerminalApp {
    static func run(_ context: CommandContext) throws {
        let (state, store) = try startingState(context)
        let terminal = try Terminal(noColor: context.environment["NO_COLOR"].map { !$0.isEmpty } ?? false)
        defer { terminal.close() }
        let runner = AppRunner(
            state: state, store: store, host: TerminalHost(context: context, terminal: terminal))
        var needsDraw = true
        while !runner.state.quitting {
            if TerminalGuard.terminationSignal != 0 {
                runner.dispatch(.terminate)
                break
            }
            let size = terminal.size
            if size.width != runner.state.width || size.height != runner.state.height {
                runner.dispatch(.resize(width: size.width, height: size.height))
                needsDraw = true
            }
            if needsDraw {
                var canvas = Canvas(width: runner.state.width, height: runner.state.height)
                runner.render(into: &canvas)
                terminal.draw(canvas)
                needsDraw = false
            }
            // An idle tick (no key within 100 ms) looks at three file stamps and draws only
            // when another process changed the store: an idle app costs next to no CPU.
            // Keys already waiting (a paste) are all taken before the next frame, one
            // termination check each (up to a frame's worth), so a long paste is not drawn
            // once per character and a signal is acted on within a key.
            if runner.runRequestedSync() {
                needsDraw = true
                continue
            }
            var key = terminal.readKey()
            if key == nil, runner.noticeChangesOnDisk() { needsDraw = true }
            var taken = 0
            while let typed = key, TerminalGuard.terminationSignal == 0, !runner.state.quitting {
                runner.dispatch(.key(typed))
                needsDraw = true
                taken += 1
                key = taken < 512 ? terminal.readKey(waiting: false) : nil
            }
        }
    }

    /// The state over the store at the context's location, or the welcome screen's when
    /// there is none yet.
    static func startingState(_ context: CommandContext) throws -> (AppState, FileStore?) {
        let playbook = try DemoData.playbook()
        guard FileStore.exists(at: context.storePath) else {
            var state = AppState(
                today: context.today, currency: "EUR", storePath: context.storePath,
                width: 80, height: 24, digests: [], storeExists: false, me: context.userName,
                playbook: playbook)
            state.litmus = try DemoData.questions(today: context.today)
            return (state, nil)
        }
        let store = try context.openStore()
        let snapshot = store.loadDigests()
        let file = try store.readStoreFile()
        var state = AppState(
            today: context.today, currency: file.settings.currency,
            storePath: context.storePath, width: 80, height: 24,
            digests: snapshot.digests, problems: snapshot.problems.map(\.description),
            policy: store.policy, me: context.userName, playbook: playbook)
        state.litmus = try DemoData.currentLitmus(file, today: context.today)
        // Its first read (above, before the app takes the screen) may show a rebuild's
        // progress; the app's later reads may not.
        return (state, store.withoutProgress)
    }
}

/// What the app asks of the machine: creating a store, the external editor, exports
/// into the current directory, a full redraw.
final class TerminalHost: AppHost {
    private let context: CommandContext
    private let terminal: Terminal

    init(context: CommandContext, terminal: Terminal) {
        self.context = context
        self.terminal = terminal
    }

    func createStore(demo: Bool) throws -> (store: FileStore, accounts: [Account]) {
        let accounts: [Account]
        if demo {
            accounts = try DemoData.createStore(at: context.storePath, today: context.today)
        } else {
            _ = try FileStore.create(
                at: context.storePath, today: context.today,
                litmus: try DemoData.questions(today: context.today))
            accounts = []
        }
        return (try context.openStore().withoutProgress, accounts)
    }

    func export(fileName: String, text: String) throws -> String {
        let path = FileManager.default.currentDirectoryPath + "/" + fileName
        do {
            try System.write(text, to: path)
        } catch {
            throw InputError(
                "Could not write \(path): \(error); nothing was exported (start rapport in a folder you can write to)"
            )
        }
        return path
    }

    func redraw() { terminal.invalidate() }

    func sync() -> TeamSync.Report {
        do {
            let sync = TeamSync(
                store: try context.openStore().withoutProgress, rapportBinary: try System.executablePath(),
                today: context.today)
            return sync.sync()
        } catch {
            return TeamSync.Report(failure: "\(error)")
        }
    }

    /// Runs `$VISUAL` or `$EDITOR` (through `sh -c`) on a temporary file holding `text`.
    func edit(field: String, text: String) -> (text: String?, error: String?) {
        let env = context.environment
        guard let editor = [env["VISUAL"], env["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else {
            return (nil, "No editor: set $VISUAL or $EDITOR (e.g. export EDITOR=nano)")
        }
        let path = System.temporaryDirectory + "rapport-\(getpid())-\(field).txt"
        defer { unlink(path) }
        do {
            try System.createPrivate(text, at: path)
        } catch {
            return (nil, "cannot write a temporary file for the editor: \(error)")
        }
        let status = terminal.suspend {
            System.run("/bin/sh", ["-c", "\(editor) \"$1\"", "rapport-editor", path])?.status ?? 127
        }
        if status == 127 || status == 126 {
            return (
                nil, "The editor '\(editor)' could not be run; set $VISUAL or $EDITOR to an installed editor"
            )
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, "The editor's file disappeared; the text was not changed")
        }
        var edited = String(decoding: data, as: UTF8.self)
        while edited.hasSuffix("\n") { edited.removeLast() }
        return (edited, status == 0 ? nil : "The editor exited with status \(status); its text was kept")
    }
}
