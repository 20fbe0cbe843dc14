import Foundation
import Testing

/// `rapport demo` builds its store beside its place and renames it in once whole.
@Suite struct DemoAsideTests {
    @Test func aDemoThatRunsOutOfSpaceLeavesNoHalfStoreAndTheNextOneWorks() throws {
        if let reason = try Strace.unusableReason() {
            print("DemoAsideTests skipped: \(reason)")
            return
        }
        let cli = CLIHarness()
        try FileManager.default.createDirectory(atPath: cli.root, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_STORE"] = cli.store
        environment["RAPPORT_TODAY"] = cli.today
        // The 20th write of the main thread is one of the demo's account files.
        let full = try Subprocess.run(
            "strace",
            ["-qq", "-o", "/dev/null", "-e", "trace=write", "-e", "inject=write:error=ENOSPC:when=20"]
                + [CLIHarness.binary.path, "demo"], environment: environment)
        #expect(full.status == 1)
        #expect(full.err.contains("No space left on device"), "\(full.err)")
        #expect(!FileManager.default.fileExists(atPath: cli.store), "no half store is left")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.root).filter {
            $0.hasPrefix(".")
        }
        #expect(leftovers.isEmpty)
        let again = try cli.run("demo")
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("Created a demo store with 27 accounts"))
    }

    @Test func aBuildLeftByAKilledDemoIsRemovedAndNamed() throws {
        let cli = CLIHarness()
        let abandoned = cli.root + "/.store.building.4194304.tmp"
        try FileManager.default.createDirectory(
            atPath: abandoned + "/accounts", withIntermediateDirectories: true)
        let demo = try cli.run("demo")
        #expect(demo.status == 0, "\(demo.err)")
        #expect(
            demo.out.contains("Removed \(abandoned), a store half built by an interrupted 'rapport demo'"))
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(try cli.run("check").status == 0)
    }
}
