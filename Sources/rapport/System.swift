import RapportCore

#if canImport(Glibc)
    // @preconcurrency: `stdout`, C's buffer behind `print`, is read once, after the command.
    @preconcurrency import Glibc
#endif

/// The command line's `print`, which every command's human text goes through (it shadows
/// the standard library's in this module): the text from the store, a name like
/// `Evil\e]0;pwned\a`, is shown with its control characters made visible rather than
/// retitling or clearing the terminal (`TerminalText`). JSON and iCalendar output is
/// written with `System.writeOutput`, escaped by its own rules.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(
        TerminalText.visible(items.map { "\($0)" }.joined(separator: separator)), terminator: terminator)
}

/// What the commands need from the operating system beyond FoundationEssentials:
/// standard error, temporary files, writing a file, running a program. Written on
/// the C library so that Foundation (and ICU) never load: they were a third of the
/// start of every command.
enum System {
    /// A failure, with the system's reason ("No such file or directory").
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Output that did not all reach its destination (a full disk, say), with the reason.
    struct OutputFailure: Error, CustomStringConvertible {
        let reason: String
        var description: String { "cannot write the output (\(reason)); it is incomplete" }
    }

    /// Text on standard error, after anything already printed to standard output. It
    /// quotes what was typed and what the store holds: shown, never sent to the terminal
    /// as commands (`TerminalText`).
    static func writeError(_ text: String) {
        fflush(nil)  // what `print` holds in its buffer goes first
        var text = TerminalText.visible(text)
        _ = text.withUTF8 { writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Bytes on standard output, after anything already printed there.
    static func writeOutput(_ bytes: some Sequence<UInt8>) throws(OutputFailure) {
        guard Array(bytes).withUnsafeBytes(writeOutputReached) else { throw outputFailure() }
    }

    static func writeOutput(_ text: StaticString) throws(OutputFailure) {
        try writeOutput(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// The bytes as they are, without a copy (the due list's 18 MB are written so).
    static func writeOutput(_ bytes: UnsafeRawBufferPointer) throws(OutputFailure) {
        guard writeOutputReached(bytes) else { throw outputFailure() }
    }

    private static func writeOutputReached(_ bytes: UnsafeRawBufferPointer) -> Bool {
        fflush(nil)  // what `print` holds in its buffer goes first
        return writeAll(STDOUT_FILENO, bytes)
    }

    /// Sends on what `print` still holds and checks that all of it got through: `print`
    /// drops output it cannot write without a word, and a command would end in success
    /// with its output cut short.
    static func finishOutput() throws(OutputFailure) {
        guard fflush(stdout) == 0, ferror(stdout) == 0 else { throw outputFailure() }
    }

    private static func outputFailure() -> OutputFailure {
        OutputFailure(reason: errno == 0 ? "nothing was written" : String(cString: strerror(errno)))
    }

    /// A progress line on standard error, redrawn in place: `text` (the command's own words
    /// and numbers) after a carriage return, and the line cleared at the end, with the
    /// control characters sent as they are (`writeError` would show them).
    static func writeProgress(_ text: String) {
        var line = "\r" + text + "\u{1B}[K"
        _ = line.withUTF8 { writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Writes all of `bytes` to `fd`; false (with `errno` set) when the file takes no more.
    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { errno = 0 }
                return false
            }
            offset += n
        }
        return true
    }

    /// The directory for temporary files (`$TMPDIR`, else `/tmp`), with a trailing slash.
    static var temporaryDirectory: String {
        let directory =
            getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// Writes `text` to `path` through a temporary file renamed into place, so a reader
    /// never sees half of it. The file is 0600, whatever the umask: an export holds notes
    /// on a customer, as private as the store it comes from (D41).
    static func write(_ text: String, to path: String) throws(Failure) {
        let temp = path + ".\(getpid()).tmp"
        try create(temp, holding: text, flags: O_TRUNC, mode: 0o600)
        guard rename(temp, path) == 0 else {
            let failure = reason()
            unlink(temp)
            throw failure
        }
    }

    /// A new file at `path` holding `text` that only this user can read (the editor's
    /// copy of a field: notes on a customer, in a shared temporary directory). What was
    /// at `path` is removed first, and anything put there meanwhile is refused, not
    /// written through.
    static func createPrivate(_ text: String, at path: String) throws(Failure) {
        unlink(path)
        try create(path, holding: text, flags: O_EXCL, mode: 0o600)
    }

    private static func create(_ path: String, holding text: String, flags: Int32, mode: mode_t)
        throws(Failure)
    {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, mode)
        guard fd >= 0 else { throw reason() }
        var text = text
        let written = text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
        let failure = written ? nil : reason()
        guard close(fd) == 0, written else {
            let failure = failure ?? reason()
            unlink(path)
            throw failure
        }
    }

    /// Runs `program` with `arguments` and waits for it: its exit status (128 plus the
    /// signal, as shells report it, when one ended it) and what it used; nil when it could
    /// not be started. It writes to this process's standard output and error unless
    /// `outputFile` (created for it) or `quiet` (error to /dev/null) say otherwise, and
    /// gets `environment` in place of this process's when it is given.
    static func run(
        _ program: String, _ arguments: [String], environment: [String: String]? = nil,
        outputFile: String? = nil, quiet: Bool = false
    ) -> (status: Int32, usage: rusage)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let outputFile {
            posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map {
            $0.map { strdup("\($0.key)=\($0.value)") } + [nil]
        }
        defer {
            for pointer in argv + (envp ?? []) { free(pointer) }
        }
        var pid: pid_t = 0
        let started =
            envp.map { posix_spawn(&pid, program, &actions, nil, argv, $0) }
            ?? posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard started == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 {
            guard errno == EINTR else { return nil }
        }
        return (status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F), usage)
    }

    private static func reason() -> Failure { Failure(description: String(cString: strerror(errno))) }
}

extension System {
    /// The running binary's own path: what git's merge driver and the bench's child
    /// processes run. Refused, saying how to go on, when it cannot be found.
    static func executablePath() throws(Failure) -> String {
        var buffer = [UInt8](repeating: 0, count: 4097)
        let count = buffer.withUnsafeMutableBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { readlink("/proc/self/exe", $0.baseAddress!, $0.count - 1) }
        }
        let path = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : CommandLine.arguments[0]
        guard access(path, X_OK) == 0 else {
            throw Failure(
                description: "cannot find the rapport binary itself (\(path)); run it by its full path")
        }
        return path
    }
}
