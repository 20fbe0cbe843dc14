import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `git`, run in a directory and waited for, with its output captured (D47).
/// Git is never re-implemented: every question about a repository goes to it.
public struct Git: Sendable {
    /// What one run of git printed and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String

        public var succeeded: Bool { status == 0 }
        /// Its error output's last lines, for a message.
        public var reason: String {
            let text = error.isEmpty ? output : error
            let lines = text.split(separator: "\n").map { String($0).trimmingSpaces() }
            return lines.suffix(3).joined(separator: "; ")
        }
    }

    /// The directory git runs in.
    public let directory: String
    /// Set for every run besides the process's own: prompts off, so a missing password
    /// fails at once instead of waiting for a terminal nobody watches.
    public var environment: [String: String] = [
        "GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "", "SSH_ASKPASS": ""
    ]

    public init(in directory: String) {
        self.directory = directory
    }

    /// Runs `git ARGUMENTS`; nil output on an error of its own is given as status 127.
    @discardableResult
    public func run(_ arguments: [String], input: String? = nil) -> Result {
        let outPath = Self.temporaryPath("out")
        let errPath = Self.temporaryPath("err")
        let inPath = input.map { _ in Self.temporaryPath("in") }
        defer {
            for path in [outPath, errPath] + (inPath.map { [$0] } ?? []) { unlink(path) }
        }
        if let inPath, let input {
            let fd = open(inPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            if fd >= 0 {
                var text = input
                _ = text.withUTF8 { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        let argv: [UnsafeMutablePointer<CChar>?] =
            (["git", "-C", directory] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, "git", &actions, nil, argv, envp) == 0 else {
            return Result(
                status: 127, output: "", error: "git could not be started: is git installed and on PATH?")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { break }
        }
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: code, output: Self.read(outPath), error: Self.read(errPath))
    }

    /// Runs git and gives its output without the final line break, or nil when it failed.
    public func value(_ arguments: [String]) -> String? {
        let result = run(arguments)
        guard result.succeeded else { return nil }
        return result.output.hasSuffix("\n") ? String(result.output.dropLast()) : result.output
    }

    private static func temporaryPath(_ what: String) -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(base)/rapport-git-\(getpid())-\(UInt64.random(in: 0...UInt64.max))-\(what)"
    }

    private static func read(_ path: String) -> String {
        guard let data = try? POSIXFile.read(path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }
}
