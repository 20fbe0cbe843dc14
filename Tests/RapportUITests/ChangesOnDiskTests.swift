import RapportCore
import RapportStore
import TUIKit
import Testing

@testable import RapportUI

/// The running app takes in what another process changed in the store.
@Suite struct ChangesOnDiskTests {
    /// A runner over the fixture's accounts in a store on disk, as the terminal loop drives it.
    func running() throws -> (AppRunner, FileStore) {
        var state = Fixture.state()
        let store = try Fixture.store(for: &state)
        return (AppRunner(state: state, appStore: store, host: ScriptedHost()), store)
    }

    func press(_ runner: AppRunner, _ keys: [Key]) {
        for key in keys { runner.dispatch(.key(key)) }
    }

    @Test func anAccountAddedElsewhereIsListedAndFoundByName() throws {
        let (runner, store) = try running()
        _ = try store.create(Account(name: "Zeta Freight", owner: "Maya Lindqvist", createdOn: Fixture.today))
        #expect(runner.noticeChangesOnDisk())
        #expect(runner.state.message == Message("Zeta Freight was added on disk"))
        press(runner, [.char(":")] + Key.typing("account zeta") + [.enter])
        #expect(
            runner.state.screen.accountID == runner.state.summaries.first { $0.name == "Zeta Freight" }?.id)
    }

    @Test func theOpenAccountShowsATouchpointLoggedElsewhereAndAnOpenFormKeepsItsEdits() throws {
        let (runner, store) = try running()
        press(runner, [.char("/")] + Key.typing("north") + [.enter, .enter, .char("e")])
        press(runner, [.ctrl("u")] + Key.typing("Maya L."))
        try store.update(Fixture.id("acc-north")) { account in
            account.touchpoints.append(
                Touchpoint(day: Fixture.today, kind: .call, summary: "Logged from the command line"))
        }
        #expect(runner.noticeChangesOnDisk())
        #expect(runner.state.message == Message("Northwind Logistics changed on disk"))
        let shown = try #require(runner.state.account(Fixture.id("acc-north")))
        #expect(shown.touchpoints.map(\.summary).contains("Logged from the command line"))
        guard case .form(_, let form)? = runner.state.overlay else {
            Issue.record("the form closed")
            return
        }
        #expect(form.fields.map(\.input.text).contains("Maya L."))
    }

    @Test func severalChangesAreCountedAndARemovedAccountLeavesTheLists() throws {
        let (runner, store) = try running()
        let quill = try store.load(Fixture.id("acc-quill"))
        try store.delete(Fixture.id("acc-quill"), name: "Quillon Publishing", basedOn: quill.revision)
        try store.update(Fixture.id("acc-north")) { $0.market = "Rail" }
        #expect(runner.noticeChangesOnDisk())
        #expect(runner.state.message == Message("2 accounts changed on disk: 1 changed, 1 removed"))
        #expect(!runner.state.summaries.map(\.name).contains("Quillon Publishing"))
        #expect(runner.state.summaries.first { $0.name == "Northwind Logistics" }?.market == "Rail")
    }

    @Test func ctrlLReadsTheStoreAgain() throws {
        let (runner, store) = try running()
        _ = try store.create(Account(name: "Zeta Freight", owner: "Maya Lindqvist", createdOn: Fixture.today))
        press(runner, [.ctrl("l")])
        #expect(runner.state.message == Message("Zeta Freight was added on disk"))
        #expect(runner.state.summaries.contains { $0.name == "Zeta Freight" })
    }

    @Test func ownSavesAreNotReportedAsChangesOnDisk() throws {
        let (runner, _) = try running()
        press(runner, [.char("l")] + Key.typing("Went through the roadmap") + [.enter])
        #expect(runner.state.message == Message("Logged call at Brightline Energy"))
        runner.noticeChangesOnDisk()
        #expect(runner.state.message == Message("Logged call at Brightline Energy"))
    }
}
