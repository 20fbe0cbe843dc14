import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Faults injected into real `rapport log` saves: kill -9 at seeded random instants, and
/// through strace a SIGKILL or an error at every system call instance of a save.
///
/// The normal run is sized for CI. A longer run: `RAPPORT_FAULT_TRIALS=500` (random
/// kills, default 200) and `RAPPORT_FAULT_SEED=7` (default 2026), e.g.
/// `RAPPORT_FAULT_TRIALS=500 swift test --filter FaultInjectionTests`.
@Suite(.serialized) struct FaultInjectionTests {
    /// Errors injected, by syscall: what it is made to return and the text the message
    /// must then quote.
    static let errors: [String: (errno: String, text: String)] = [
        "write": ("ENOSPC", "No space left on device"), "openat": ("ENOSPC", "No space left on device"),
        "mkdir": ("ENOSPC", "No space left on device"), "fdatasync": ("EIO", "Input/output error"),
        "fsync": ("EIO", "Input/output error"), "close": ("EIO", "Input/output error"),
        "rename": ("EIO", "Input/output error"), "renameat": ("EIO", "Input/output error"),
        "renameat2": ("EIO", "Input/output error"), "unlink": ("EIO", "Input/output error"),
        "flock": ("ENOLCK", "No locks available")
    ]

    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    @Test func killedAtRandomInstantsASaveIsWholeOrAbsent() throws {
        let trials = try FaultTrials()
        let count = Int(Self.environment["RAPPORT_FAULT_TRIALS"] ?? "") ?? 200
        var random = SeededGenerator(state: UInt64(Self.environment["RAPPORT_FAULT_SEED"] ?? "") ?? 2026)
        // How long one save takes here, so the instants spread over all of it.
        let started = Date()
        try trials.trial("untouched") {
            try Subprocess.run($0[0], Array($0.dropFirst()), environment: trials.environment)
        }
        let span = max(Date().timeIntervalSince(started), 0.01) * 1.2
        for _ in 0..<count {
            let delay = Double.random(in: 0..<span, using: &random)
            try trials.trial("kill -9 at a random instant") { arguments in
                let child = try Subprocess(
                    arguments[0], Array(arguments.dropFirst()), environment: trials.environment)
                usleep(useconds_t(delay * 1e6))
                kill(child.pid, SIGKILL)
                return child.wait()
            }
        }
        print(
            "fault trials (random kills, seed \(Self.environment["RAPPORT_FAULT_SEED"] ?? "2026")):\n\(trials.report)"
        )
        #expect(trials.failures.isEmpty, "\(trials.failures.joined(separator: "\n"))")
    }

    @Test func aFaultAtEverySystemCallOfASaveLosesNothingAcknowledged() throws {
        if let reason = try Strace.unusableReason() {
            print("FaultInjectionTests skipped: \(reason)")
            return
        }
        let trials = try FaultTrials()
        let lock = trials.cli.store + "/.lock"
        let instances = try Strace.instances(
            of: trials.nextLog().arguments, environment: trials.environment, from: lock)
        #expect(instances.count > 10, "a save makes more system calls than \(instances)")
        for instance in instances {
            try trials.trial("SIGKILL at each syscall") {
                try Subprocess.run(
                    "strace", Strace.injecting("signal=SIGKILL", at: instance, into: $0),
                    environment: trials.environment)
            }
        }
        for instance in instances {
            guard let error = Self.errors[instance.syscall] else { continue }
            try trials.trial("\(error.errno) at each \(instance.syscall)", error: error.text) {
                try Subprocess.run(
                    "strace", Strace.injecting("error=\(error.errno)", at: instance, into: $0),
                    environment: trials.environment)
            }
        }
        print("fault trials (each syscall instance of a save):\n\(trials.report)")
        #expect(trials.failures.isEmpty, "\(trials.failures.joined(separator: "\n"))")
    }
}
