import Foundation
import RapportCore
import StoreJSONCodec
import Testing

/// `--json` on `rapport litmus ACCOUNT` and `rapport check`: what the text shows, for
/// scripts, and the same exit status.
@Suite struct JSONOutputTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func litmusHistoryAsJSON() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let accounts = try #require(
            try JSONSerialization.jsonObject(with: Data(try cli.run("accounts", "--json").out.utf8))
                as? [[String: Any]])
        let tested = try accounts.compactMap { $0["id"] as? String }.map { try cli.account($0) }
            .first { $0.litmusHistory.count >= 2 }
        let account = try #require(tested, "the demo has an account with two litmus checks")
        let result = try cli.run("litmus", account.id.rawValue, "--json")
        #expect(result.status == 0)
        let json = try object(result.out)
        #expect(json["account"] as? String == account.name)
        let history = try #require(json["history"] as? [[String: Any]])
        let checks = account.litmusSegments.flatMap(\.checks)
        #expect(history.map { $0["day"] as? String } == checks.map(\.day.iso))
        #expect(history.map { $0["score"] as? Int } == checks.map(\.score))
        #expect(history.first?["change"] == nil, "the first check has nothing to change from")
        #expect(
            history[1]["change"] as? Int == checks[1].score - checks[0].score
                || checks[1].version != checks[0].version)
        let answers = try #require(history.last?["answers"] as? [[String: Any]])
        #expect(answers.count == checks.last?.answers.count)
        #expect(answers.allSatisfy { ($0["question"] as? String)?.isEmpty == false })
        #expect(
            answers.allSatisfy {
                ["No", "Rarely", "Partly", "Mostly", "Yes"].contains($0["answer"] as? String ?? "")
            })
    }

    @Test func litmusWithoutChecksIsAnEmptyHistory() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Zeta Freight")
        let json = try object(try cli.run("litmus", "zeta", "--json").out)
        #expect((json["history"] as? [Any])?.isEmpty == true)
    }

    @Test func checkAsJSONNamesProblemsAndConflictsWithTheSameExitStatus() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Atlas Freight")
        try cli.run("account", "add", "Borealis")
        let sound = try cli.run("check", "--json")
        #expect(sound.status == 0)
        let clean = try object(sound.out)
        #expect(clean["sound"] as? Bool == true)
        #expect(clean["accounts"] as? Int == 2)
        #expect((clean["problems"] as? [Any])?.isEmpty == true)

        // A conflict a merge left on Atlas, and a broken Borealis.
        let files = try cli.accountFiles()
        let atlasFile = try #require(
            try files.first { try String(contentsOfFile: $0, encoding: .utf8).contains("Atlas Freight") })
        let url = URL(fileURLWithPath: atlasFile)
        var document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var atlas = try #require(document["account"] as? [String: Any])
        let conflict = MergeConflict(
            field: "Market", path: ["market"], kept: "\"Rail\"", keptFrom: "Maya", other: "\"Road\"",
            otherFrom: "Olu", foundOn: Day(iso: "2026-11-20")!)
        atlas["mergeConflicts"] = [try JSONSerialization.jsonObject(with: try RapportJSON.encode(conflict))]
        document["account"] = atlas
        try JSONSerialization.data(withJSONObject: document).write(to: url)
        let broken = try #require(files.first { $0 != atlasFile })
        try Data("{ broken".utf8).write(to: URL(fileURLWithPath: broken))

        let result = try cli.run("check", "--json")
        #expect(result.status == 1)
        let json = try object(result.out)
        #expect(json["sound"] as? Bool == false)
        let problems = try #require(json["problems"] as? [[String: String]])
        #expect(problems.count == 1)
        #expect(problems.first?["path"] == broken)
        #expect(problems.first?["reason"]?.contains("not valid JSON") == true)
        let conflicts = try #require(json["mergeConflicts"] as? [[String: String]])
        #expect(conflicts.map { $0["account"] } == ["Atlas Freight"])
        #expect(conflicts.first?["summary"]?.contains("Market") == true)
    }

    /// Tags and contact names are written from the index's escaped bytes: a backslash, a
    /// tab, a quote and text outside ASCII come out as the text that was given.
    @Test func tagsAndContactNamesAsJSONAreTheTextGiven() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run(
            "account", "add", "Atlas Freight", "--tag", "a\\b", "--tag", "tab\there", "--tag", "Zürich")
        try cli.run("contact", "add", "atlas", "Ana \"Nan\" Ruiz")
        try cli.run("contact", "add", "atlas", "Bo Lind")
        let accounts = try #require(
            try JSONSerialization.jsonObject(with: Data(try cli.run("accounts", "--json").out.utf8))
                as? [[String: Any]])
        #expect(accounts.first?["tags"] as? [String] == ["a\\b", "tab\there", "Zürich"])
        #expect(accounts.first?["contactNames"] as? [String] == ["Ana \"Nan\" Ruiz", "Bo Lind"])
    }
}
