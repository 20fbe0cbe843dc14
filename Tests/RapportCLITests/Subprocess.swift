import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with `posix_spawn`, its output going to temporary files.
///
/// Foundation's `Process` on Linux can miss the exit of a child that forks a daemon (the
/// tmux client starting its server) and hang in `waitUntilExit`; pipes inherited by such
/// a daemon never reach end-of-file. Files and `waitpid` have neither problem.
struct Subprocess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    let pid: pid_t
    private let outPath: String
    private let errPath: String

    /// Starts `executable` with `arguments` and exactly `environment`; its standard input
    /// is `input` when given, else empty.
    init(_ executable: String, _ arguments: [String], environment: [String: String], input: String? = nil)
        throws
    {
        let base = NSTemporaryDirectory() + "rapport-sub-\(UUID().uuidString)"
        outPath = base + ".out"
        errPath = base + ".err"
        let inPath = base + ".in"
        if let input { try input.write(toFile: inPath, atomically: false, encoding: .utf8) }
        defer { unlink(inPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }

        // The spawning thread may block signals (dispatch workers do); the child must
        // start with none blocked and default handlers, like a shell would start it.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var child: pid_t = 0
        let status = posix_spawnp(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    /// Waits for the child to end and returns its status and output.
    func wait() -> Result {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exit, out: Self.read(outPath), err: Self.read(errPath))
    }

    /// Runs to completion.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) throws
        -> Result
    {
        try Subprocess(executable, arguments, environment: environment).wait()
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which the Glibc module
    /// does not import: the child keeps no descriptor of the test process but 0, 1 and 2.
    private static let closeFrom:
        (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
            guard
                let symbol = dlsym(
                    UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
            else { return nil }
            return unsafeBitCast(
                symbol,
                to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
        }()

    private static func read(_ path: String) -> String {
        (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
