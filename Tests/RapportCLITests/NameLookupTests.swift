import Foundation
import Testing

/// A command given an account's name finds it from the names index while nothing was
/// added, removed or renamed behind Rapport's back, and the full way otherwise: what a
/// teammate's `git pull` brought, or a name changed inside a file, is never missed (D52).
@Suite struct NameLookupTests {
    /// A store with Acme Labs and Beta Freight, listed once (so the names index is written).
    func twoAccounts() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Acme Labs")
        try cli.run("account", "add", "Beta Freight")
        try cli.run("accounts")
        return cli
    }

    @Test func aNameIsFoundAndStaysFoundAcrossSaves() throws {
        let cli = try twoAccounts()
        #expect(FileManager.default.fileExists(atPath: cli.store + "/index/names"))
        let listed = try String(contentsOfFile: cli.store + "/index/listed", encoding: .utf8)
        let logged = try cli.run("log", "acme", "Call about the renewal", "--kind", "call")
        #expect(logged.out.hasPrefix("Logged call at Acme Labs"), "\(logged.err)")
        // The save moved the record of the directory along: the next name is found the quick way too.
        let after = try String(contentsOfFile: cli.store + "/index/listed", encoding: .utf8)
        #expect(after != listed)
        #expect(try cli.run("show", "beta").out.hasPrefix("Beta Freight"))
    }

    @Test func anAccountThatArrivedBehindRapportsBackMakesANameAmbiguous() throws {
        let cli = try twoAccounts()
        // Another store's account file copied in, as a git pull would bring it.
        let other = CLIHarness()
        try other.run("init")
        try other.run("account", "add", "Acme Shipping")
        let file = try other.accountFiles()[0]
        try FileManager.default.copyItem(
            atPath: file, toPath: cli.store + "/accounts/" + (file as NSString).lastPathComponent)
        let shown = try cli.run("show", "acme")
        #expect(shown.status == 1)
        #expect(shown.err.contains("'acme' matches 2 accounts"), "\(shown.out)\(shown.err)")
        #expect(try cli.run("show", "acme s").out.hasPrefix("Acme Shipping"))
    }

    /// Renames an account inside its file, written in place: the directory's time does
    /// not change, only the file's.
    func renameInPlace(_ name: String, to newName: String, in cli: CLIHarness) throws {
        let path = try cli.accountFiles().first {
            try String(contentsOfFile: $0, encoding: .utf8).contains("\"\(name)\"")
        }!
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(
            contentsOf: Data(text.replacingOccurrences(of: "\"\(name)\"", with: "\"\(newName)\"").utf8))
        try handle.close()
    }

    @Test func aNameChangedInsideAFileIsNotBelieved() throws {
        let cli = try twoAccounts()
        try renameInPlace("Acme Labs", to: "Zenith Mills", in: cli)
        let old = try cli.run("show", "acme labs")
        #expect(old.status == 1)
        #expect(old.err.contains("no account matches 'acme labs'"), "\(old.out)\(old.err)")
        #expect(try cli.run("show", "zenith").out.hasPrefix("Zenith Mills"))
    }

    /// A list that reads a file changed in place writes the names index again, so the
    /// quick lookup knows the new name.
    @Test func aListAfterANameChangedInsideAFileBringsTheNamesIndexUpToDate() throws {
        let cli = try twoAccounts()
        try renameInPlace("Beta Freight", to: "Acme Two", in: cli)
        try cli.run("accounts")
        let names = try String(contentsOfFile: cli.store + "/index/names", encoding: .utf8)
        #expect(names.contains("Acme Two") && !names.contains("Beta Freight"), "\(names)")
        #expect(try cli.run("show", "acme").err.contains("'acme' matches 2 accounts"))
    }

    @Test func aRenamedAccountIsFoundByItsNewName() throws {
        let cli = try twoAccounts()
        try cli.run("account", "edit", "acme", "--name", "Crest Labs")
        #expect(try cli.run("show", "crest").out.hasPrefix("Crest Labs"))
        let gone = try cli.run("show", "acme")
        #expect(gone.status == 1)
        #expect(gone.err.contains("no account matches 'acme'"))
        try cli.run("account", "add", "Crest Foods")
        #expect(try cli.run("show", "crest").err.contains("'crest' matches 2 accounts"))
    }
}
