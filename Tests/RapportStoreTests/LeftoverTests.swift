import Foundation
import Testing

@testable import RapportStore

#if canImport(Glibc)
    import Glibc
#endif

/// Temporary files of killed saves: named by `check` wherever they are, removed when no
/// save holds them.
@Suite struct LeftoverTests {
    @Test func leftoversInAccountsAndIndexAreNamedThenRemovedButAHeldOneIsKept() throws {
        let t = try TempStore()
        let account = t.account("Northwind")
        try t.store.create(account)
        let inAccounts = t.root + "/accounts/.\(account.id.rawValue).json.4194304.17.tmp"
        let inIndex = t.root + "/index/.3f.idx.4194304.18.tmp"
        let held = t.root + "/accounts/.\(account.id.rawValue).json.4194305.19.tmp"
        for path in [inAccounts, inIndex, held] {
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{".utf8)))
        }
        // A save writing `held` right now holds it.
        let fd = open(held, O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)

        let named = Set(t.store.check(today: t.today).map(\.path))
        #expect(named == [inAccounts, inIndex])
        #expect(Set(try t.store.removeLeftovers()) == [inAccounts, inIndex])
        #expect(t.store.check(today: t.today).isEmpty)
        #expect(FileManager.default.fileExists(atPath: held))
        #expect(!FileManager.default.fileExists(atPath: inIndex))
        #expect(try t.store.load(account.id).account == account)
    }
}
