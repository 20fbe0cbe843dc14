import Foundation
import Testing

/// Progress lines are drawn on a terminal only: standard error sent to a pipe gets none.
@Suite struct ProgressLineTests {
    /// `rapport ARGS` with standard error to a pipe: its status and what came through the pipe.
    func runPiped(_ cli: CLIHarness, _ args: String...) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = args + ["--store", cli.store]
        process.environment = ProcessInfo.processInfo.environment.merging(["RAPPORT_TODAY": cli.today]) { $1 }
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let err = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err, as: UTF8.self))
    }

    @Test func aLargeDemoAndAWholeIndexRebuildWriteNothingToAPipedStandardError() throws {
        let cli = CLIHarness()
        try FileManager.default.createDirectory(atPath: cli.root, withIntermediateDirectories: true)
        // Over both thresholds: 1,000 accounts for the demo's line, 2,000 for the rebuild's.
        let demo = try runPiped(cli, "demo", "--accounts", "2100", "--seed", "3")
        #expect(demo.status == 0 && demo.err.isEmpty, "\(demo.err)")
        try FileManager.default.removeItem(atPath: cli.store + "/index")
        let listed = try runPiped(cli, "accounts", "--json")
        #expect(listed.status == 0 && listed.err.isEmpty, "\(listed.err)")
        let accounts = try cli.run("accounts", "--json")
        #expect(accounts.status == 0 && accounts.out.components(separatedBy: "\"id\"").count == 2101)
    }
}
