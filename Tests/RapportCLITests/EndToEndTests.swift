import Foundation
import RapportCore
import Testing

/// The real binary in a real terminal (tmux).
@Suite(.serialized) struct EndToEndTests {
    func environment(_ cli: CLIHarness, extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "LANG": "C.UTF-8", "TERM": "xterm-256color", "RAPPORT_STORE": cli.store,
            "RAPPORT_TODAY": cli.today, "RAPPORT_OWNER": "Maya Lindqvist", "SWIFT_BACKTRACE": "interactive=no"
        ]
        env.merge(extra) { $1 }
        return env
    }

    /// A demo store and the app running on it in tmux.
    func startDemo(
        width: Int = 100, height: Int = 30, extra: [String: String] = [:], directory: String? = nil
    ) throws -> (CLIHarness, Tmux) {
        let cli = CLIHarness()
        try cli.run("demo")
        return (
            cli,
            try Tmux(
                CLIHarness.binary.path, environment: environment(cli, extra: extra), width: width,
                height: height,
                directory: directory)
        )
    }

    @Test func browseFilterOpenLogAndQuit() throws {
        let (cli, tmux) = try startDemo()
        try tmux.openAccount("north")
        try tmux.keys("l")
        try tmux.waitFor("Log a touchpoint · Northwind Logistics")
        try tmux.type("Called Helena about phase three")
        try tmux.keys("Enter")
        let logged = try tmux.waitFor("Logged call at Northwind Logistics")
        // A plan item due with Helena is offered to count the call as done: not this time.
        if logged.contains("Count this as done for the plan item") { try tmux.keys("n") }
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        #expect(tmux.alternateOn == "0")

        let account = try cli.account("northwind")
        let touch = try #require(
            account.touchpoints.first { $0.summary == "Called Helena about phase three" })
        #expect(touch.kind == .call && touch.day.iso == "2026-11-22")
        #expect(touch.contactIDs == account.contacts.filter { $0.name == "Helena Voss" }.map(\.id))
    }

    @Test func welcomeScreenCreatesTheDemo() throws {
        let cli = CLIHarness()
        let tmux = try Tmux(CLIHarness.binary.path, environment: environment(cli), width: 80, height: 24)
        try tmux.waitFor("There is no store at")
        try tmux.keys("d")
        try tmux.waitFor("Demo portfolio created: 27 accounts")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        #expect(try cli.accountFiles().count == 27)
    }

    @Test func resizingBelowTheMinimumShowsTheTooSmallScreen() throws {
        let (cli, tmux) = try startDemo()
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("Terminal too small")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        #expect(tmux.alternateOn == "0")
        #expect(try cli.run("check").status == 0)
    }

    @Test func aHangupMidEditSavesThePendingTouchpoint() throws {
        let (cli, tmux) = try startDemo()
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.keys("l")
        try tmux.waitFor("Log a touchpoint")
        try tmux.type("Typed when the terminal closed")
        try tmux.waitFor("Typed when the terminal closed")
        try tmux.signalApp("HUP")
        try tmux.waitFor("EXITED")
        #expect(tmux.alternateOn == "0")
        let atlas = try cli.account("atlas")
        #expect(atlas.touchpoints.contains { $0.summary == "Typed when the terminal closed" })
    }

    @Test func aMissingEditorIsAMessageNotACrash() throws {
        let (cli, tmux) = try startDemo(extra: ["EDITOR": "no-such-editor-xyz", "VISUAL": ""])
        try editNewConcernsDetail(tmux)
        try tmux.waitFor("The editor 'no-such-editor-xyz' could not be run")
        try tmux.keys("Escape", "Q")
        try tmux.waitFor("EXITED 0")
        // The cancelled concern was not saved; the store is intact.
        #expect(try cli.run("check").status == 0)
        #expect(try cli.account("atlas").concerns.count == 1)
    }

    /// From the start of the demo app: records a concern titled `summary` on the first
    /// account and opens its detail field in $EDITOR.
    func editNewConcernsDetail(_ tmux: Tmux, summary: String = "") throws {
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.keys("c")
        try tmux.waitFor("Record a concern")
        if !summary.isEmpty { try tmux.type(summary) }
        try tmux.keys("Tab", "Tab", "Tab", "Tab", "C-o")
    }

    /// An executable script standing in for $EDITOR: `body` runs with the file as `$1`.
    func editorScript(_ body: String) throws -> String {
        let editor = NSTemporaryDirectory() + "rapport-editor-\(UUID().uuidString).sh"
        try "#!/bin/sh\n\(body)\n".write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        return editor
    }

    @Test func theEditorsTextFillsTheFieldAndIsSaved() throws {
        // $EDITOR runs on a temporary file; what it leaves there is the field's text.
        let editor = try editorScript("printf 'Written in the editor\\n' > \"$1\"")
        defer { try? FileManager.default.removeItem(atPath: editor) }
        let (cli, tmux) = try startDemo(extra: ["EDITOR": editor, "VISUAL": ""])
        try editNewConcernsDetail(tmux, summary: "Invoices arrive late")
        try tmux.waitFor("Written in the editor")
        try tmux.keys("Enter")
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        let concern = try #require(
            try cli.account("atlas").concerns.first { $0.summary == "Invoices arrive late" })
        #expect(concern.detail == "Written in the editor", "the editor's trailing newline is dropped")
    }

    @Test func theEditorsCopyOfAFieldIsPrivate() throws {
        // Notes on a customer, in a shared temporary directory: readable by this user only.
        let editor = try editorScript("printf 'Mode %s\\n' \"$(stat -c %a \"$1\")\" > \"$1\"")
        defer { try? FileManager.default.removeItem(atPath: editor) }
        let (cli, tmux) = try startDemo(extra: ["EDITOR": editor, "VISUAL": ""])
        try editNewConcernsDetail(tmux)
        try tmux.waitFor("Mode 600")
        try tmux.keys("Escape", "Q")
        try tmux.waitFor("EXITED 0")
        #expect(try cli.run("check").status == 0)
    }

    @Test func aPlanIsExportedIntoTheWorkingDirectory() throws {
        let directory = NSTemporaryDirectory() + "rapport-export-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // wide enough for the whole failure message
        let (cli, tmux) = try startDemo(width: 200, directory: directory)
        try tmux.openAccount("north")
        try tmux.keys("6")
        try tmux.waitFor("Plan")
        try tmux.keys("X")
        let path = directory + "/northwind-logistics-plan.md"
        try tmux.waitFor("Wrote \(path)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Northwind Logistics"))
        // Notes on a customer: readable by this user only, whatever the umask (D41).
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A file that cannot be written (a directory has its name): the message names the
        // file and the reason, and nothing is left behind.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try tmux.keys("X")
        try tmux.waitFor("Could not write \(path): Is a directory")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory) == ["northwind-logistics-plan.md"])
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        #expect(try cli.run("check").status == 0)
    }

    @Test func theDueListMarksTheMostUrgentItemDone() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let before =
            try JSONSerialization.jsonObject(with: Data(try cli.run("due", "--json").out.utf8))
            as? [[String: Any]]
        let first = try #require(before?.first)
        let title = try #require(first["title"] as? String)
        let key = try #require(first["key"] as? String)
        let tmux = try Tmux(CLIHarness.binary.path, environment: environment(cli), width: 100, height: 30)
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.keys("D")
        try tmux.waitFor("Follow-ups")
        try tmux.keys("x")
        try tmux.waitFor("Done · ")
        try tmux.type("Called with the fix date")
        try tmux.keys("Enter")
        try tmux.waitFor("Response recorded")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        let after =
            try JSONSerialization.jsonObject(with: Data(try cli.run("due", "--json").out.utf8))
            as? [[String: Any]]
        #expect(title.hasPrefix("Respond: "))
        #expect(!(after ?? []).contains { $0["key"] as? String == key })
    }

    @Test func aPlanFromThePlaybookIsRunFromTheKeyboard() throws {
        let (cli, tmux) = try startDemo(width: 100, height: 30)
        try tmux.openAccount("atlas")
        try tmux.keys("6")
        try tmux.waitFor("No relationship plan yet")
        try tmux.keys("p")
        try tmux.waitFor("New plan from the playbook")
        try tmux.keys("Enter")
        try tmux.waitFor("Plan started with 5 items")
        try tmux.keys("x")
        try tmux.waitFor("Done · Atlas Manufacturing: Meet their senior leaders")
        try tmux.type("Met the COO about the cloud pilot")
        try tmux.keys("Enter")
        try tmux.waitFor("next due 2027-02-22")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")

        let atlas = try cli.account("atlas")
        let item = try #require(atlas.plan?.items.first)
        #expect(item.completions.map(\.note) == ["Met the COO about the cloud pilot"])
        let due =
            try JSONSerialization.jsonObject(
                with: Data(try cli.run("due", "--json", "--within", "100").out.utf8)) as? [[String: Any]]
        let row = try #require(due?.first { $0["key"] as? String == "\(atlas.id)/plan/\(item.id)" })
        #expect(row["due"] as? String == "2027-02-22")
    }

    @Test func aConcernIsWorkedThroughAllSevenStepsByKeyboard() throws {
        let (cli, tmux) = try startDemo(width: 100, height: 30)
        try tmux.openAccount("atlas")
        try tmux.keys("5")
        try tmux.waitFor("w worksheet")
        try tmux.keys("w")
        try tmux.waitFor("New root-cause worksheet")
        try tmux.keys("Enter")
        try tmux.waitFor("Step 1 · Define")
        let steps: [(keys: [String], text: [String], expect: String)] = [
            (["e", "Down", "Down"], ["What they pay elsewhere"], "Define saved"),
            (["Tab", "a"], ["Price pressure from their CFO"], "Cause saved"),
            (["r"], [], "Likely root cause"),
            (["Tab", "a"], ["Offer a two-year deal"], "Option saved"),
            (["a"], ["Add usage reports at no cost"], "Option saved"),
            (
                ["Tab", "Enter"], ["Locks in revenue", "Lower margin"],
                "Implications of \"Offer a two-year deal\""
            ),
            ([], ["Shows the value", "Some effort"], "Implications of \"Add usage reports"),
            (["Tab", "e", "Down"], ["Keeps the value visible"], "Decided: Offer a two-year deal"),
            (["Tab", "a"], ["Send the usage report", "", "2026-11-30"], "Action saved; due 2026-11-30"),
            (["Tab", "e"], ["2026-12-31"], "Evaluation saved")
        ]
        for step in steps {
            for key in step.keys { try tmux.keys(key) }
            for (i, text) in step.text.enumerated() {
                if i > 0 { try tmux.keys("Tab") }
                if !text.isEmpty { try tmux.type(text) }
            }
            if !step.text.isEmpty { try tmux.keys("Enter") }
            try tmux.waitFor(step.expect)
        }
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")

        let atlas = try cli.account("atlas")
        let worksheet = try #require(atlas.worksheets.first)
        #expect(worksheet.concernID != nil && worksheet.define.dataMissing == "What they pay elsewhere")
        #expect(worksheet.causes.map(\.isLikelyRoot) == [true] && worksheet.options.count == 2)
        #expect(worksheet.options.allSatisfy { !$0.ups.isEmpty && !$0.downs.isEmpty })
        #expect(worksheet.chosenOption?.text == "Offer a two-year deal" && worksheet.status == .executing)
        let due =
            try JSONSerialization.jsonObject(
                with: Data(try cli.run("due", "--json", "--within", "60").out.utf8)) as? [[String: Any]]
        let mine = (due ?? []).filter { ($0["key"] as? String)?.hasPrefix("\(atlas.id)/") == true }
        #expect(
            mine.contains {
                $0["source"] as? String == "worksheet-action"
                    && $0["title"] as? String == "Send the usage report"
                    && $0["due"] as? String == "2026-11-30"
            })
        #expect(
            mine.contains {
                $0["source"] as? String == "worksheet-evaluation" && $0["due"] as? String == "2026-12-31"
            })
        let exported = try cli.run("worksheet", "export", "atlas", "--markdown")
        #expect(exported.status == 0 && exported.out.contains("We chose **Offer a two-year deal**"))
    }

    @Test func aLitmusTestRunInTheAppIsTheNewHealth() throws {
        let (cli, tmux) = try startDemo()
        try tmux.openAccount("north")
        try tmux.keys("8")
        try tmux.waitFor("t litmus")
        try tmux.keys("t")
        try tmux.waitFor("question 1 of 8")
        for answer in ["4", "4", "3", "2", "4", "1", "4"] { try tmux.keys(answer) }
        try tmux.waitFor("question 8 of 8")
        try tmux.keys("c")
        try tmux.type("Not written down yet")
        try tmux.keys("Enter", "0")
        try tmux.waitFor("Enter saves")
        try tmux.keys("Enter")
        try tmux.waitFor("Litmus test saved: score 69")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        let rows =
            try JSONSerialization.jsonObject(with: Data(try cli.run("accounts", "--json").out.utf8))
            as? [[String: Any]]
        let north = try #require(rows?.first { ($0["name"] as? String) == "Northwind Logistics" })
        #expect(north["health"] as? Int == 69)
        let history = try cli.run("litmus", "north").out
        #expect(history.contains("2026-11-22  v1       69") && history.contains("Not written down yet"))
    }
}
