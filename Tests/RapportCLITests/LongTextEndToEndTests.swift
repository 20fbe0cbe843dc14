import Foundation
import RapportCore
import Testing

/// A megabyte of text in a form of the real app, in a real terminal: typing into it shows
/// at once, and a hangup in the middle of the edit ends the app with the text saved.
@Suite(.serialized) struct LongTextEndToEndTests {
    /// Northwind's plan form with a megabyte in "What it is", put there by an "editor"
    /// that copies a prepared file.
    func megabyteInThePlanForm() throws -> (CLIHarness, Tmux, String, file: String) {
        let text =
            String(repeating: "We met the new COO; renewal talks go well.\n", count: 23_300) + "THE END"
        let file = NSTemporaryDirectory() + "rapport-long-\(UUID().uuidString).txt"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let (cli, tmux) = try EndToEndTests().startDemo(extra: ["EDITOR": "cp \(file)", "VISUAL": ""])
        try tmux.openAccount("north")
        try tmux.keys("6")
        try tmux.keys("w")
        try tmux.waitFor("The relationship")
        try tmux.keys("C-o")
        try tmux.waitFor("THE END")
        return (cli, tmux, text, file)
    }

    @Test func typingIntoAMegabyteFieldShowsEachKey() throws {
        let (cli, tmux, text, file) = try megabyteInThePlanForm()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try tmux.type(" and typed")
        try tmux.waitFor("THE END and typed")
        try tmux.keys("BSpace", "BSpace", "Left", "Left", "C-a", "C-e")
        try tmux.type("!")
        try tmux.waitFor("THE END and typ!")
        try tmux.keys("Enter")
        try tmux.waitFor("Plan updated")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        let plan = try #require(try cli.account("northwind").plan)
        #expect(plan.currentState == text + " and typ!")
    }

    @Test func aHangupMidEditOfAMegabyteFieldEndsTheAppPromptly() throws {
        let (cli, tmux, text, file) = try megabyteInThePlanForm()
        defer { try? FileManager.default.removeItem(atPath: file) }
        try tmux.type(" then the line dropped")
        try tmux.waitFor("then the line dropped")
        try tmux.signalApp("HUP")
        try tmux.waitFor("EXITED", seconds: 5)
        #expect(tmux.alternateOn == "0")
        #expect(try cli.run("check").status == 0)
        let plan = try #require(try cli.account("northwind").plan)
        #expect(plan.currentState == text + " then the line dropped")
    }

    /// Ctrl-J in a multi-line field is a new line in a real terminal (it was Enter, and saved).
    @Test func ctrlJStartsANewLineInAMultiLineField() throws {
        let (cli, tmux) = try EndToEndTests().startDemo()
        try tmux.openAccount("north")
        try tmux.keys("6")
        try tmux.keys("w")
        try tmux.waitFor("The relationship")
        try tmux.keys("C-e", "C-u")
        try tmux.type("Trusted by procurement")
        try tmux.keys("C-j")
        try tmux.type("Unknown to their leaders")
        try tmux.waitFor("Unknown to their leaders")
        try tmux.keys("Enter")
        try tmux.waitFor("Plan updated")
        try tmux.keys("Q")
        try tmux.waitFor("EXITED 0")
        let plan = try #require(try cli.account("northwind").plan)
        #expect(plan.currentState == "Trusted by procurement\nUnknown to their leaders")
    }
}
