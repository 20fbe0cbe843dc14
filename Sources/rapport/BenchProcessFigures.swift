import FoundationEssentials
import RapportCore
import RapportStore

#if canImport(Glibc)
    import Glibc
#endif

/// `rapport bench`'s whole-process figures: the floor, the lists and their ratios to it,
/// the one-account commands by name, and a full index rebuild (issue 23).
extension BenchFigures {
    /// Prints them; returns the largest peak memory (kB) of the processes.
    func printProcessFigures() throws -> Int {
        var peak = 0
        func measure(_ command: [String], runs: Int? = nil) throws -> (ms: Double, kb: Int) {
            var times: [Double] = []
            var most = 0
            for _ in 0..<(runs ?? self.runs) {
                let (ms, _, kb) = try BenchProcess.run(
                    binary, command + ["--store", root], keepingOutput: false)
                times.append(ms)
                most = max(most, kb)
            }
            peak = max(peak, most)
            return (median(times), most)
        }
        func show(_ label: String, _ figure: (ms: Double, kb: Int)) {
            line("\(label) process time", figure.ms, "ms")
            line("\(label) peak memory", Double(figure.kb) / 1024, "MB")
        }
        let floor = try measure(["bench-floor"])
        line("floor: list and stat every account file, read every index shard (process time)", floor.ms, "ms")
        // Search reads every account file (a word in most of them, and one in none). The
        // portfolio and a filtered list come from the index, as `accounts --json` does.
        var lists: [String: Double] = [:]
        let commands = [
            ["accounts", "--json"], ["accounts", "--json", "--at-risk", "--renews-within", "180"],
            ["portfolio", "--json"], ["due", "--json"], ["due"], ["search", "meeting"], ["search", "zqxv"]
        ]
        for command in commands {
            let label = "rapport " + command.joined(separator: " ")
            let figure = try measure(command)
            show(label, figure)
            lists[label] = figure.ms
        }
        for list in ["rapport accounts --json", "rapport due --json"] {
            line("\(list) against the floor", lists[list]! / floor.ms, "x")
        }
        line(
            "rapport due (text) against rapport due --json",
            lists["rapport due"]! / lists["rapport due --json"]!, "x")

        // One account named by its name, as a user types it: found through
        // the names index, one file read (and for log, written and flushed).
        let named = try namedAccount()
        show("rapport show NAME", try measure(["show", named]))
        show("rapport log NAME", try measure(["log", named, "Benchmark call", "--kind", "call"]))

        // A full rebuild: the index removed (as after a clone), every account file read again.
        let rebuilds = max(1, min(runs, 3))
        var rebuilt: [Double] = []
        for _ in 0..<rebuilds {
            try? FileManager.default.removeItem(atPath: root + "/index")
            rebuilt.append(try measure(["accounts", "--json"], runs: 1).ms)
        }
        line(
            "index rebuild (no index: rapport accounts --json, median of \(rebuilds))", median(rebuilt), "ms")
        return peak
    }

    /// An account's full name: one account file's, read alone (loading the store here
    /// would raise every later child's reported peak memory to this process's).
    private func namedAccount() throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/accounts").sorted()
        guard let file = files.first(where: { $0.hasSuffix(".json") }),
            let id = RecordID(rawValue: String(file.dropLast(".json".count)))
        else { throw InputError("the bench store lists no account") }
        return try FileStore.open(at: root).load(id).account.name
    }
}
