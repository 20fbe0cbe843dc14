import Foundation
import Testing
import RapportCore

/// The real binary in a real terminal (tmux).
@Suite(.serialized) struct EndToEndTests {
    func environment(_ cli: CLIHarness, extra: [String: String] = [:]) -> [String: String] {
        var env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "RAPPORT_STORE": cli.store,
                   "RAPPORT_TODAY": cli.today, "RAPPORT_OWNER": "Maya Lindqvist", "SWIFT_BACKTRACE": "interactive=no"]
        env.merge(extra) { $1 }
        return env
    }

    @Test func browseFilterOpenLogAndQuit() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let tmux = try Tmux(CLIHarness.binary.path, environment: environment(cli))
        try tmux.openAccount("north")
        try tmux.keys("l")
        try tmux.waitFor("Log a touchpoint · Northwind Logistics")
        try tmux.type("Called Helena about phase three")
        try tmux.keys("Enter")
        try tmux.waitFor("Logged call at Northwind Logistics")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        #expect(tmux.alternateOn == "0")

        let account = try cli.account("northwind")
        let touch = try #require(account.touchpoints.first { $0.summary == "Called Helena about phase three" })
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
        let cli = CLIHarness()
        try cli.run("demo")
        let tmux = try Tmux(CLIHarness.binary.path, environment: environment(cli))
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor("Terminal too small")
        try tmux.resize(width: 100, height: 30)
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        #expect(tmux.alternateOn == "0")
    }

    @Test func aHangupMidEditSavesThePendingTouchpoint() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let tmux = try Tmux(CLIHarness.binary.path, environment: environment(cli))
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
        let cli = CLIHarness()
        try cli.run("demo")
        let tmux = try Tmux(CLIHarness.binary.path, environment: environment(cli, extra: ["EDITOR": "no-such-editor-xyz", "VISUAL": ""]))
        try tmux.waitFor("Accounts  27 of 27")
        try tmux.keys("c")
        try tmux.waitFor("Record a concern")
        try tmux.keys("Tab", "Tab", "Tab", "Tab", "C-o")
        try tmux.waitFor("The editor 'no-such-editor-xyz' could not be run")
        try tmux.keys("Escape", "Q")
        try tmux.waitFor("EXITED 0")
    }

    @Test func theDueListMarksTheMostUrgentItemDone() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let before = try JSONSerialization.jsonObject(with: Data(try cli.run("due", "--json").out.utf8)) as? [[String: Any]]
        let first = try #require(before?.first)
        let title = try #require(first["title"] as? String), key = try #require(first["key"] as? String)
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
        let after = try JSONSerialization.jsonObject(with: Data(try cli.run("due", "--json").out.utf8)) as? [[String: Any]]
        #expect(title.hasPrefix("Respond: "))
        #expect(!(after ?? []).contains { $0["key"] as? String == key })
    }

    @Test func aPlanFromThePlaybookIsRunFromTheKeyboard() throws {
        let cli = CLIHarness()
        try cli.run("demo")
        let tmux = try Tmux(CLIHarness.binary.path, environment: environment(cli), width: 100, height: 30)
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
        let due = try JSONSerialization.jsonObject(with: Data(try cli.run("due", "--json", "--within", "100").out.utf8)) as? [[String: Any]]
        let row = try #require(due?.first { $0["key"] as? String == "\(atlas.id)/plan/\(item.id)" })
        #expect(row["due"] as? String == "2027-02-22")
    }
}

