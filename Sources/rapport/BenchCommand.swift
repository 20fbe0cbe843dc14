import ArgumentParser
import Dispatch
import FoundationEssentials
import RapportCore
import RapportStore
import RapportUI
import TUIKit

#if canImport(Glibc)
    import Glibc
#endif

/// `rapport bench`: builds synthetic stores and prints the speed and memory figures
/// the scale targets are about. Run it on a release build:
/// `swift build -c release && .build/release/rapport bench`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Measure open, list, due, filter, open-account and save times and peak memory on synthetic stores.",
        discussion:
            "Builds stores of each size in a temporary directory (removed afterwards); every figure is the median of --runs runs."
    )

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Store sizes to measure.", valueName: "N"))
    var accounts: [Int] = [1_000, 10_000]

    @Option(help: "Runs per figure (the median is printed).")
    var runs: Int = 7

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if accounts.isEmpty || accounts.contains(where: { $0 < 1 }) {
            throw ValidationError("--accounts needs sizes of at least 1")
        }
    }

    func run() throws {
        let binary = try System.executablePath()
        let today = Day.today()
        for count in accounts {
            let root = System.temporaryDirectory + "rapport-bench-\(count)-\(getpid())"
            defer { try? FileManager.default.removeItem(atPath: root) }
            let started = Date()
            // Built by a child process: a child's peak memory, as the kernel reports it,
            // starts from what this process held when it started the child, so this one
            // stays small until every command's figures are taken.
            _ = try BenchProcess.run(
                binary, ["demo", "--accounts", "\(count)", "--seed", "2026", "--store", root],
                keepingOutput: false)
            // The new store's hundreds of megabytes go to disk now, not during the
            // figures (a save's flush would wait behind them).
            sync()
            print(
                "\(count) accounts (store built in \(Date().timeIntervalSince(started).fixed(places: 1)) s, \(BenchFigures.megabytes(of: root)) MB on disk)"
            )
            try BenchFigures(root: root, binary: binary, runs: runs, today: today).printAll()
            print("")
        }
    }
}

/// `rapport bench-probe`: one cold open to the first rendered accounts frame, in a
/// fresh process; prints milliseconds and peak memory. Used by `rapport bench`.
struct BenchProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-probe", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let start = DispatchTime.now()
        let context = try CommandContext(global)
        let store = try context.openStore()
        let snapshot = store.loadDigests()
        var state = AppState(
            today: context.today, currency: try store.readStoreFile().settings.currency,
            storePath: store.root,
            width: 120, height: 40, digests: snapshot.digests, policy: store.policy)
        var canvas = Canvas(width: 120, height: 40)
        render(&state, into: &canvas)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        guard canvas.text.contains("Accounts  \(snapshot.digests.count) of") else {
            throw InputError("the first frame is not the accounts table")
        }
        print("\(elapsed.fixed(places: 2)) \(BenchProcess.peakKilobytes())")
    }
}
