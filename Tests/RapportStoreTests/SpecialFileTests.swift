import Foundation
import RapportCore
import Testing

@testable import RapportStore

#if canImport(Glibc)
    import Glibc
#endif

/// Only regular files of at most 64 MiB are read: a link to /dev/zero was read until
/// memory ran out, and a FIFO blocked every command. The rest are named by `check` with
/// the reason and skipped by every command and by the index.
@Suite struct SpecialFileTests {
    /// A store with two accounts, Acme and Globex.
    func store() throws -> (TempStore, [Account]) {
        let t = try TempStore()
        let accounts = [t.account("Acme"), t.account("Globex")]
        for a in accounts { try t.store.create(a) }
        return (t, accounts)
    }

    /// The store still works around `path`, which every read names with `reason`, the
    /// index's listing too (D41: it was silently missing there).
    func expectSkipped(_ t: TempStore, _ path: String, _ reason: String, _ accounts: [Account]) throws {
        let problems = t.store.check(today: t.today)
        #expect(problems.map(\.path) == [path], "\(problems)")
        #expect(problems.first?.reason.contains(reason) == true, "\(problems)")
        let all = t.store.loadAll()
        #expect(Set(all.accounts.map(\.account.id)) == Set(accounts.map(\.id)))
        #expect(all.problems.map(\.path) == [path])
        let digests = t.store.loadDigests()
        #expect(Set(digests.digests.map(\.id)) == Set(accounts.map(\.id)))
        #expect(digests.problems.map(\.path) == [path])
        let id = try #require(FileStore.accountID(fileName: Array(path.split(separator: "/").last!.utf8)))
        #expect(throws: StoreError.self) { try t.store.load(id) }
        try t.store.update(accounts[0].id) { $0.tags = ["still saves"] }
        #expect(try t.store.load(accounts[0].id).account.tags == ["still saves"])
    }

    @Test func aLinkToADeviceIsNamedAndSkipped() throws {
        let (t, accounts) = try store()
        let path = t.root + "/accounts/acc-zero.json"
        #expect(symlink("/dev/zero", path) == 0)
        try expectSkipped(
            t, path, "not a regular file but a symbolic link; only regular files are read", accounts)
    }

    @Test func aFIFOIsNamedAndSkippedWithoutWaiting() throws {
        let (t, accounts) = try store()
        let path = t.root + "/accounts/acc-fifo.json"
        #expect(mkfifo(path, 0o600) == 0)
        try expectSkipped(t, path, "not a regular file but a FIFO", accounts)
    }

    @Test func aLinkToAnAccountFileIsSkippedToo() throws {
        let (t, accounts) = try store()
        let path = t.root + "/accounts/acc-copy.json"
        #expect(symlink(t.store.path(of: accounts[1].id), path) == 0)
        try expectSkipped(t, path, "symbolic link", accounts)
        let dangling = t.root + "/accounts/acc-gone.json"
        #expect(symlink(t.root + "/nothing-here", dangling) == 0)
        #expect(Set(t.store.check(today: t.today).map(\.path)) == [path, dangling])
    }

    @Test func aFileLargerThan64MiBIsNamedAndNotRead() throws {
        let (t, accounts) = try store()
        let path = t.root + "/accounts/acc-huge.json"
        // Sparse: 64 MiB and a byte, of which nothing is on disk.
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        #expect(fd >= 0 && ftruncate(fd, 64 << 20 + 1) == 0)
        close(fd)
        try expectSkipped(t, path, "larger than 64 MiB (67108865 bytes)", accounts)
    }

    @Test func aStoreFileThatIsNoRegularFileIsRefused() throws {
        let (t, _) = try store()
        let path = t.root + "/store.json"
        try FileManager.default.removeItem(atPath: path)
        #expect(symlink("/dev/zero", path) == 0)
        #expect(
            throws: StoreError.unreadable(
                path: path, reason: "not a regular file but a symbolic link; only regular files are read")
        ) {
            try FileStore.open(at: t.root)
        }
    }
}
