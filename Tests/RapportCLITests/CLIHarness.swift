import Foundation
import RapportCore
import StoreJSONCodec

/// Runs the built `rapport` binary against a temporary store with a pinned day.
final class CLIHarness {
    let root = NSTemporaryDirectory() + "rapport-cli-\(UUID().uuidString)"
    var store: String { root + "/store" }
    let today = "2026-11-22"
    /// Set for the commands run after: added to their environment, or replacing it.
    var environment: [String: String] = [:]

    deinit { try? FileManager.default.removeItem(atPath: root) }

    typealias Result = Subprocess.Result

    /// The `rapport` executable beside the test bundle.
    static var binary: URL {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("rapport")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("rapport")
    }

    /// Starts `rapport args...` without waiting for it, with `input` on its standard input.
    func start(_ args: [String], binary: URL = CLIHarness.binary, input: String? = nil) throws -> Subprocess {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env["RAPPORT_STORE"] = store
        env["RAPPORT_TODAY"] = today
        env["RAPPORT_OWNER"] = "Maya Lindqvist"
        env.merge(environment) { $1 }
        return try Subprocess(binary.path, args, environment: env, input: input)
    }

    @discardableResult
    func run(_ args: String..., binary: URL = CLIHarness.binary) throws -> Result {
        try run(args, binary: binary)
    }

    @discardableResult
    func run(_ args: [String], binary: URL = CLIHarness.binary, input: String? = nil) throws -> Result {
        try start(args, binary: binary, input: input).wait()
    }

    /// The account file paths in the store.
    func accountFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: store + "/accounts").sorted().map {
            store + "/accounts/" + $0
        }
    }

    /// `rapport show ACCOUNT --json`, decoded.
    func account(_ name: String) throws -> Account {
        let result = try run("show", name, "--json")
        return try RapportJSON.decode(Account.self, from: Data(result.out.utf8))
    }
}
