import Foundation
import RapportCore
import StoreJSONCodec
import Testing

/// Text from the store cannot steer the terminal through the command line's output:
/// control characters and bidirectional overrides are shown, not sent. `--json` keeps
/// the text exactly (escaped).
@Suite struct TerminalEscapeTests {
    static let evil = "Evil\u{1B}]0;pwned\u{07}"
    static let clear = "Clear\u{1B}[2J\u{9B}31m\u{7F} \u{202E}desrever\u{2069}"

    /// Whether `text` holds a character a terminal acts on (tab and line feed apart).
    func steers(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
        }
    }

    func store() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.run("init")
        let added = try cli.run("account", "add", Self.evil, "--owner", Self.clear, "--tag", Self.clear)
        #expect(added.status == 0 && added.out.hasPrefix("Added Evil␛]0;pwned␇ (acc-"), "\(added.out)")
        let logged = try cli.run(
            "log", "evil", Self.clear, "--kind", "call", "--on", "-3d", "--follow-up", "2026-11-20")
        #expect(logged.status == 0 && !steers(logged.out), "\(logged.err)")
        try cli.run("concern", "evil", "Line one\nline two\u{1B}[1A")
        return cli
    }

    @Test func everyHumanOutputShowsControlsInsteadOfSendingThem() throws {
        let cli = try store()
        for args in [
            ["accounts"], ["show", "evil"], ["due"], ["due", "--explain"], ["due", "--ics"],
            ["litmus", "evil"]
        ] {
            let result = try cli.run(args)
            #expect(result.status == 0, "\(args): \(result.err)")
            // iCalendar's lines end in CR LF.
            let out =
                args.contains("--ics") ? result.out.replacingOccurrences(of: "\r\n", with: "\n") : result.out
            #expect(!steers(out) && !steers(result.err), "\(args): \(result.out.debugDescription)")
        }
        let accounts = try cli.run("accounts").out
        #expect(
            accounts.contains("Evil␛]0;pwned␇") && accounts.contains("Clear␛[2J<U+009B>31m␡ <U+202E>desrever")
        )
        let show = try cli.run("show", "evil").out
        #expect(show.contains("Line one\nline two␛[1A"), "a note keeps its lines: \(show)")
        #expect(try cli.run("due").out.contains("Follow up: Clear␛[2J<U+009B>31m␡"))
    }

    @Test func jsonKeepsTheTextExactly() throws {
        let cli = try store()
        let account = try cli.account("evil")
        #expect(account.name == Self.evil && account.owner == Self.clear && account.tags == [Self.clear])
        let rows = try JSONSerialization.jsonObject(with: Data(try cli.run("accounts", "--json").out.utf8))
        #expect((rows as? [[String: Any]])?.first?["name"] as? String == Self.evil)
    }

    @Test func messagesOnStandardErrorShowControlsToo() throws {
        let cli = try store()
        try cli.run("account", "add", Self.evil + " two")
        let ambiguous = try cli.run("show", "evil")
        #expect(ambiguous.status != 0 && ambiguous.err.contains("Evil␛]0;pwned␇ two"), "\(ambiguous.err)")
        #expect(!steers(ambiguous.err))
        let typed = try cli.run("show", "no\u{1B}[2Jsuch")
        #expect(typed.err.hasPrefix("Error: no account matches 'no␛[2Jsuch'; "), "\(typed.err)")
        #expect(!steers(typed.err), "nor do the names it lists")
        // A file whose text is quoted in the reason it cannot be read.
        let victim = try #require(try cli.accountFiles().first)
        let text = try String(contentsOfFile: victim, encoding: .utf8)
        try text.replacingOccurrences(
            of: "\"createdOn\" : \"2026-11-22\"", with: "\"createdOn\" : \"\\u001b[2J\""
        )
        .write(toFile: victim, atomically: true, encoding: .utf8)
        let check = try cli.run("check")
        #expect(check.status == 1 && check.out.contains("'␛[2J' is not a calendar day"), "\(check.out)")
        let listed = try cli.run("accounts")
        #expect(!steers(check.out) && !steers(listed.err) && listed.err.contains("'␛[2J'"), "\(listed.err)")
    }
}
