import Foundation
import RapportCore
import Testing

/// `rapport due` on the demo store, day pinned to 2026-11-22.
@Suite struct DueCommandTests {
    func demo() throws -> CLIHarness {
        let cli = CLIHarness()
        try cli.run("demo")
        return cli
    }

    func json(_ cli: CLIHarness, _ args: String...) throws -> [[String: Any]] {
        let result = try cli.run(["due", "--json"] + args)
        #expect(result.status == 0, "\(result.err)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    }

    @Test func theDemoHasItemsFromEverySourceInUrgencyOrder() throws {
        let cli = try demo()
        let rows = try json(cli, "--within", "400")
        for key in ["account", "title", "source", "due", "daysOverdue", "urgency", "owner", "key", "why"] {
            #expect(rows.allSatisfy { $0.keys.contains(key) }, "every item has \(key)")
        }
        // Every source but merge conflicts, which only a git merge makes (TeamSyncTests).
        let sources = DueSource.allCases.filter { $0 != .mergeConflict }
        #expect(Set(rows.compactMap { $0["source"] as? String }) == Set(sources.map(\.rawValue)))
        let urgencies = rows.compactMap { $0["urgency"] as? Int }
        #expect(urgencies == urgencies.sorted(by: >))
        #expect(Set(rows.compactMap { $0["key"] as? String }).count == rows.count, "keys are unique")
        // The most urgent items are unanswered concerns of valuable accounts.
        #expect(rows.prefix(3).allSatisfy { $0["source"] as? String == "concern" })
    }

    @Test func jsonCarriesAnyTextExactly() throws {
        let cli = try demo()
        let summary = "Said \"maybe\"\ton C:\\quotes\u{1}\nnext line — 経営"
        let logged = try cli.run("log", "Northwind", summary, "--kind", "call", "--follow-up", "2026-11-20")
        #expect(logged.status == 0, "\(logged.err)")
        let item = try #require(try json(cli).first { ($0["title"] as? String)?.hasSuffix("経営") == true })
        #expect(item["title"] as? String == "Follow up: " + summary)
        #expect(
            item["daysOverdue"] as? Int == 2 && item["band"] as? String == "overdue"
                && item["due"] as? String == "2026-11-20")
        #expect((item["key"] as? String)?.hasPrefix("acc-") == true && item["snoozedUntil"] is NSNull)
    }

    @Test func aLargeListIsWrittenInUrgencyOrderWithEachItemWhole() throws {
        // Thousands of items: rendered a thousand at a time on every core into a few
        // buffers that take turns, written in order.
        let cli = CLIHarness()
        #expect(try cli.run("demo", "--accounts", "600", "--seed", "3").status == 0)
        let rows = try json(cli, "--within", "1000")
        #expect(rows.count > 5 * 1024, "more chunks than buffers: each buffer is written from more than once")
        let text = try cli.run("due", "--within", "1000").out
        #expect(
            text.hasSuffix(
                "\(rows.count) items, \(rows.filter { $0["band"] as? String == "overdue" }.count) overdue\n"))
        let order = rows.map {
            (
                urgency: $0["urgency"] as? Int ?? 0, due: $0["due"] as? String ?? "",
                name: ($0["account"] as? String ?? "").lowercased()
            )
        }
        #expect(
            zip(order, order.dropFirst()).allSatisfy { a, b in
                a.urgency != b.urgency
                    ? a.urgency > b.urgency : a.due != b.due ? a.due < b.due : a.name <= b.name
            })
        #expect(
            rows.allSatisfy { row in
                (row["key"] as? String)?.hasPrefix((row["accountID"] as? String ?? "?") + "/") == true
            })
    }

    @Test func todayIsTheDayWhereTheMachineIs() throws {
        // Unpinned, the day comes from the clock and the time zone (TZ): twenty-six hours
        // apart, the same item is overdue by more days in the east.
        let cli = try demo()
        func overdue(_ zone: String) throws -> [String: Int] {
            cli.environment = ["RAPPORT_TODAY": "", "TZ": zone]
            return Dictionary(
                uniqueKeysWithValues: try json(cli).compactMap { row in
                    (row["key"] as? String).flatMap { key in (row["daysOverdue"] as? Int).map { (key, $0) } }
                })
        }
        let west = try overdue("WEST+12")
        let east = try overdue("EAST-14")
        let key = try #require(west.first { $0.value > 0 }?.key)
        #expect(try #require(east[key]) - west[key]! >= 1)
    }

    @Test func jsonThatCannotBeWrittenIsAnErrorNotASilentSuccess() throws {
        let cli = try demo()
        for command in ["due", "accounts"] {
            // /dev/full refuses every write with "No space left on device".
            let full = try cli.run(
                ["-c", "\"$0\" \(command) --json > /dev/full", CLIHarness.binary.path],
                binary: URL(fileURLWithPath: "/bin/sh"))
            #expect(full.status == 1, "\(command)")
            #expect(
                full.err.contains("cannot write the output (No space left on device); it is incomplete"),
                "\(full.err)")
        }
        // The same for every other output, printed or written whole.
        for command in ["due", "due --ics", "accounts", "show atlas --json", "litmus questions --json"] {
            let full = try cli.run(
                ["-c", "\"$0\" \(command) > /dev/full", CLIHarness.binary.path],
                binary: URL(fileURLWithPath: "/bin/sh"))
            #expect(full.status == 1, "\(command)")
            #expect(
                full.err.contains(
                    "Error: cannot write the output (No space left on device); it is incomplete"),
                "\(command): \(full.err)")
        }
    }

    @Test func withinAndOwnerNarrowTheList() throws {
        let cli = try demo()
        let week = try json(cli, "--within", "7")
        #expect(week.allSatisfy { ($0["band"] as? String) != "later" })
        let mine = try json(cli, "--owner", "me")
        #expect(!mine.isEmpty && mine.allSatisfy { $0["owner"] as? String == "Maya Lindqvist" })
        let tom = try json(cli, "--owner", "tom okafor")
        #expect(!tom.isEmpty && tom.allSatisfy { $0["owner"] as? String == "Tom Okafor" })
    }

    @Test func textIsGroupedLikeTheScreen() throws {
        let cli = try demo()
        let text = try cli.run("due", "--within", "7", "--explain").out
        let overdue = try #require(text.range(of: "Overdue ("))
        let today = try #require(text.range(of: "\nToday ("))
        let week = try #require(text.range(of: "\nThis week ("))
        #expect(overdue.lowerBound < today.lowerBound && today.lowerBound < week.lowerBound)
        #expect(text.contains("      urgency "))
        #expect(text.hasSuffix("overdue\n"))
    }

    @Test func icsIsACalendarWithOneEventPerItem() throws {
        let cli = try demo()
        let rows = try json(cli)
        let ics = try cli.run("due", "--ics").out
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n") && ics.hasSuffix("END:VCALENDAR\r\n"))
        #expect(ics.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == rows.count)
        #expect(ics.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(try cli.run("due", "--ics").out == ics, "the same store gives the same calendar")
    }

    @Test func badOptionsSayWhatIsWrong() throws {
        let cli = try demo()
        let both = try cli.run("due", "--json", "--ics")
        #expect(both.status != 0 && both.err.contains("choose one of --json and --ics"))
        let negative = try cli.run("due", "--within=-3")
        #expect(negative.status != 0 && negative.err.contains("--within must be 0 or more days"))
    }

    @Test func aNegativeWithinAfterASpaceReachesTheCheck() throws {
        let cli = try demo()
        let negative = try cli.run("due", "--within", "-5")
        #expect(negative.status != 0, "\(negative.out)")
        #expect(negative.err.contains("--within must be 0 or more days, not -5"), "\(negative.err)")
        #expect(!negative.err.contains("Missing value"))
    }

    @Test func textColumnsLineUpAcrossBands() throws {
        let cli = try demo()
        let text = try cli.run("due", "--within", "30").out
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let headers = lines.filter { $0.hasPrefix("  DUE ") }
        #expect(
            Set(["Overdue (", "Today (", "This week (", "Later ("].filter { text.contains($0) }).count >= 3)
        #expect(
            headers.count >= 3 && Set(headers).count == 1, "one header, so one width per column: \(headers)")
        // Every row's account starts under ACCOUNT.
        let header = try #require(headers.first)
        let column = header.distance(
            from: header.startIndex, to: try #require(header.range(of: "ACCOUNT")).lowerBound)
        let rows = lines.filter { $0.hasPrefix("  2") }
        #expect(!rows.isEmpty)
        for row in rows {
            let before = row.prefix(column)
            #expect(before.hasSuffix("  ") && row.dropFirst(column).first != " ", "\(row)")
        }
    }

    @Test func jsonCarriesAnyTextIntact() throws {
        let cli = CLIHarness()
        try cli.run("init")
        let name = "Müller \"Quote\" \\ Söhne\ttab 経営"
        #expect(try cli.run("account", "add", name).status == 0)
        let rows =
            try JSONSerialization.jsonObject(with: Data(try cli.run("accounts", "--json").out.utf8))
            as? [[String: Any]]
        #expect(rows?.first?["name"] as? String == name)
        let due = try json(cli)
        #expect(due.allSatisfy { $0["account"] as? String == name })
    }

    /// The text table counts characters, not bytes: names and owners with accents, and a
    /// tab made visible, keep every column in line (the table is written as bytes).
    @Test func theTextTableLinesUpAccentsAndVisibleControls() throws {
        let cli = CLIHarness()
        try cli.run("init")
        try cli.run("account", "add", "Café Zürich")
        try cli.run("account", "add", "Acme", "--owner", "Jörg Öst")
        try cli.run("log", "café", "Pricing call\twith tabs", "--kind", "call", "--follow-up", "2026-11-24")
        try cli.run(
            "log", "acme", "Sent the deck", "--kind", "email", "--on", "2026-11-01", "--follow-up",
            "2026-11-20")
        let expected = """
            Overdue (1)
              DUE         WHEN     ACCOUNT      WHAT                               SOURCE        OWNER
              2026-11-20  2d over  Acme         Follow up: Sent the deck           follow-up     Maya Lindqvist

            Today (4)
              DUE         WHEN     ACCOUNT      WHAT                               SOURCE        OWNER
              2026-11-22  today    Acme         Run the litmus test                litmus test   Jörg Öst
              2026-11-22  today    Café Zürich  Run the litmus test                litmus test   Maya Lindqvist
              2026-11-22  today    Acme         Measure customer satisfaction      satisfaction  Jörg Öst
              2026-11-22  today    Café Zürich  Measure customer satisfaction      satisfaction  Maya Lindqvist

            This week (1)
              DUE         WHEN     ACCOUNT      WHAT                               SOURCE        OWNER
              2026-11-24  in 2d    Café Zürich  Follow up: Pricing call␉with tabs  follow-up     Maya Lindqvist

            6 items, 1 overdue

            """
        #expect(try cli.run("due", "--within", "3").out == expected)
    }
}

/// `rapport due` when nothing is due: every output is a well-formed empty list.
@Suite struct NothingDueTests {
    @Test func anEmptyStoreHasAnEmptyList() throws {
        let cli = CLIHarness()
        try cli.run("init")
        let json = try cli.run("due", "--json")
        #expect(json.status == 0, "\(json.err)")
        #expect(json.out == "[]\n")
        let within = try cli.run("due", "--json", "--within", "0")
        #expect(within.status == 0 && within.out == "[]\n", "\(within.err)")
        #expect(try cli.run("due").out == "Nothing due. Well done.\n")
        let ics = try cli.run("due", "--ics")
        #expect(
            ics.status == 0 && !ics.out.contains("BEGIN:VEVENT") && ics.out.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func anOwnerWithNothingHasAnEmptyList() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let json = try cli.run("due", "--json", "--owner", "nobody")
        #expect(json.status == 0, "\(json.err)")
        #expect(json.out == "[]\n")
        #expect(try cli.run("due", "--owner", "nobody", "--explain").out == "Nothing due. Well done.\n")
    }

    @Test func anOwnerNobodyIsCalledSaysSoAndNamesTheOwners() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let text = try cli.run("due", "--owner", "nobody")
        #expect(text.status == 0 && text.out == "Nothing due. Well done.\n", "\(text.err)")
        let note = "no follow-up has an owner called 'nobody'; the owners are "
        #expect(text.err.hasPrefix(note), "\(text.err)")
        #expect(text.err.contains("Maya Lindqvist") && text.err.contains("Tom Okafor"), "\(text.err)")
        #expect(text.err.split(separator: "\n").count == 1)
        let json = try cli.run("due", "--json", "--owner", "nobody")
        #expect(json.status == 0 && json.out == "[]\n" && json.err == text.err)
        let ics = try cli.run("due", "--ics", "--owner", "nobody")
        #expect(ics.status == 0 && !ics.out.contains("BEGIN:VEVENT") && ics.err == text.err)
        // An owner with items, none within the window, has nothing due: no note.
        let later = try cli.run("due", "--owner", "me", "--within", "0")
        #expect(later.status == 0 && !later.err.contains("no follow-up has an owner"), "\(later.err)")
    }

    @Test func ownerMeWithoutANameSaysWhatToSet() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        cli.environment = ["RAPPORT_OWNER": "", "USER": ""]
        let result = try cli.run("due", "--owner", "me")
        #expect(result.status == 1)
        #expect(
            result.err
                == "Error: --owner me needs your name: set RAPPORT_OWNER (or USER), or give the owner's name\n"
        )
    }
}

/// `rapport accounts` filters and sorts as the app's accounts table does.
@Suite struct AccountsTriageCLITests {
    @Test func filtersAndSortsLikeTheApp() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let all = try cli.run("accounts", "--json")
        let keyNoSenior = try cli.run("accounts", "--json", "--flag", "no-senior", "--tier", "key")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(keyNoSenior.out.utf8)) as? [[String: Any]])
        let everyone = try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [Any] ?? []
        #expect(!rows.isEmpty && rows.count < everyone.count)
        #expect(
            rows.allSatisfy {
                ($0["tier"] as? String) == "key" && ($0["flags"] as? [String] ?? []).contains("no-senior")
            })
        let reversed = try cli.run("accounts", "--json", "--sort", "value", "--reverse")
        let values =
            (try JSONSerialization.jsonObject(with: Data(reversed.out.utf8)) as? [[String: Any]] ?? [])
            .map { $0["annualValue"] as? Int ?? -1 }
        #expect(values.count == 27 && values == values.sorted(), "smallest value first")
        let bad = try cli.run("accounts", "--health", "sideways")
        #expect(bad.status != 0)
        #expect(
            bad.err
                == "Error: health 'sideways' is not valid; expected falling, rising or below:N (N 1–100)\n")
        let badFlag = try cli.run("accounts", "--flag", "sad")
        #expect(badFlag.err.hasPrefix("Error: --flag 'sad' is not valid; expected late-reply"))
    }
}
