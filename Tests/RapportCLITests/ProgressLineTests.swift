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

/// On a terminal, a progress line is redrawn in place and cleared at the end: nothing of
/// it is left on the screen. Import's line went through the error writer, which shows
/// control characters, so the terminal got `␍importing: …␛[K` as text, never cleared.
@Suite struct ProgressLineTerminalTests {
    @Test func anImportsProgressLineLeavesNothingOnTheTerminal() throws {
        let cli = CLIHarness()
        try cli.run("init")
        var csv = "Account Name,Account Owner,Annual Revenue\n"
        for i in 0..<600 { csv += "Progress Account \(i),Maya Lindqvist,\(1_000 + i)\n" }
        let file = cli.root + "/accounts.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux(
            "\(CLIHarness.binary.path) import csv '\(file)' --accounts --store '\(cli.store)'",
            environment: ["RAPPORT_TODAY": cli.today], width: 120, height: 20)
        try tmux.waitFor("EXITED 0", seconds: 60)
        // The whole terminal, its history included: the import lists every row after the line.
        let screen = try tmux.tmux(["capture-pane", "-p", "-S", "-", "-t", "0"])
        #expect(!screen.contains("importing:"), "\(screen)")
        #expect(!screen.contains("␍") && !screen.contains("␛"), "\(screen)")
        #expect(try cli.run("accounts", "--json").out.components(separatedBy: "\"id\"").count == 601)
    }
}
