import Dispatch
import FoundationEssentials
import RapportCore
import RapportStore
import RapportUI
import TUIKit

#if canImport(Glibc)
    import Glibc
#endif

/// The figures `rapport bench` prints for one store.
struct BenchFigures {
    let root: String
    let binary: String
    let runs: Int
    let today: Day

    func printAll() throws {
        var peak = 0
        // Cold open to first frame, in a fresh process each time (its own clock, from main).
        var probes: [Double] = []
        var wall: [Double] = []
        for _ in 0..<runs {
            let (ms, output, kb) = try BenchProcess.run(binary, ["bench-probe", "--store", root])
            let parts = output.split(separator: " ")
            probes.append(Double(parts.first ?? "") ?? .nan)
            wall.append(ms)
            peak = max(peak, Int(parts.last ?? "") ?? kb)
        }
        line("open to first frame (in process)", median(probes), "ms")
        line("open to first frame (process start to exit)", median(wall), "ms")

        peak = max(peak, try printProcessFigures())

        let store = try FileStore.open(at: root)
        let digests = store.loadDigests().digests
        var state = AppState(
            today: today, currency: "EUR", storePath: root, width: 120, height: 40,
            digests: digests, policy: store.policy)
        var canvas = Canvas(width: 120, height: 40)
        render(&state, into: &canvas)

        // Filter as you type: each keystroke's update and render.
        var keystrokes: [Double] = []
        for _ in 0..<runs {
            _ = update(&state, .key(.char("/")))
            for ch in "north 1" {
                keystrokes.append(
                    time {
                        _ = update(&state, .key(.char(ch)))
                        render(&state, into: &canvas)
                    })
            }
            _ = update(&state, .key(.escape))
        }
        line("filter per keystroke", median(keystrokes), "ms")

        // The portfolio screen: its figures and their drawing, from the digests.
        var portfolio: [Double] = []
        for _ in 0..<runs {
            portfolio.append(
                time {
                    _ = update(&state, .key(.char("P")))
                    render(&state, into: &canvas)
                    _ = update(&state, .key(.escape))
                })
        }
        line("portfolio screen (figures and frame)", median(portfolio), "ms")

        // The due screen opened for the first time in a freshly opened app: its list is
        // ranked from the digests then, not at start.
        var dueOpens: [Double] = []
        for _ in 0..<runs {
            var fresh = AppState(
                today: today, currency: "EUR", storePath: root, width: 120, height: 40,
                digests: digests, policy: store.policy)
            render(&fresh, into: &canvas)
            dueOpens.append(
                time {
                    _ = update(&fresh, .key(.char("D")))
                    render(&fresh, into: &canvas)
                })
        }
        line("first due-screen open (list and frame)", median(dueOpens), "ms")

        // Opening one account: read its file, take it in, render the account view.
        var opens: [Double] = []
        for i in 0..<runs {
            let id = digests[(i * 7919) % digests.count].id
            opens.append(
                try time {
                    let account = try store.load(id).account
                    state.screen = .account(id)
                    _ = update(&state, .accountLoaded(account, retry: nil))
                    render(&state, into: &canvas)
                })
        }
        line("open one account", median(opens), "ms")
        printTyping(state, account: digests[0].id, into: &canvas)

        // Saving one touchpoint: read under the lock, append, write with fsync, index entry.
        // Then the app takes the saved account in: its row and follow-ups, not every list.
        var saves: [Double] = []
        var takeIns: [Double] = []
        sync()  // the commands' output files above are not still being written back

        for i in 0..<runs {
            let id = digests[(i * 104_729) % digests.count].id
            var saved: Account?
            saves.append(
                try time {
                    saved = try store.update(id) {
                        try Mutation.addTouchpoint(
                            Touchpoint(day: today, kind: .call, summary: "Benchmark call \(i)")
                        ).apply(to: &$0, today: today)
                    }.saved.account
                })
            takeIns.append(
                time {
                    _ = update(&state, .saved(saved!, message: ""))
                    render(&state, into: &canvas)
                })
        }
        line("save one touchpoint", median(saves), "ms")
        line("app takes in a save (lists and redraw)", median(takeIns), "ms")
        line("peak memory (largest of the app and command processes)", Double(peak) / 1024, "MB")
        try printImportFigures(digests)
    }

    func line(_ what: String, _ value: Double, _ unit: String) {
        print("  \(what): \(value.fixed(places: 1)) \(unit)")
    }

    func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now()
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
    }

    static func megabytes(of directory: String) -> Int {
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: directory)) ?? []
        let bytes = files.reduce(0) { sum, name in
            var info = stat()
            return sum + (lstat(directory + "/" + name, &info) == 0 ? Int(info.st_size) : 0)
        }
        return bytes / 1_048_576
    }
}

/// Running `rapport` itself as a child process, timed, with its peak memory.
///
/// Through `rapport bench-run`, a small process that starts the command and reports on
/// it: the kernel starts a process's reported peak memory from that of the process that
/// spawned it (glibc's `posix_spawn` shares the spawner's memory until `exec`), so every
/// command started by the bench itself, once it held a store's digests, reported at least
/// the bench's own peak.
enum BenchProcess {
    /// Runs `binary args`; returns wall milliseconds, standard output (read only when
    /// `keepingOutput`; otherwise written to `/dev/null`, so the figure is Rapport's own
    /// work, as the floor's is: the due list's is 240 MB at 100,000 accounts, and writing
    /// it to a file timed the file system too, a quarter of the figure) and the child's
    /// peak kB.
    static func run(_ binary: String, _ args: [String], keepingOutput: Bool = true) throws -> (
        Double, String, Int
    ) {
        let out = System.temporaryDirectory + "rapport-bench-out-\(getpid())"
        let report = out + ".report"
        defer {
            unlink(out)
            unlink(report)
        }
        var env = ProcessInfo.processInfo.environment
        env["RAPPORT_STORE"] = nil
        guard
            let (status, _) = System.run(
                binary, ["bench-run", keepingOutput ? out : "/dev/null"] + args, environment: env,
                outputFile: report, quiet: true),
            status == 0,
            let text = FileManager.default.contents(atPath: report).map({
                String(decoding: $0, as: UTF8.self)
            })
        else {
            throw InputError("cannot run \(binary)")
        }
        let fields = text.trimmingWhitespace().split(separator: " ")
        guard fields.count == 3, let ms = Double(fields[0]), let code = Int(fields[1]),
            let kb = Int(fields[2])
        else {
            throw InputError("'rapport bench-run' reported '\(text)'")
        }
        guard code == 0 else {
            throw InputError("'rapport \(args.joined(separator: " "))' failed with status \(code)")
        }
        guard keepingOutput else { return (ms, "", kb) }
        let output =
            (FileManager.default.contents(atPath: out)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return (ms, output.trimmingWhitespace(), kb)
    }

    /// This process's peak resident memory in kB.
    static func peakKilobytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }
}
