import Foundation
import Testing

/// Shell completions: the scripts ArgumentParser generates offer the choice options'
/// values, and ACCOUNT completes to the store's account names, escaped for the shell.
@Suite struct CompletionTests {
    @Test func scriptsOfferChoiceValuesAndAskRapportForAccounts() throws {
        let cli = CLIHarness()
        let bash = try cli.run("--generate-completion-script", "bash")
        #expect(bash.status == 0)
        #expect(bash.out.contains("'key'$'\\n''core'$'\\n''standard'"), "--tier offers its values")
        #expect(bash.out.contains("---completion show -- positional@0"), "ACCOUNT asks rapport")
        for shell in ["zsh", "fish"] {
            let script = try cli.run("--generate-completion-script", shell)
            #expect(script.status == 0)
            #expect(script.out.contains("at-risk"), "\(shell) offers --status's values")
        }
    }

    /// Sources the bash script in a real bash and presses Tab after `line`.
    func complete(_ line: String, in cli: CLIHarness) throws -> [String] {
        let script = cli.root + "/rapport.bash"
        try cli.run("--generate-completion-script", "bash").out.write(
            toFile: script, atomically: true, encoding: .utf8)
        let driver = """
            source '\(script)'
            COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"; [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMPREPLY=()
            _rapport rapport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let dir = CLIHarness.binary.deletingLastPathComponent().path
        let env = [
            "PATH": dir + ":/usr/bin:/bin", "RAPPORT_STORE": cli.store, "HOME": cli.root
        ]
        let result = try Subprocess("/bin/bash", ["-c", driver], environment: env, input: nil).wait()
        return result.out.split(separator: "\n").map(String.init)
    }

    @Test func accountNamesCompleteInBashEscaped() throws {
        let cli = CLIHarness()
        try cli.run("init")
        for name in ["Northwind Logistics", "Café Müller & Söhne", "Nordic Rail"] {
            try cli.run("account", "add", name)
        }
        #expect(try complete("rapport show Northw", in: cli) == ["Northwind\\ Logistics"])
        #expect(try complete("rapport log Caf", in: cli) == ["Café\\ Müller\\ \\&\\ Söhne"])
        #expect(
            try complete("rapport show No", in: cli).sorted() == ["Nordic\\ Rail", "Northwind\\ Logistics"])
        #expect(
            try complete("rapport accounts --status ", in: cli) == ["active", "at-risk", "lost", "former"])
        // The names typed that way are the accounts.
        #expect(try cli.run("show", "Café Müller & Söhne").status == 0)
        // A fresh clone has no index yet: the names come from the files.
        try FileManager.default.removeItem(atPath: cli.store + "/index")
        #expect(try complete("rapport show Northw", in: cli) == ["Northwind\\ Logistics"])
    }

    @Test func noStoreCompletesNothingAndSaysNothing() throws {
        let cli = CLIHarness()
        #expect(try complete("rapport show ", in: cli) == [])
    }
}
