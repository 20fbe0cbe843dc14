#if canImport(Glibc)
    import Glibc
#endif

extension System {
    /// The largest file an import reads (a CSV of a few hundred thousand rows).
    static let inputLimit = 256 << 20

    /// A regular file's bytes, read whole; refused with the reason when it is missing,
    /// not a regular file or larger than `inputLimit`.
    static func readInput(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(description: "\(path) is not a regular file")
        }
        guard Int(info.st_size) <= inputLimit else {
            throw Failure(description: "\(path) is larger than \(inputLimit >> 20) MiB")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else {
                throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            guard bytes.count <= inputLimit else {
                throw Failure(description: "\(path) is larger than \(inputLimit >> 20) MiB")
            }
        }
        return bytes
    }

    /// Whether standard error is a terminal (a progress line is drawn only there).
    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
