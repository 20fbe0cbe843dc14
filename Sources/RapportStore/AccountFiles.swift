import RapportCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the accounts directory holds, from one `readdir` pass with an `fstatat` per entry.
struct AccountFileListing {
    /// The account files this process can read, with their stamps, in directory order.
    var files: [(id: RecordID, stamp: FileStamp)] = []
    /// Entries named like account files that cannot be read (a directory, a link, a FIFO,
    /// a file without read permission), each with the account id and the reason.
    var unreadable: [StoreProblem] = []
    /// Names that are not account files (temporary leftovers, stray files).
    var strays: [String] = []
}

// Listing the account files: every command starts here, so an account whose file cannot
// be read is named (with the account id) instead of being listed from the index as if it
// were fine, or silently missing (D41).
extension FileStore {
    /// The accounts directory's entries, sorted into readable account files, unreadable
    /// ones and strays. An account file with permission bits for group or others is
    /// made 0600 on the way (D41): the directory listing has its mode at no extra cost.
    func listAccountFiles() throws(StoreError) -> AccountFileListing {
        var listing = AccountFileListing()
        // Asked once: a system call per file was a tenth of a 100,000-account listing.
        let me = geteuid()
        try POSIXFile.forEachEntry(in: accountsDirectory) { bytes, fd, cName in
            guard let id = Self.accountID(fileName: bytes) else {
                listing.strays.append(String(decoding: bytes, as: UTF8.self))
                return
            }
            lookAt(id, fd, cName, me: me, into: &listing)
        }
        listing.strays.sort()
        listing.unreadable.sort { $0.path < $1.path }
        return listing
    }

    /// Sorts the entry `cName` of the directory open as `fd`, the file of account `id`,
    /// into `listing`: readable (with its stamp), unreadable (with the reason), or gone
    /// since it was listed (left out).
    fileprivate func lookAt(
        _ id: RecordID, _ fd: Int32, _ cName: UnsafePointer<CChar>, me: uid_t,
        into listing: inout AccountFileListing
    ) {
        var info = stat()
        guard fstatat(fd, cName, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        if let reason = Self.unreadableReason(info, fd, cName, path: path(of: id), me: me) {
            listing.unreadable.append(StoreProblem(path: path(of: id), reason: reason, account: id))
            return
        }
        Self.tighten(info, fd, cName, me: me)
        listing.files.append((id, FileStamp(info)))
    }

    /// Why this process cannot read the entry `info` describes, or nil when it can: only
    /// a regular file within the size limit that it has read permission for.
    private static func unreadableReason(
        _ info: stat, _ directory: Int32, _ name: UnsafePointer<CChar>, path: String, me: uid_t
    ) -> String? {
        do {
            try POSIXFile.readable(info, path)
        } catch .unreadable(_, let reason) {
            return reason
        } catch {
            return "\(error)"
        }
        // The owner's read bit is the usual case and needs no system call; root reads anything.
        if me == 0 || (info.st_uid == me && info.st_mode & S_IRUSR != 0) { return nil }
        if faccessat(directory, name, R_OK, AT_EACCESS) == 0 { return nil }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        return
            "permission denied (mode \(mode), owner uid \(info.st_uid); Rapport runs as uid \(me)); "
            + "give this user read and write permission (chmod 600, chown)"
    }

    /// Makes a regular file of this user's that group or others may use private (0600).
    private static func tighten(_ info: stat, _ directory: Int32, _ name: UnsafePointer<CChar>, me: uid_t) {
        guard info.st_mode & 0o077 != 0, info.st_uid == me else { return }
        _ = fchmodat(directory, name, 0o600, 0)
    }
}

/// The accounts directory's entries named like account files, grouped by the index shard
/// that holds them, with the directory kept open so that each shard's files are looked at
/// (`fstatat`) on whichever core plans that shard: the list's one `readdir` pass is a
/// quarter of the listing at 100,000 accounts, and the look at every file, the rest, no
/// longer waits on one thread (D58).
final class ShardedAccountNames: @unchecked Sendable {
    // Sendable: nothing changes once it is made; `fstatat` on one directory descriptor may
    // be called from any thread.
    private let directory: OpaquePointer
    private let names: [PackedNames]
    private let me = geteuid()

    /// The entries of `path` named like account files, each in shard `shard(id)` of `count`.
    init(listing path: String, shards count: Int, shard: (RecordID) -> Int) throws(StoreError) {
        guard let directory = opendir(path) else { throw POSIXFile.failure(path, "cannot list") }
        self.directory = directory
        var names = [PackedNames](repeating: PackedNames(), count: count)
        POSIXFile.forEachEntry(of: directory) { bytes, _, _ in
            guard let id = FileStore.accountID(fileName: bytes) else { return }
            names[shard(id)].append(id, bytes)
        }
        self.names = names
    }

    deinit { closedir(directory) }

    /// Shard `n`'s files looked at: the readable ones with their stamps (in directory
    /// order), the unreadable ones with their reasons (by path).
    func files(ofShard n: Int, in store: FileStore) -> AccountFileListing {
        var listing = AccountFileListing()
        let fd = dirfd(directory)
        let shard = names[n]
        shard.bytes.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cNames in
                for k in shard.ids.indices {
                    store.lookAt(
                        shard.ids[k], fd, cNames.baseAddress! + shard.starts[k], me: me, into: &listing)
                }
            }
        }
        listing.unreadable.sort { $0.path < $1.path }
        return listing
    }

    /// One shard's account ids and their file names, each name ended by a zero byte, one
    /// after another in one buffer.
    private struct PackedNames {
        var ids: [RecordID] = []
        var starts: [Int] = []
        var bytes: [UInt8] = []

        mutating func append(_ id: RecordID, _ name: UnsafeBufferPointer<UInt8>) {
            ids.append(id)
            starts.append(bytes.count)
            bytes.append(contentsOf: name)
            bytes.append(0)
        }
    }
}
