import Foundation

/// The real `strace`, for injecting faults at chosen system calls of a child process:
/// `-e inject=SYSCALL:signal=SIGKILL:when=N` kills it at the Nth call, and
/// `inject=SYSCALL:error=ENOSPC:when=N` makes the Nth call fail.
///
/// strace counts calls per thread (`when=2` is each thread's second call), so an
/// instance is a syscall and an ordinal, and an injection at it reaches every thread
/// that makes that many.
enum Strace {
    /// The system calls a save makes that faults are injected at.
    static let syscalls = [
        "openat", "flock", "write", "fdatasync", "fsync", "close", "rename", "renameat", "renameat2",
        "unlink", "unlinkat", "mkdir", "mkdirat"
    ]

    /// One system call instance: the syscall and its ordinal in its thread (from 1).
    struct Instance: Hashable, Comparable {
        let syscall: String
        let ordinal: Int

        static func < (a: Instance, b: Instance) -> Bool {
            (a.syscall, a.ordinal) < (b.syscall, b.ordinal)
        }
    }

    /// Why strace cannot be used here (it cannot trace, so faults cannot be injected), or nil.
    /// A missing strace is not a reason: CI installs it (.ci/run).
    static func unusableReason() throws -> String? {
        let probe = try Subprocess.run(
            "strace", ["-qq", "-o", "/dev/null", "true"], environment: ProcessInfo.processInfo.environment)
        guard probe.status != 0 else { return nil }
        return "strace cannot trace here (exit \(probe.status)): \(probe.err)"
    }

    /// The instances of `syscalls` that `command` makes from its first system call
    /// whose arguments mention `marker` (the store's lock file: where a save starts).
    static func instances(
        of command: [String], environment: [String: String], from marker: String
    ) throws -> [Instance] {
        let log = NSTemporaryDirectory() + "rapport-strace-\(UUID().uuidString)"
        defer { unlink(log) }
        let traced = try Subprocess.run(
            "strace",
            ["-f", "-qq", "-o", log, "-e", "trace=" + syscalls.joined(separator: ",")] + command,
            environment: environment)
        guard traced.status == 0 else {
            throw Subprocess.Failure(description: "the traced run failed: \(traced.err)")
        }
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        var counts: [String: Int] = [:]
        var found: Set<Instance> = []
        var started = false
        for line in lines {
            // "1234  openat(AT_FDCWD, ...) = 3"; resumed and signal lines have no "(".
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, let open = parts[1].firstIndex(of: "(") else { continue }
            let name = String(parts[1][..<open].trimmingCharacters(in: .whitespaces))
            guard syscalls.contains(name) else { continue }
            let key = "\(parts[0]) \(name)"
            counts[key, default: 0] += 1
            if line.contains(marker) { started = true }
            if started { found.insert(Instance(syscall: name, ordinal: counts[key]!)) }
        }
        return found.sorted()
    }

    /// `strace` arguments that run `command` with `injection` (such as
    /// "signal=SIGKILL" or "error=EIO") at `instance`.
    static func injecting(_ injection: String, at instance: Instance, into command: [String]) -> [String] {
        [
            "-f", "-qq", "-o", "/dev/null", "-e", "trace=\(instance.syscall)", "-e",
            "inject=\(instance.syscall):\(injection):when=\(instance.ordinal)"
        ] + command
    }
}
