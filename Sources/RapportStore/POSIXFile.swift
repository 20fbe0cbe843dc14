import Dispatch
import FoundationEssentials
import IndexKit
import RapportCore

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Low-level file operations with the durability the store promises.
enum POSIXFile {
    /// Writes `data` to `path` atomically and durably: a temporary file in the same
    /// directory is written, flushed with fdatasync (its data and size; the times it
    /// would also flush are not needed to read it back), renamed over `path`, and the
    /// directory fsynced.
    /// A crash at any instant leaves either the old file or the new one. Once the rename
    /// is done the write is saved: a directory fsync that fails after it is recorded in
    /// `SaveJournal` for the caller to report, not thrown. With
    /// `durable: false` (for caches that are checked on read) the fsyncs are skipped:
    /// the rename is still atomic for other processes.
    ///
    /// `whileFlushing`, given the new file's stamp, runs on another thread while the
    /// file and its directory are flushed (time spent waiting on the device, not the
    /// processor); it has finished when this returns, whether or not the write succeeded.
    static func writeAtomically(
        _ data: Data, to path: String, mode: mode_t = 0o600, durable: Bool = true,
        whileFlushing: (@Sendable (FileStamp) -> Void)? = nil
    ) throws(StoreError) {
        let (directory, name) = split(path)
        let temp = "\(directory)/.\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure(temp, "cannot create temporary file") }
        // Held while it is written (until it is closed, just before the rename): `check`
        // removes only temporary files that nobody holds (StoreLeftovers.swift).
        flock(fd, LOCK_EX | LOCK_NB)
        var ok = false
        defer { if !ok { unlink(temp) } }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
        guard written else {
            let e = failure(temp, "cannot write")
            close(fd)
            throw e
        }
        let alongside = DispatchGroup()
        defer { alongside.wait() }
        var info = stat()
        if let whileFlushing, fstat(fd, &info) == 0 {
            // Renaming keeps the file's size and modification time: this is its stamp at `path`.
            let stamp = FileStamp(info)
            DispatchQueue.global(qos: .userInitiated).async(group: alongside) { whileFlushing(stamp) }
        }
        if durable {
            guard fdatasync(fd) == 0 else {
                let e = failure(temp, "cannot flush to disk")
                close(fd)
                throw e
            }
        }
        guard close(fd) == 0 else { throw failure(temp, "cannot close") }
        guard rename(temp, path) == 0 else { throw failure(path, "cannot replace") }
        ok = true
        guard durable else { return }
        // Renamed into place, the change is saved: a directory that cannot be synced now
        // is said, never reported as a failure (a retry would save the change twice).
        SaveJournal.recordSaved()
        do {
            try syncDirectory(directory)
        } catch {
            SaveJournal.recordNotice("saved, but the directory could not be synced: \(error)")
        }
    }

    /// Flushes a directory's entries (a rename or unlink) to disk.
    static func syncDirectory(_ directory: String) throws(StoreError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure(directory, "cannot open directory") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure(directory, "cannot fsync directory") }
    }

    /// Creates a directory with the given mode if it does not exist.
    static func makeDirectory(_ path: String, mode: mode_t = 0o700) throws(StoreError) {
        if mkdir(path, mode) != 0 && errno != EEXIST { throw failure(path, "cannot create directory") }
    }

    /// The whole file, or nil when it does not exist.
    static func read(_ path: String) throws(StoreError) -> Data? {
        try readShared(path).map { Data($0) }
    }

    /// A whole file's bytes as an array; nil when it does not exist.
    static func readBytes(_ path: String) throws(StoreError) -> [UInt8]? {
        try readShared(path).map { Array($0) }
    }

    /// The largest file the store reads: 64 MiB. An account file is tens of kilobytes
    /// and an index shard at most a few hundred; anything near this is not Rapport's.
    static let sizeLimit = 64 << 20

    /// A whole file's bytes in memory of their own, sized from the file, which digests
    /// keep slices of (index shards are read this way, 256 at every start); nil when it
    /// does not exist. Read into room that is not filled first: zeroing it cost as much
    /// as the read.
    ///
    /// Only a regular file of at most `sizeLimit` bytes is read; anything else is
    /// `StoreError.unreadable` with the reason. A link to /dev/zero was read until memory
    /// ran out, and a FIFO blocked the reader for good. The path is looked at (`lstat`)
    /// before it is opened, so no device or FIFO is opened at all, then opened without
    /// following a link and without waiting (`O_NOFOLLOW | O_NONBLOCK`), and what was
    /// opened is checked again (`fstat`): it may have been swapped in between.
    static func readShared(_ path: String) throws(StoreError) -> SharedBytes? {
        try read(path, stampAfter: false)?.bytes
    }

    /// A file `readShared` would read, mapped read-only instead (nil when it is missing,
    /// empty, not one it reads or cannot be mapped); with `populating`, its pages read in at
    /// once (for a file read whole). For the index's files, which Rapport only ever replaces
    /// (a rename), never changes in place: a mapped file cut short under it would fault when
    /// its lost pages are read. Unmapped when the last holder of the bytes goes.
    static func mapShared(_ path: String, populating: Bool) -> SharedBytes? {
        // Looked at before it is opened, and checked again once open, as `readShared` does.
        var info = stat()
        guard lstat(path, &info) == 0, (try? readable(info, path)) != nil else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, (try? readable(info, path)) != nil, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        let flags = MAP_PRIVATE | (populating ? MAP_POPULATE : 0)
        guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else { return nil }
        return SharedBytes(FixedBuffer<UInt8>(mapped: base, length: size, count: size))
    }

    /// `readShared`, with the stamp of the file read as it was when the read ended
    /// (`fstat` on its descriptor): a file changed while it was read, or replaced before it
    /// was opened, has a stamp other than the one it was listed with.
    static func readStamped(_ path: String) throws(StoreError) -> (bytes: SharedBytes, stamp: FileStamp)? {
        try read(path, stampAfter: true)
    }

    /// The bytes, and the opened file's stamp before the read or, with `stampAfter`, after it.
    private static func read(_ path: String, stampAfter: Bool) throws(StoreError) -> (
        bytes: SharedBytes, stamp: FileStamp
    )? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure(path, "cannot read")
        }
        try readable(info, path)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw notRegular(path, "a symbolic link") }
            throw failure(path, "cannot open")
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw failure(path, "cannot read") }
        try readable(info, path)
        // Room for one byte more than the file holds: a read that fills it means the file grew.
        var memory = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == memory.count {
                guard count <= sizeLimit else {
                    memory.deallocate()
                    throw tooLarge(path, count)
                }
                let larger = UnsafeMutableBufferPointer<UInt8>.allocate(
                    capacity: min(memory.count * 2, sizeLimit + 1))
                larger.baseAddress!.update(from: memory.baseAddress!, count: count)
                memory.deallocate()
                memory = larger
            }
            let n = systemRead(fd, memory.baseAddress! + count, memory.count - count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                let readError = errno
                memory.deallocate()
                errno = readError
                throw failure(path, "cannot read")
            }
            if n == 0 {
                let bytes = SharedBytes(FixedBuffer(adopting: memory, count: count))
                if stampAfter { guard fstat(fd, &info) == 0 else { throw failure(path, "cannot read") } }
                return (bytes, FileStamp(info))
            }
            count += n
        }
    }

    /// Refuses what `info` describes unless it is a regular file within `sizeLimit`.
    static func readable(_ info: stat, _ path: String) throws(StoreError) {
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            if Int(info.st_size) > sizeLimit { throw tooLarge(path, Int(info.st_size)) }
        case S_IFLNK: throw notRegular(path, "a symbolic link")
        case S_IFIFO: throw notRegular(path, "a FIFO (named pipe)")
        case S_IFCHR: throw notRegular(path, "a character device")
        case S_IFBLK: throw notRegular(path, "a block device")
        case S_IFSOCK: throw notRegular(path, "a socket")
        case S_IFDIR: throw notRegular(path, "a directory")
        default: throw notRegular(path, "not a file of a known kind")
        }
    }

    private static func notRegular(_ path: String, _ kind: String) -> StoreError {
        .unreadable(path: path, reason: "not a regular file but \(kind); only regular files are read")
    }

    private static func tooLarge(_ path: String, _ size: Int) -> StoreError {
        .unreadable(
            path: path, reason: "larger than 64 MiB (\(size) bytes); the store reads files up to 64 MiB")
    }

    /// Removes a file durably; a missing file is not an error.
    static func remove(_ path: String) throws(StoreError) {
        if unlink(path) != 0 && errno != ENOENT { throw failure(path, "cannot delete") }
        try syncDirectory(split(path).directory)
    }

    /// A path's directory and last component ("/a/b" is "/a" and "b"; "b" is "." and "b").
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        return (
            slash == path.startIndex ? "/" : String(path[..<slash]), String(path[path.index(after: slash)...])
        )
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Size and modification time (nanoseconds) of a file, or nil when it is missing.
    static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Calls `body` with each entry of a directory but `.` and `..`, in one `readdir` pass:
    /// the name's bytes (no string is built for a name nobody keeps), and the directory's
    /// descriptor and the C name, for an `fstatat`.
    static func forEachEntry(
        in directory: String,
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ directory: Int32, _ cName: UnsafePointer<CChar>) ->
            Void
    ) throws(StoreError) {
        guard let dir = opendir(directory) else { throw failure(directory, "cannot list") }
        defer { closedir(dir) }
        forEachEntry(of: dir, body)
    }

    /// `forEachEntry(in:_:)` for a directory already open (`opendir`), from where its
    /// reading stands.
    static func forEachEntry(
        of dir: OpaquePointer,
        _ body: (_ name: UnsafeBufferPointer<UInt8>, _ directory: Int32, _ cName: UnsafePointer<CChar>) ->
            Void
    ) {
        let fd = dirfd(dir)
        while let entry = readdir(dir) {
            withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { cName in
                    let bytes = UnsafeBufferPointer(
                        start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self),
                        count: strlen(cName))
                    let dots = bytes.count <= 2 && bytes.allSatisfy { $0 == UInt8(ascii: ".") }
                    if !dots { body(bytes, fd, cName) }
                }
            }
        }
    }

    static func failure(_ path: String, _ what: String) -> StoreError {
        .io(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// What identifies a version of a file cheaply: its size and modification time.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modifiedNanoseconds: Int

    init(size: Int, modifiedNanoseconds: Int) {
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    init(_ info: stat) {
        size = Int(info.st_size)
        modifiedNanoseconds = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }
}
