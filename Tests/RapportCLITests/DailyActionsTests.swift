import Foundation
import RapportCore
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The daily actions without the app: `contact add`/`edit`, `account edit`, `done` and
/// `snooze`, and text read from standard input as `-`.
@Suite struct DailyActionsTests {
    /// The due list as `due --json` prints it.
    func due(_ cli: CLIHarness, _ args: String...) throws -> [[String: Any]] {
        let result = try cli.run(["due", "--json"] + args)
        let rows = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]]
        return try #require(rows, "\(result.err)")
    }

    func files(_ cli: CLIHarness) throws -> [Data] {
        try cli.accountFiles().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    }

    /// Runs each command, expecting it to fail with a message starting `prefix` and to
    /// change no file.
    func expectRefused(_ cli: CLIHarness, _ cases: [([String], String)]) throws {
        let before = try files(cli)
        for (args, prefix) in cases {
            let result = try cli.run(args)
            #expect(result.status != 0, "\(args)")
            #expect(result.err.hasPrefix("Error: " + prefix), "\(args): \(result.err)")
            #expect(result.err.split(separator: "\n").count == 1, "one line: \(result.err)")
        }
        #expect(try files(cli) == before, "nothing was written")
    }

    @Test func contactAddRecordsEveryFieldGiven() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let added = try cli.run(
            "contact", "add", "north", "Ana Ruiz", "--level", "senior", "--title", "CFO", "--email",
            "ana@northwind.example", "--phone", "+49 40 555", "--channel", "phone", "--keep-in-touch",
            "30:60",
            "--reports", "monthly")
        #expect(added.status == 0, "\(added.err)")
        #expect(
            added.out.hasPrefix("Added Ana Ruiz (senior leader) at Northwind Logistics (con-"), "\(added.out)"
        )
        let ana = try #require(try cli.account("north").contacts.first { $0.name == "Ana Ruiz" })
        #expect(ana.level == .senior && ana.title == "CFO" && ana.email == "ana@northwind.example")
        #expect(ana.phone == "+49 40 555" && ana.channel == .phone && ana.reportFrequency == .monthly)
        #expect(ana.keepInTouch == KeepInTouch(idealDays: 30, maximumDays: 60) && ana.leftOn == nil)
        let plain = try cli.run("contact", "add", "north", "Bo Lind")
        #expect(plain.status == 0, "\(plain.err)")
        let bo = try #require(try cli.account("north").contacts.first { $0.name == "Bo Lind" })
        #expect(bo.level == .other && bo.keepInTouch == nil)
        #expect(try cli.run("check").status == 0)
    }

    @Test func contactCommandsRefuseBadInputAndChangeNothing() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        try expectRefused(
            cli,
            [
                (["contact", "add", "nosuch", "Bo"], "no account matches 'nosuch'; give its id or the start"),
                (["contact", "add", "s", "Bo"], "'s' matches 3 accounts: "),
                (["contact", "add", "north", "  "], "the contact's name is empty"),
                (
                    ["contact", "add", "north", "Bo", "--level", "boss"],
                    "--level 'boss' is not valid; expected main, senior, indirect or other"
                ),
                (
                    ["contact", "add", "north", "Bo", "--keep-in-touch", "30"],
                    "--keep-in-touch '30' is not IDEAL:MAX"
                ),
                (
                    ["contact", "add", "north", "Bo", "--keep-in-touch", "60:30"],
                    "--keep-in-touch the maximum (30 days) must be at least the ideal interval (60)"
                ),
                (
                    ["contact", "edit", "north", "nobody", "--title", "x"],
                    "no contact at Northwind Logistics matches 'nobody'; there are Helena Voss (con-"
                ),
                (["contact", "edit", "north", "helena", "--left-on", "someday"], "'someday' is not"),
                (
                    ["contact", "edit", "north", "helena", "--left-on", "+3d"],
                    "--left-on 2026-11-25 is in the future"
                ),
                (["contact", "edit", "north", "helena"], "nothing to change: name a field"),
                (["contact", "edit", "north", "helena", "--name", ""], "the contact's name is empty")
            ])
    }

    @Test func contactEditChangesOnlyTheFieldsNamed() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let before = try #require(try cli.account("north").contacts.first { $0.name == "Helena Voss" })
        let edited = try cli.run(
            "contact", "edit", "north", "helena", "--left-on", "-3d", "--title", "", "--keep-in-touch", "none"
        )
        #expect(edited.status == 0, "\(edited.err)")
        #expect(edited.out == "Saved Helena Voss at Northwind Logistics (\(before.id))\n", "\(edited.out)")
        var expected = before
        expected.leftOn = Day(iso: "2026-11-19")
        expected.title = ""
        expected.keepInTouch = nil
        #expect(try cli.account("north").contacts.first { $0.id == before.id } == expected)
        let again = try cli.run("contact", "edit", "north", before.id.rawValue, "--title", "")
        #expect(again.out.contains("already has those values; nothing changed"), "\(again.out)")
        #expect(try cli.run("contact", "edit", "north", "helena", "--left-on", "none").status == 0)
        #expect(try cli.account("north").contacts.first { $0.id == before.id }?.leftOn == nil)
    }

    @Test func accountEditChangesEveryFactNamedAndNoOther() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let before = try cli.account("north")
        let edited = try cli.run(
            "account", "edit", "north", "--owner", "Tom Keller", "--tier", "core", "--status", "at-risk",
            "--season", "tension", "--reason", "Price rise", "--value", "1,2M", "--lifetime-value", "12M",
            "--market", "Freight", "--since", "2018-03-01", "--add-tag", "watch", "--remove-tag", "eu",
            "--notes", "Renewal talks in May")
        #expect(edited.status == 0, "\(edited.err)")
        #expect(edited.out == "Saved Northwind Logistics (\(before.id))\n")
        let after = try cli.account("north")
        #expect(after.owner == "Tom Keller" && after.tier == .core && after.status == .atRisk)
        #expect(after.season == .tension && after.seasonHistory.last?.reason == "Price rise")
        #expect(after.annualValue == 1_200_000 && after.lifetimeValue == 12_000_000)
        #expect(after.market == "Freight" && after.customerSince == Day(iso: "2018-03-01"))
        #expect(after.tags == before.tags.filter { $0 != "eu" } + ["watch"])
        #expect(after.notes == "Renewal talks in May")
        #expect(after.contacts == before.contacts && after.touchpoints == before.touchpoints)
        #expect(try cli.run("account", "edit", "north", "--tag", "a", "--tag", "b").status == 0)
        #expect(try cli.account("north").tags == ["a", "b"])
        #expect(
            try cli.run("account", "edit", "north", "--since", "none", "--name", "Northwind Freight").status
                == 0)
        let renamed = try cli.account(before.id.rawValue)
        #expect(renamed.name == "Northwind Freight" && renamed.customerSince == nil)
        #expect(try cli.run("check").status == 0)
    }

    @Test func accountEditRefusesBadInputAndChangesNothing() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        try expectRefused(
            cli,
            [
                (["account", "edit", "nosuch", "--owner", "x"], "no account matches 'nosuch'"),
                (["account", "edit", "s", "--owner", "x"], "'s' matches 3 accounts: "),
                (["account", "edit", "north"], "nothing to change: name a fact"),
                (
                    ["account", "edit", "north", "--season", "tension"],
                    "--season tension needs --reason TEXT: why does the season change to tension?"
                ),
                (["account", "edit", "north", "--reason", "x"], "--reason says why the season changes"),
                (["account", "edit", "north", "--value", "1,200"], "--value '1,200' reads two ways"),
                (["account", "edit", "north", "--value", "lots"], "--value 'lots' is not an amount"),
                (
                    ["account", "edit", "north", "--tier", "gold"],
                    "--tier 'gold' is not valid; expected key, core"
                ),
                (["account", "edit", "north", "--since", "+2d"], "--since 2026-11-24 is in the future"),
                (
                    ["account", "edit", "north", "--since", "2026-02-30"],
                    "'2026-02-30' is not a real calendar day"
                ),
                (
                    ["account", "edit", "north", "--name", "brightline energy"],
                    "--name: an account named 'brightline energy' already exists"
                ),
                (
                    ["account", "edit", "north", "--remove-tag", "apac"],
                    "--remove-tag 'apac' is not a tag of Northwind"
                )
            ])
        let same = try cli.run("account", "edit", "north", "--season", "growth", "--reason", "still")
        #expect(same.out == "Northwind Logistics already has those facts; nothing changed\n", "\(same.err)")
    }

    /// Another process changes the lifetime value after `account edit --owner` has read the
    /// store and while it waits for the lock: the owner is changed, the lifetime value kept.
    @Test func accountEditKeepsAFieldChangedMeanwhileByAnotherProcess() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let north = try cli.account("north")
        let path = cli.store + "/accounts/\(north.id).json"
        let lock = open(cli.store + "/.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        let edit = try cli.start(["account", "edit", "north", "--owner", "Tom Keller"])
        let waiting = Self.poll {
            (try? String(contentsOfFile: "/proc/locks", encoding: .utf8))?.contains(
                "-> FLOCK  ADVISORY  WRITE \(edit.pid) ") == true
        }
        #expect(waiting, "the edit waits for the lock")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = text.replacingOccurrences(
            of: "\"lifetimeValue\" : \(north.lifetimeValue),", with: "\"lifetimeValue\" : 12000000,")
        #expect(changed != text)
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        close(lock)
        let result = edit.wait()
        #expect(result.status == 0, "\(result.err)")
        let after = try cli.account("north")
        #expect(after.owner == "Tom Keller" && after.lifetimeValue == 12_000_000)
    }

    /// Polls `condition` for up to five seconds.
    static func poll(_ condition: () -> Bool) -> Bool {
        for _ in 0..<500 {
            if condition() { return true }
            usleep(10_000)
        }
        return false
    }

    @Test func everyDueItemHasAnIdThatIsItsCalendarUID() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let rows = try due(cli)
        #expect(!rows.isEmpty)
        #expect(
            rows.allSatisfy {
                ($0["id"] as? String).map { !$0.isEmpty } == true
                    && $0["id"] as? String == $0["key"] as? String
            })
        let ics = try cli.run("due", "--ics").out
        for row in rows.prefix(5) {
            let id = try #require(row["id"] as? String)
            #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("UID:\(id)@rapport"))
        }
    }

    @Test func doneRecordsThePlanItemsCompletionAndLogsTheTouch() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let row = try #require(try due(cli).first { $0["source"] as? String == "plan" })
        let id = try #require(row["id"] as? String)
        let accountID = try #require(row["accountID"] as? String)
        let before = try cli.account(accountID)
        let result = try cli.run("done", id, "--note", "Agreed the Q1 agenda")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Done: \(row["title"] as? String ?? "?")"), "\(result.out)")
        let after = try cli.account(accountID)
        let itemID = String(id.split(separator: "/").last!)
        let item = try #require(after.plan?.items.first { $0.id.rawValue == itemID })
        #expect(
            item.completions.last?.day == Day(iso: cli.today)
                && item.completions.last?.note == "Agreed the Q1 agenda")
        #expect(after.touchpoints.count == before.touchpoints.count + 1)
        #expect(after.touchpoints.last?.summary.hasSuffix(": Agreed the Q1 agenda") == true)
        #expect(after.touchpoints.last?.loggedBy == "Maya Lindqvist")
        let moved = try due(cli, "--within", "400").first { $0["id"] as? String == id }
        #expect(moved.map { ($0["due"] as? String ?? "") > cli.today } ?? true, "it moves on from today")
    }

    @Test func doneAsksForWhatTheItemNeedsAndAcceptsTheCalendarUID() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let rows = try due(cli, "--within", "400")
        let concern = try #require(rows.first { $0["source"] as? String == "concern" }?["id"] as? String)
        let plan = try #require(rows.first { $0["source"] as? String == "plan" }?["id"] as? String)
        let account = String(concern.split(separator: "/")[0])
        var cases: [([String], String)] = [
            (["done", "nonsense"], "'nonsense' is not a follow-up id; an id looks like acc-"),
            (["done", "acc-zzzzzzzz/plan/pi-zzzzzzzz"], "no account has the id acc-zzzzzzzz, which"),
            (["done", "\(account)/concern/cn-zzzzzzzz"], "'\(account)/concern/cn-zzzzzzzz' is not due at "),
            (["done", plan, "--value", "82"], "--value is for satisfaction and measure-reading items"),
            (["done", plan, "--on", "+1d"], "--on 2026-11-23 is in the future"),
            (["done", plan, "--value", "lots"], "--value 'lots' is not a number")
        ]
        if let reading = rows.first(where: {
            ["satisfaction", "measure-reading"].contains($0["source"] as? String)
        }) {
            cases.append((["done", reading["id"] as! String], "'\(reading["title"] as! String)' ("))
        }
        if let litmus = rows.first(where: { $0["source"] as? String == "litmus" }) {
            cases.append(
                (
                    ["done", litmus["id"] as! String],
                    "'\(litmus["title"] as! String)' (litmus test) is done by answering"
                ))
        }
        try expectRefused(cli, cases)
        let done = try cli.run("done", concern + "@rapport")
        #expect(done.status == 0, "\(done.err)")
        #expect(done.out.hasPrefix("Response recorded for "), "\(done.out)")
        let again = try cli.run("done", concern)
        #expect(again.status != 0)
        #expect(
            again.err.contains("is not due at ") && again.err.contains("it was done already"), "\(again.err)")
        #expect(again.err.contains("'rapport due --json' gives every item's id"))
    }

    @Test func snoozeDefersTheItemWithItsReason() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let row = try #require(try due(cli).first { $0["band"] as? String == "overdue" })
        let id = try #require(row["id"] as? String)
        try expectRefused(
            cli,
            [
                (["snooze", id, "today", "--reason", "x"], "DATE 2026-11-22 is not after today"),
                (["snooze", id, "someday", "--reason", "x"], "'someday' is not"),
                (["snooze", id, "+1w", "--reason", " "], "--reason is empty; say why it can wait"),
                (
                    ["snooze", "acc-zzzzzzzz/litmus", "+1w", "--reason", "x"],
                    "no account has the id acc-zzzzzzzz"
                )
            ])
        let result = try cli.run("snooze", id, "+1w", "--reason", "They are on holiday")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("Snoozed until 2026-11-29: "), "\(result.out)")
        let moved = try #require(try due(cli).first { $0["id"] as? String == id })
        #expect(moved["snoozedUntil"] as? String == "2026-11-29" && moved["due"] as? String == "2026-11-29")
        let account = try cli.account(try #require(row["accountID"] as? String))
        #expect(account.snoozes.last?.reason == "They are on holiday" && account.snoozes.last?.itemKey == id)
    }

    @Test func textGivenAsDashIsReadFromStandardInput() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let log = try cli.run(
            ["log", "north", "-", "--kind", "call"], input: "Talked through the EV transition\n")
        #expect(log.status == 0, "\(log.err)")
        #expect(try cli.account("north").touchpoints.last?.summary == "Talked through the EV transition")
        let concern = try cli.run(
            ["concern", "north", "Invoices late", "--detail", "-"], input: "Three invoices\nsince August\n")
        #expect(concern.status == 0, "\(concern.err)")
        #expect(try cli.account("north").concerns.last?.detail == "Three invoices\nsince August")
        let notes = try cli.run(["account", "edit", "north", "--notes", "-"], input: "Line one\nLine two\n")
        #expect(notes.status == 0, "\(notes.err)")
        #expect(try cli.account("north").notes == "Line one\nLine two")
        let both = try cli.run(["concern", "north", "-", "--detail", "-"], input: "x")
        #expect(both.status != 0)
        #expect(
            both.err.hasPrefix(
                "Error: SUMMARY and --detail are both '-', but standard input can be read only once"))
        // The loss's text and the notes cannot both come from standard input: the second
        // read found it empty and saved an empty loss text without a word.
        let twice = try cli.run(
            ["account", "edit", "north", "--notes", "-", "--status", "lost", "--loss-text", "-"],
            input: "Price\n")
        #expect(twice.status != 0)
        #expect(
            twice.err.hasPrefix(
                "Error: --notes and --loss-text are both '-', but standard input can be read only once"),
            "\(twice.err)")
        #expect(try cli.account("north").status != .lost)
        let row = try #require(try due(cli).first { $0["source"] as? String == "plan" })
        let id = try #require(row["id"] as? String)
        let accountID = try #require(row["accountID"] as? String)
        #expect(try cli.run(["done", id, "--note", "-"], input: "Went well\n").status == 0)
        #expect(try cli.account(accountID).touchpoints.last?.summary.hasSuffix(": Went well") == true)
        let other = try #require(try due(cli).first { $0["band"] as? String == "overdue" }?["id"] as? String)
        #expect(
            try cli.run(["snooze", other, "+3d", "--reason", "-"], input: "Waiting on legal\n").status == 0)
        let snoozed = try cli.account(String(other.split(separator: "/")[0])).snoozes.last
        #expect(snoozed?.reason == "Waiting on legal")
        let empty = try cli.run(["log", "north", "-", "--kind", "call"], input: "")
        #expect(empty.err == "Error: the summary is empty; say in a line what happened\n")
    }

    @Test func helpListsTheNewCommands() throws {
        let help = try CLIHarness().run("--help").out
        for name in ["contact", "done", "snooze"] {
            #expect(help.contains("\n  \(name) "), "\(name) is listed")
        }
        let account = try CLIHarness().run("account", "--help").out
        #expect(account.contains("edit"), "\(account)")
    }
}

/// `account edit --status lost` records the loss (D48).
@Suite struct LossEditTests {
    @Test func losingAnAccountRecordsTheLossAndShowShowsIt() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let edited = try cli.run(
            "account", "edit", "north", "--status", "lost", "--lost-on", "2026-11-01", "--value-lost", "1.1M",
            "--loss-reason", "price,competitor", "--loss-reason", "champion-left", "--loss-text", "new CFO",
            "--won-by", "Acme Freight")
        #expect(edited.status == 0, "\(edited.err)")
        let show = try cli.run("show", "north")
        #expect(
            show.out.contains(
                "Lost 2026-11-01 · €1,100,000 a year · price, competitor, champion-left (new CFO); won by Acme Freight\n"
            ))
        #expect(try cli.run("account", "edit", "north", "--status", "active").status == 0)
        #expect(try cli.account("north").loss?.wonBy == "Acme Freight", "kept when it comes back")
        #expect(try cli.run("account", "edit", "vantage", "--status", "former").status == 0)
        let former = try cli.account("vantage")
        #expect(former.loss?.lostOn == Day(iso: cli.today) && former.loss?.valueLost == former.annualValue)
    }

    @Test func anAccountAddedAsLostHasItsLossRecord() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Gone Ltd", "--status", "lost", "--value", "50k")
        let loss = try #require(try cli.account("gone").loss)
        #expect(loss.lostOn.iso == cli.today && loss.valueLost == 50_000)
    }

    @Test func badLossInputIsNamedAndChangesNothing() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let bad = try cli.run("account", "edit", "north", "--status", "lost", "--loss-reason", "cost")
        #expect(
            bad.err
                == "Error: --loss-reason 'cost' is not a loss reason; expected price, competitor, champion-left, "
                + "poor-service, budget-cut, merger, no-senior-relationship or other\n")
        let active = try cli.run("account", "edit", "north", "--won-by", "Acme")
        #expect(
            active.err.hasPrefix("Error: Northwind Logistics is active: a loss is recorded with --status"))
        #expect(try cli.account("north").status == .active && cli.account("north").loss == nil)
    }
}
