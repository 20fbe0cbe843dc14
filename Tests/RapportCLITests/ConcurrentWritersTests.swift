import Foundation
import Synchronization
import Testing

/// Many `rapport log` processes writing one account at once: the lock is waited for in
/// the kernel, so every writer gets its turn, none is refused and no write is lost.
/// (The figures at 16 × 40 are in DECISIONS D42.)
@Suite struct ConcurrentWritersTests {
    @Test func sixteenWritersOnOneAccountAreAllSavedNoneRefused() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Northwind")
        let (writers, each) = (16, 8)
        var environment = ProcessInfo.processInfo.environment
        environment["RAPPORT_STORE"] = cli.store
        environment["RAPPORT_TODAY"] = cli.today
        let (binary, env) = (CLIHarness.binary.path, environment)
        let refused = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            for i in 0..<each {
                let result = try? Subprocess.run(
                    binary, ["log", "Northwind", "w\(w)-\(i)", "--kind", "call"], environment: env)
                if result?.status != 0 { refused.withLock { $0.append(result?.err ?? "did not start") } }
            }
        }
        #expect(refused.withLock { $0 }.isEmpty, "\(refused.withLock { $0 })")
        let summaries = try cli.account("Northwind").touchpoints.map(\.summary)
        #expect(summaries.count == writers * each)
        #expect(Set(summaries) == Set((0..<writers).flatMap { w in (0..<each).map { "w\(w)-\($0)" } }))
    }
}
