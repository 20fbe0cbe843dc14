import RapportCore

#if canImport(Glibc)
    import Glibc
#endif

/// A summary, detail, note or reason given as `-` is read from standard input (to end of
/// file, trimmed), so a script can pass any text without quoting it. Standard input is
/// read once: a second `-` in one command is refused, naming both.
struct StandardInput {
    /// What read standard input already, if anything.
    private var readFor: String?

    /// `value`, or standard input's text when it is `-`. `what` names the argument or
    /// option (`--note`) for the messages.
    mutating func text(_ value: String, _ what: String) throws -> String {
        guard value == "-" else { return value }
        if let readFor {
            throw InputError(
                "\(readFor) and \(what) are both '-', but standard input can be read only once; give one of them as text"
            )
        }
        readFor = what
        return try Self.readAll().trimmingWhitespace()
    }

    /// Like `text`, for an option that may be absent.
    mutating func text(_ value: String?, _ what: String) throws -> String? {
        try value.map { try text($0, what) }
    }

    /// Everything on standard input, as UTF-8 text.
    private static func readAll() throws -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                throw InputError("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
