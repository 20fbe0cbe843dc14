import Foundation
import Testing

/// A store arrives 0644/0755 when copied, unpacked or cloned; opening it makes what
/// Rapport writes private again: files 0600, directories 0700 (D41).
@Suite struct StoreModeTests {
    func mode(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
    }

    func setMode(_ path: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test(arguments: [["accounts"], ["show", "atlas"], ["check"]])
    func openingAStoreMakesItsFilesAndDirectoriesPrivate(_ command: [String]) throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let directories = [cli.store, cli.store + "/accounts", cli.store + "/index"]
        let files = try [cli.store + "/store.json"] + cli.accountFiles()
        for directory in directories { try setMode(directory, 0o755) }
        for file in files { try setMode(file, 0o644) }
        let result = try cli.run(command)
        #expect(result.status == 0, "\(result.err)")
        for directory in directories { #expect(try mode(directory) == 0o700, "\(directory)") }
        for file in files { #expect(try mode(file) == 0o600, "\(file)") }
        // Shared through git on purpose: left as it was.
        #expect(try mode(cli.store + "/.gitignore") == 0o644)
    }
}
