import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// An account file that cannot be read is named with its reason by every command, the
/// commands for that account say it exists and why it cannot be read, and the index never
/// lists it as if it were fine (D41).
@Suite struct UnreadableAccountTests {
    /// A demo store whose index has been built, and Atlas Manufacturing's file.
    func demo() throws -> (CLIHarness, String) {
        let cli = CLIHarness()
        try cli.run("demo")
        try cli.run("accounts")
        let id = try cli.account("atlas").id.rawValue
        return (cli, cli.store + "/accounts/\(id).json")
    }

    /// `accounts`, `due` and `check` name `path` with `reason`, and Atlas is not listed;
    /// `show`, `log` and `concern` given its id or its name say it exists but cannot be read.
    func expectNamed(_ cli: CLIHarness, _ path: String, _ reason: String) throws {
        let line = "rapport: \(path) cannot be read: \(reason); it is left out\n"
        let list = try cli.run("accounts")
        #expect(list.status == 0)
        #expect(list.err == line)
        #expect(!list.out.contains("Atlas"))
        #expect(list.out.hasSuffix("26 accounts\n"))
        let due = try cli.run("due", "--within", "365")
        #expect(due.err == line)
        #expect(!due.out.contains("Atlas"))
        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.out.contains("\(path): \(reason)\n"))
        let id = String(path.split(separator: "/").last!.dropLast(".json".count))
        for query in [id, "Atlas Manufacturing", "atlas"] {
            for command in [
                ["show", query], ["log", query, "checked in", "--kind", "call"], ["concern", query, "slow"]
            ] {
                let result = try cli.run(command)
                #expect(result.status != 0)
                #expect(
                    result.err.contains(
                        "account \(id) (Atlas Manufacturing) exists but its file cannot be read: \(reason)"),
                    "\(command): \(result.err)")
                #expect(!result.err.contains("no account matches"))
            }
        }
    }

    @Test func gitConflictMarkersAreNamedWithTheirLine() throws {
        let (cli, path) = try demo()
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        lines.insert("<<<<<<< HEAD", at: 11)
        lines.insert("=======", at: 14)
        lines.insert(">>>>>>> teammate", at: 16)
        let text = lines.joined(separator: "\n")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try expectNamed(
            cli, path,
            "git conflict markers at line 12 (a merge left unfinished: keep one side of each conflict and "
                + "delete the <<<<<<<, ======= and >>>>>>> lines)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func somethingThatIsNoFileIsNamedAndNotListedFromTheIndex() throws {
        let (cli, path) = try demo()
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try expectNamed(cli, path, "not a regular file but a directory; only regular files are read")
    }

    /// Root reads a file whatever its mode, so this runs only for other users.
    @Test(.enabled(if: getuid() != 0, "root ignores file modes"))
    func aFileWithoutReadPermissionIsNamedAndNotListedFromTheIndex() throws {
        let (cli, path) = try demo()
        #expect(chmod(path, 0) == 0)
        defer { chmod(path, 0o600) }
        try expectNamed(
            cli, path,
            "permission denied (mode 0, owner uid \(getuid()); Rapport runs as uid \(getuid())); "
                + "give this user read and write permission (chmod 600, chown)")
    }

    @Test func aNewerSchemaIsNamed() throws {
        let (cli, path) = try demo()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"schema\" : 1", with: "\"schema\" : 7").utf8).write(
            to: URL(fileURLWithPath: path))
        try expectNamed(cli, path, "written by a newer Rapport (schema 7; this one reads up to 1)")
    }

    @Test func schemaZeroIsNamedWithTheSchemasAccepted() throws {
        let (cli, path) = try demo()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"schema\" : 1", with: "\"schema\" : 0").utf8).write(
            to: URL(fileURLWithPath: path))
        try expectNamed(cli, path, "schema 0, which this Rapport cannot read (it reads schema 1)")
    }
}
