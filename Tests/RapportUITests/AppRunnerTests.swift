import Foundation
import RapportCore
import RapportStore
import TUIKit
import Testing

@testable import RapportUI

/// The runner's real path: effects performed on a store on disk, results fed back.
@Suite struct AppRunnerTests {
    @Test func aTouchpointLoggedInTheAppIsInTheAccountFile() throws {
        var state = Fixture.state()
        let effects = state.press([.char("j"), .char("l")]) + state.type("Went through the roadmap")
        try state.perform(effects + state.press([.enter]))
        let onDisk = try FileStore.open(at: state.storePath).load(Fixture.id("acc-north")).account
        #expect(onDisk.touchpoints.map(\.summary).contains("Went through the roadmap"))
        #expect(state.message?.text == "Logged call at Northwind Logistics")
        #expect(state.account(Fixture.id("acc-north")) == onDisk)
    }

    @Test func anAccountChangedOnDiskSinceItWasShownIsNotDeleted() throws {
        var state = Fixture.state()
        try state.perform([])
        let store = try FileStore.open(at: state.storePath)
        try store.update(Fixture.id("acc-quill")) { $0.market = "Books" }
        try state.perform(state.press([.char("G"), .char("d"), .char("y")]))
        #expect(state.message?.isError == true)
        #expect(state.message?.text.hasPrefix("'Quillon Publishing' was changed by someone else") == true)
        #expect(try store.load(Fixture.id("acc-quill")).account.market == "Books")
        #expect(state.summaries.map(\.name).contains("Quillon Publishing"))
    }

    @Test func anAccountFileThatCannotBeReadIsNamedWithItsReason() throws {
        var state = Fixture.state()
        try state.perform([])
        let path = try FileStore.open(at: state.storePath).path(of: Fixture.id("acc-quill"))
        try Data("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n".utf8).write(to: URL(fileURLWithPath: path))
        try state.perform([.reload])
        #expect(state.message?.isError == true)
        #expect(
            state.message?.text.hasPrefix("Cannot read \(path): git conflict markers at line 1 (a merge")
                == true,
            "\(state.message?.text ?? "")")
        #expect(state.message?.text.hasSuffix("; not shown (rapport check)") == true)
        #expect(!state.summaries.map(\.name).contains("Quillon Publishing"))
    }
}
