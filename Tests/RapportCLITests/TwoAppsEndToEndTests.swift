import Foundation
import RapportCore
import Testing

/// Two copies of the real app on one store, each in its own terminal (tmux): neither
/// loses the other's edits, and the same field changed in both is asked about.
@Suite(.serialized) struct TwoAppsEndToEndTests {
    /// A demo store and two apps running on it, both on Northwind's Overview.
    func twoApps() throws -> (CLIHarness, Tmux, Tmux) {
        let cli = CLIHarness()
        try cli.run("demo")
        let environment = EndToEndTests().environment(cli)
        let apps = try (0..<2).map { _ in
            try Tmux(CLIHarness.binary.path, environment: environment, width: 100, height: 30)
        }
        for app in apps { try app.openAccount("north") }
        return (cli, apps[0], apps[1])
    }

    /// Opens the facts form and replaces the text of the field `tabs` down with `text`.
    func editFact(_ app: Tmux, tabs: Int, _ text: String) throws {
        try app.keys("e")
        try app.waitFor("Edit Northwind Logistics")
        if tabs > 0 { try app.tmux(["send-keys", "-t", "0"] + Array(repeating: "Tab", count: tabs)) }
        try app.keys("C-u")
        try app.type(text)
        try app.waitFor(text)
    }

    func quit(_ apps: Tmux...) throws {
        for app in apps {
            try app.keys("Q")
            try app.waitFor("EXITED 0")
        }
    }

    @Test func editsOfDifferentFieldsInTwoAppsBothReachTheStore() throws {
        let (cli, first, second) = try twoApps()
        try editFact(first, tabs: 1, "Tom Okafor")
        try editFact(second, tabs: 7, "12M")
        try first.keys("Enter")
        try first.waitFor("Saved Northwind Logistics")
        try second.keys("Enter")
        let screen = try second.waitFor("Saved Northwind Logistics")
        #expect(screen.contains("growth · Tom Okafor"), "the second app shows the first one's change")
        try quit(first, second)
        let account = try cli.account("northwind")
        #expect(account.owner == "Tom Okafor" && account.lifetimeValue == 12_000_000)
    }

    @Test func theSameFieldChangedInTwoAppsIsAskedAboutAndTheChoiceKept() throws {
        let (cli, first, second) = try twoApps()
        try editFact(first, tabs: 1, "Ana Ruiz")
        try editFact(second, tabs: 1, "Lee Chen")
        try first.keys("Enter")
        try first.waitFor("Saved Northwind Logistics")
        try second.keys("Enter")
        try second.waitFor("Changed meanwhile · Northwind Logistics")
        // The title can be on the screen before the rows under it (a frame caught while
        // the terminal is still writing it, on a busy machine): the last row is waited for.
        let screen = try second.waitFor("theirs  Ana Ruiz")
        #expect(screen.contains("mine    Lee Chen") && screen.contains("theirs  Ana Ruiz"))
        #expect(try cli.account("northwind").owner == "Ana Ruiz", "nothing saved before the choice")
        try second.keys("m")
        try second.waitFor("Saved Northwind Logistics: yours kept for Owner")
        try quit(first, second)
        #expect(try cli.account("northwind").owner == "Lee Chen")
    }

    @Test func theAppTakesInWhatACommandChangedInAnotherShell() throws {
        let (cli, app, _) = try twoApps()
        try app.keys("e")
        try app.waitFor("Edit Northwind Logistics")
        try app.type("draft")
        _ = try cli.run("log", "northwind", "Called about the EV transition", "--kind", "call")
        try app.waitFor("Northwind Logistics changed on disk")
        try app.keys("Escape")
        try app.keys("4")
        try app.waitFor("Called about the EV transition")
        _ = try cli.run("account", "add", "Zeta Freight")
        try app.waitFor("Zeta Freight was added on disk")
        try app.keys(":")
        try app.type("account zeta")
        try app.keys("Enter")
        try app.waitFor("Zeta Freight  standard")
    }
}
