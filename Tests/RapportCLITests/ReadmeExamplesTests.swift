import Foundation
import Testing

/// The README's commands as written: every command its table names exists and takes every
/// option listed for it, and its literal examples run (issue 19: "the README's examples all
/// run as written").
@Suite struct ReadmeExamplesTests {
    static var readme: String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    /// The `rapport …` of each row of the command table.
    static var synopses: [String] {
        readme.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `rapport ") else { return nil }
            let rest = line.dropFirst(3)
            guard let end = rest.firstIndex(of: "`") else { return nil }
            return String(rest[..<end])
        }
    }

    @Test func everyCommandInTheTableTakesEveryOptionItLists() throws {
        let cli = CLIHarness()
        #expect(Self.synopses.count > 20, "the command table was found")
        for synopsis in Self.synopses where !synopsis.hasPrefix("rapport` /") {
            let words = synopsis.split(separator: " ").dropFirst()
            // The command: the lower-case words before the first argument or option.
            let command = words.prefix {
                $0.first?.isLowercase == true && !$0.contains("[") && !$0.contains("(")
            }
            // The binary's own options (`--generate-completion-script`) are ArgumentParser's, not in help.
            guard !command.isEmpty else { continue }
            let help = try cli.run(command.map(String.init) + ["--help"])
            #expect(help.status == 0, "rapport \(command.joined(separator: " ")) --help: \(help.err)")
            let options = synopsis.matches(of: /--(\[no-\])?([a-z][a-z-]*)/).flatMap { match -> [String] in
                let name = String(match.output.2)
                return match.output.1 == nil ? ["--" + name] : ["--" + name, "--no-" + name]
            }
            for option in Set(options) {
                #expect(
                    help.out.contains(option),
                    "the README lists \(option) for '\(command.joined(separator: " "))', which does not take it"
                )
            }
        }
    }

    @Test func theLiteralExamplesRun() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        // Examples written out in full: no placeholders, no files or remotes of the reader's own,
        // and not a command's bare name (`rapport show` named in a sentence).
        let names = Set(
            Self.synopses.map {
                $0.split(separator: " ").prefix { $0.first?.isLowercase == true }.joined(separator: " ")
            })
        let examples = Set(Self.readme.matches(of: /`(rapport [^`]+)`/).map { String($0.output.1) })
            .filter { example in
                example.split(separator: " ").count > 1
                    && !example.contains(where: { $0.isUppercase || "[]()|…<>~/.".contains($0) })
                    && !names.contains(example)
                    && !["rapport open", "rapport demo", "rapport frobnicate", "rapport bench"].contains {
                        example.hasPrefix($0)
                    }
            }
        #expect(examples.count >= 4, "found \(examples.sorted())")
        for example in examples.sorted() {
            let result = try cli.run(example.split(separator: " ").dropFirst().map(String.init))
            #expect(result.status == 0, "\(example): \(result.err)")
        }
        let unknown = try cli.run("frobnicate")
        #expect(unknown.status != 0 && unknown.err.contains("frobnicate"))
    }
}
