import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A store with one account, `rapport log` runs that faults interrupt, and what every
/// trial must leave: no torn or unreadable account file, `check` sound (after it has
/// removed the temporary files of killed saves), every acknowledged save on disk once,
/// and a failure that says what failed and is not claimed unless nothing was saved.
final class FaultTrials {
    let cli = CLIHarness()
    /// Each kind of trial with its count and the failures it found, in the order run.
    private(set) var table: [(kind: String, trials: Int, failures: Int)] = []
    private(set) var failures: [String] = []
    private var acknowledged: [String] = []
    private var serial = 0

    init() throws {
        try cli.run("init")
        let added = try cli.run("account", "add", "Northwind")
        guard added.status == 0 else { throw Subprocess.Failure(description: "account add: \(added.err)") }
    }

    var accountFile: String { (try? cli.accountFiles().first { $0.hasSuffix(".json") }) ?? "" }

    /// The environment the binary runs with (as `CLIHarness.start` sets it).
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["RAPPORT_STORE"] = cli.store
        env["RAPPORT_TODAY"] = cli.today
        env["RAPPORT_OWNER"] = "Maya Lindqvist"
        return env
    }

    /// `rapport log` arguments with a summary no other trial uses.
    func nextLog() -> (summary: String, arguments: [String]) {
        serial += 1
        let summary = "trial \(serial)"
        return (summary, [CLIHarness.binary.path, "log", "Northwind", summary, "--kind", "call"])
    }

    /// One trial of `kind`: `run` runs the command it is given (the log arguments) and
    /// returns how it ended; `error` is the text of the injected error, if one was.
    func trial(_ kind: String, error: String? = nil, _ run: ([String]) throws -> Subprocess.Result) rethrows {
        let (summary, arguments) = nextLog()
        let result = try run(arguments)
        let found = judge(summary, result, error: error)
        if table.last?.kind != kind { table.append((kind, 0, 0)) }
        table[table.count - 1].trials += 1
        if !found.isEmpty {
            table[table.count - 1].failures += 1
            failures += found.map { "\(kind), \(summary): \($0)" }
        }
    }

    private func judge(_ summary: String, _ result: Subprocess.Result, error: String?) -> [String] {
        var found: [String] = []
        let killed = result.status == 128 + SIGKILL
        if let check = try? cli.run("check"), check.status != 0 {
            found.append("check is not sound: \(check.out)")
        }
        found += removeLeftovers()
        guard let counts = summaryCounts() else { return found + ["the account file is torn or unreadable"] }
        let copies = counts[summary, default: 0]
        if copies > 1 { found.append("saved \(copies) times") }
        if result.status == 0 {
            acknowledged.append(summary)
            if !result.out.contains("Logged") && !result.err.contains("saved") {
                found.append("exit 0 with neither the confirmation nor 'saved': \(result.err)")
            }
        } else if !killed && copies > 0 {
            found.append("exit \(result.status) says it failed, but it was saved: \(result.err)")
        }
        if let error, !killed, result.status != 0, !result.err.contains(error) {
            found.append("the message does not name the error '\(error)': \(result.err)")
        }
        let lost = acknowledged.filter { counts[$0, default: 0] != 1 }
        if !lost.isEmpty { found.append("acknowledged saves lost or duplicated: \(lost)") }
        return found
    }

    /// Every touchpoint summary in the account file with its count; nil when the file
    /// does not parse.
    private func summaryCounts() -> [String: Int]? {
        guard let data = FileManager.default.contents(atPath: accountFile),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let account = json["account"] as? [String: Any],
            let touchpoints = account["touchpoints"] as? [[String: Any]]
        else { return nil }
        var counts: [String: Int] = [:]
        for touch in touchpoints { counts[touch["summary"] as? String ?? "", default: 0] += 1 }
        return counts
    }

    /// Temporary files still in the store after `check`: each is a failure, and is
    /// removed so the next trial starts clean.
    private func removeLeftovers() -> [String] {
        var found: [String] = []
        for directory in [cli.store, cli.store + "/accounts", cli.store + "/index"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names where name.hasSuffix(".tmp") {
                found.append("left \(directory)/\(name) after check")
                unlink(directory + "/" + name)
            }
        }
        return found
    }

    /// The table of trials, one line a kind.
    var report: String {
        table.map { "  \($0.kind): \($0.trials) trials, \($0.failures) failed" }.joined(separator: "\n")
    }
}

/// A small seeded generator (SplitMix64), so a failing run can be repeated.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
