import Foundation
import Testing

/// `rapport log` keeps the fields a newer Rapport wrote into the account file (D39).
@Suite struct UnknownFieldsCLITests {
    /// `text` with `inserted` after the first occurrence of `anchor`.
    static func inserting(_ inserted: String, after anchor: String, in text: String) throws -> String {
        let range = try #require(text.range(of: anchor), "\(anchor)")
        return text.replacingCharacters(in: range, with: anchor + inserted)
    }

    @Test func loggingATouchpointKeepsUnknownFieldsByteForByte() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let path = try #require(
            try cli.accountFiles().first {
                (try? String(contentsOfFile: $0, encoding: .utf8))?.contains("Northwind") == true
            })
        let top = "  \"aNewerField\" : \"kept\",\n"
        let account = "    \"aaFuture\" : [\n      1,\n      \"two\"\n    ],\n"
        let contact = "        \"aaPronouns\" : \"she/her\",\n"
        let touchpoint = "        \"aaAttachment\" : {\n          \"name\" : \"notes.pdf\"\n        },\n"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = try Self.inserting(top, after: "{\n", in: text)
        text = try Self.inserting(account, after: "\"account\" : {\n", in: text)
        text = try Self.inserting(contact, after: "\"contacts\" : [\n      {\n", in: text)
        text = try Self.inserting(touchpoint, after: "\"touchpoints\" : [\n      {\n", in: text)
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let result = try cli.run("log", "north", "Call about the rollout", "--kind", "call")
        #expect(result.status == 0, "\(result.err)")
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        #expect(saved.contains("Call about the rollout"))
        #expect(saved.hasPrefix("{\n" + top + "  \"account\" : {\n" + account))
        for kept in [contact, touchpoint] {
            #expect(saved.components(separatedBy: kept).count == 2, "\(kept)")
        }
        #expect(try cli.run("check").status == 0)
        #expect(try cli.account("north").touchpoints.contains { $0.summary == "Call about the rollout" })
    }
}
