#if canImport(Glibc)
import Glibc
#endif

/// What the commands need from the operating system beyond FoundationEssentials:
/// standard error, temporary files, writing a file, running the editor. Written on
/// the C library so that Foundation (and ICU) never load: they were a third of the
/// start of every command.
enum System {
    /// A failure, with the system's reason ("No such file or directory").
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Text on standard error, after anything already printed to standard output.
    static func writeError(_ text: String) {
        fflush(nil)  // what `print` holds in its buffer goes first
        _ = writeAll(STDERR_FILENO, text.utf8)
    }

    /// Bytes on standard output, after anything already printed there.
    static func writeOutput(_ bytes: some Sequence<UInt8>) {
        fflush(nil)
        _ = writeAll(STDOUT_FILENO, bytes)
    }

    /// Writes all of `bytes` to `fd`; false (with `errno` set) when the file takes no more.
    private static func writeAll(_ fd: Int32, _ bytes: some Sequence<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// The directory for temporary files (`$TMPDIR`, else `/tmp`), with a trailing slash.
    static var temporaryDirectory: String {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// Writes `text` to `path`; `atomically`, through a temporary file renamed into place,
    /// so a reader never sees half of it.
    static func write(_ text: String, to path: String, atomically: Bool) throws(Failure) {
        let target = atomically ? path + ".\(getpid()).tmp" : path
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw reason() }
        guard writeAll(fd, text.utf8) else {
            let failure = reason()
            close(fd)
            if atomically { unlink(target) }
            throw failure
        }
        guard close(fd) == 0, !atomically || rename(target, path) == 0 else {
            let failure = reason()
            if atomically { unlink(target) }
            throw failure
        }
    }

    /// Runs `/bin/sh -c script name arguments…` on this terminal and waits for it: its
    /// exit status, 127 when it could not be started.
    static func runShell(_ script: String, name: String, arguments: [String]) -> Int32 {
        let argv: [UnsafeMutablePointer<CChar>?] = (["/bin/sh", "-c", script, name] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return 127 }
        }
        // Exited normally: its exit code; killed by a signal: 128 plus the signal, as shells report it.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    private static func reason() -> Failure { Failure(description: String(cString: strerror(errno))) }
}
