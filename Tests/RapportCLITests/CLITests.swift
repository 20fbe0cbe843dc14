import Foundation
import RapportCore
import StoreJSONCodec
import Testing

@Suite struct CLITests {
    @Test func demoThenAccountsShowsThePortfolio() throws {
        let cli = CLIHarness()
        let demo = try cli.run("demo")
        #expect(demo.status == 0)
        #expect(demo.out.contains("Created a demo store with 27 accounts"))

        let json = try cli.run("accounts", "--json")
        #expect(json.status == 0)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(rows.count >= 25)
        for key in ["id", "name", "owner", "tier", "status", "season", "lastTouch", "health", "flags"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "every row has \(key)")
        }
        #expect(Set(rows.compactMap { $0["tier"] as? String }) == ["key", "core", "standard"])
        #expect(
            Set(rows.compactMap { $0["season"] as? String }) == [
                "growth", "stagnancy", "tension", "reconnection", "disruption"
            ])
        #expect(Set(rows.compactMap { $0["status"] as? String }) == ["active", "at-risk", "lost", "former"])

        let table = try cli.run("accounts")
        #expect(table.out.hasPrefix("NAME "))
        #expect(table.out.contains("Brightline Energy"))
        #expect(table.out.hasSuffix("27 accounts\n"))
        #expect(try cli.run("check").status == 0)
    }

    @Test func benchPrintsEveryFigureWithItsUnit() throws {
        let result = try CLIHarness().run("bench", "--accounts", "60", "--runs", "1")
        #expect(result.status == 0, "\(result.err)")
        let lines = result.out.split(separator: "\n").map(String.init)
        let size = try #require(lines.first)
        #expect(
            size.hasPrefix("60 accounts (store built in ") && !size.contains(" 0 MB on disk"),
            "a store of 60 accounts takes a megabyte or more")
        let figures = [
            "open to first frame (in process)": "ms", "open to first frame (process start to exit)": "ms",
            "rapport accounts --json process time": "ms", "rapport due --json process time": "ms",
            "filter per keystroke": "ms", "open one account": "ms", "save one touchpoint": "ms",
            "app takes in a save (lists and redraw)": "ms",
            "peak memory (largest of the app and command processes)": "MB"
        ]
        for (figure, unit) in figures {
            let line = try #require(lines.first { $0.hasPrefix("  \(figure): ") }, "\(figure) is printed")
            let value = line.dropFirst(figure.count + 4).split(separator: " ")
            #expect(
                value.count == 2 && Double(value[0]).map { $0 > 0 } == true && value[1] == unit[...],
                "\(line)")
        }
    }

    @Test func anUnknownCommandIsNamedAndTheCommandsListed() throws {
        let result = try CLIHarness().run("frobnicate")
        #expect(result.status != 0)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 2, "\(result.err)")
        #expect(lines.first == "Error: 'frobnicate' is not a rapport command", "\(result.err)")
        let commands = lines.last.map(String.init) ?? ""
        for name in ["open", "demo", "accounts", "show", "log", "due", "check"] {
            #expect(commands.contains(" \(name)"), "\(name) is listed: \(commands)")
        }
        #expect(!result.err.contains("USAGE") && !result.out.contains("USAGE"))
        // A known command, and options before none, still work as they did.
        #expect(try CLIHarness().run("frobnicate", "--help").status != 0)
        #expect(try CLIHarness().run("help").out.contains("USAGE: rapport"))
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try CLIHarness().run("--version")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == Self.version + "\n", "\(result.out)")
    }

    static let version = "0.9.0"

    @Test func demoRefusesToOverwriteAStore() throws {
        let cli = CLIHarness()
        try cli.run("init")
        let again = try cli.run("demo")
        #expect(again.status != 0)
        #expect(
            again.err == "Error: a Rapport store already exists at \(cli.store); refusing to overwrite it\n")
        #expect(try cli.accountFiles().isEmpty)
    }

    @Test func demoHasTheMethodsItPromises() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let json = try cli.run("accounts", "--json").out
        // The flags of each row, as a script reads them.
        struct Row: Decodable { var flags: [WarningFlag] }
        let summaries = try RapportJSON.decode([Row].self, from: Data(json.utf8))
        #expect(summaries.contains { $0.flags.contains(.noSenior) })
        #expect(summaries.contains { !$0.flags.contains(.noSenior) })
        #expect(summaries.contains { $0.flags.contains(.healthFalling) })
        let brightline = try cli.account("brightline")
        #expect(brightline.worksheets.first?.status == .executing)
        #expect(
            brightline.concerns.contains { $0.status == .resolved }
                && brightline.concerns.contains { $0.status.isOpen })
        #expect(brightline.touchpoints.count > 10)
        #expect(try cli.account("northwind").plan?.items.count == 5)
    }

    @Test func logAddsATouchpointWithContactsAndDates() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let result = try cli.run(
            "log", "north", "Call about the rollout", "--kind", "call", "--with", "helena",
            "--on", "yesterday", "--sentiment", "positive", "--follow-up", "friday")
        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.out.hasPrefix(
                "Logged call at Northwind Logistics on 2026-11-21 with Helena Voss; follow up 2026-11-27 ("))
        let account = try cli.account("Northwind")
        let touch = try #require(account.touchpoints.first { $0.summary == "Call about the rollout" })
        #expect(touch.kind == .call && touch.sentiment == .positive)
        #expect(touch.day.iso == "2026-11-21" && touch.followUp?.iso == "2026-11-27")
        #expect(touch.contactIDs == account.contacts.filter { $0.name == "Helena Voss" }.map(\.id))
        #expect(touch.loggedBy == "Maya Lindqvist")
    }

    @Test func badInputExitsWithOneLineAndChangesNothing() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let before = try cli.accountFiles().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let cases: [([String], String)] = [
            (
                ["log", "north", "x", "--kind", "call", "--on", "2026-02-30"],
                "Error: '2026-02-30' is not a real calendar day; expected YYYY-MM-DD, today, tomorrow, yesterday, +3d, +2w, +1m, -3d or a weekday name\n"
            ),
            (
                ["log", "north", "x", "--kind", "chat"],
                "Error: --kind 'chat' is not valid; expected meeting, call, email, report, meal, site-visit or review\n"
            ),
            (
                ["log", "nosuch", "x", "--kind", "call"],
                "Error: no account matches 'nosuch'; give its id or the start of its name\n"
            ),
            (
                ["log", "north", "x", "--kind", "call", "--on", "+2d"],
                "Error: --on 2026-11-24 is in the future; a touchpoint records something that happened (use --follow-up for what is next)\n"
            ),
            (
                ["concern", "north", "x", "--severity", "huge"],
                "Error: --severity 'huge' is not valid; expected low, medium, high or critical\n"
            ),
            (
                ["account", "add", "Acme", "--value", "lots"],
                "Error: 'lots' is not an amount; expected a number such as 1200000, 1.200.000, 1,2M or 350k\n"
            )
        ]
        for (args, message) in cases {
            let result = try cli.run(args)
            #expect(result.status != 0, "\(args)")
            #expect(result.err == message, "\(args)")
        }
        // A contact that is not there lists the ones that are (a few), with their ids.
        let nobody = try cli.run("log", "north", "x", "--kind", "call", "--with", "nobody")
        #expect(nobody.status != 0)
        #expect(
            nobody.err.hasPrefix(
                "Error: no contact at Northwind Logistics matches 'nobody'; there are Helena Voss (con-"),
            "\(nobody.err)")
        let after = try cli.accountFiles().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(before == after)
    }

    @Test func anAmbiguousPrefixListsTheCandidates() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let result = try cli.run("show", "s")
        #expect(result.status != 0)
        #expect(result.err.hasPrefix("Error: 's' matches 3 accounts: "))
        #expect(
            result.err.contains("Solace Hotels Group (acc-") && result.err.contains("Summit Outdoor (acc-"))
    }

    @Test func concernGetsAResponseDateFromItsSeverity() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let result = try cli.run(
            "concern", "vantage", "Invoice sent to the wrong address", "--severity", "high", "--raised-by",
            "carlos")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Recorded high concern at Vantage Telecom; respond by 2026-11-24 ("))
        let account = try cli.account("vantage")
        let concern = try #require(
            account.concerns.first { $0.summary == "Invoice sent to the wrong address" })
        #expect(concern.raisedBy == account.contacts.first { $0.name == "Carlos Mendes" }?.id)
        #expect(concern.status == .open)
    }

    @Test func accountAddCreatesAnAccountAndRefusesADuplicateName() throws {
        let cli = CLIHarness()
        try cli.run("init")
        let added = try cli.run(
            "account", "add", "Acme Corp", "--tier", "key", "--value", "1.2M", "--since", "2020-01-15",
            "--tag", "eu")
        #expect(added.status == 0, "\(added.err)")
        let acme = try cli.account("acme")
        #expect(acme.tier == .key && acme.annualValue == 1_200_000 && acme.owner == "Maya Lindqvist")
        #expect(acme.customerSince?.iso == "2020-01-15" && acme.tags == ["eu"])
        let again = try cli.run("account", "add", "acme corp")
        #expect(again.status != 0)
        #expect(again.err == "Error: an account named 'acme corp' already exists\n")
    }

    @Test func touchpointsLoggedFromParallelProcessesAreAllKept() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let before = try cli.account("north").touchpoints.count
        let processes = try (0..<16).map { i in
            try cli.start(["log", "north", "parallel \(i)", "--kind", "email"])
        }
        for process in processes {
            let result = process.wait()
            #expect(result.status == 0, "\(result.err)")
        }
        let touches = try cli.account("north").touchpoints
        #expect(touches.count == before + 16)
        #expect(Set(touches.map(\.summary)).isSuperset(of: (0..<16).map { "parallel \($0)" }))
    }

    @Test func aCorruptAccountFileIsNamedAndTheRestStillList() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let victim = try cli.accountFiles()[0]
        try Data("{ broken".utf8).write(to: URL(fileURLWithPath: victim))

        let check = try cli.run("check")
        #expect(check.status == 1)
        #expect(check.out.contains("\(victim): not valid JSON"))
        #expect(check.out.hasSuffix("1 problem found in \(cli.store)\n"))

        let list = try cli.run("accounts")
        #expect(list.status == 0)
        #expect(list.out.hasSuffix("26 accounts\n"))
        #expect(list.err == "rapport: \(victim) cannot be read: not valid JSON; it is left out\n")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "{ broken")
    }

    @Test func anInstalledBinaryWorksWithoutItsBuildFolder() throws {
        let cli = CLIHarness()
        let installed = URL(fileURLWithPath: cli.root + "/bin/rapport")
        try FileManager.default.createDirectory(atPath: cli.root + "/bin", withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLIHarness.binary, to: installed)
        let demo = try cli.run("demo", binary: installed)
        #expect(demo.status == 0, "\(demo.err)")
        #expect(try cli.accountFiles().count == 27)
    }
}

/// Days a record cannot have are refused at input, with the option and the reason.
@Suite struct ImpossibleDayTests {
    @Test func aResponseDueBeforeTheConcernAndACustomerSinceTheFutureAreRefused() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let early = try cli.run("concern", "north", "Late invoices", "--respond-by", "2026-11-01")
        #expect(early.status != 0)
        #expect(
            early.err
                == "Error: --respond-by 2026-11-01 is before the day the concern was raised, 2026-11-22\n")
        let future = try cli.run("account", "add", "Zeta", "--since", "2027-01-01")
        #expect(future.status != 0)
        #expect(
            future.err == "Error: --since 2027-01-01 is in the future; say since when they are a customer\n")
    }
}
