import Foundation
import RapportCore
import RapportStore
import TUIKit
import Testing

@testable import RapportUI

/// A merge conflict on an account (two teammates changed its owner, D47): shown on the
/// Overview, on the due list, and settled with one key.
@Suite struct MergeConflictScreenTests {
    static let conflict = MergeConflict(
        id: Fixture.id("mc-owner"), field: "owner", path: ["owner"], kept: "\"Maya Lindqvist\"",
        keptFrom: "Maya Lindqvist", other: "\"Ben Li\"", otherFrom: "Ben Li", foundOn: Fixture.today)

    static func state() -> AppState {
        var accounts = Fixture.accounts
        accounts[0].mergeConflicts = [conflict]
        return AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 80, height: 24,
            accounts: accounts, playbook: Fixture.playbook)
    }

    @Test func theOverviewShowsItAndXAsksWhichValueStands() throws {
        var state = Self.state()
        state.press([.char(":")] + Key.typing("account Northwind") + [.enter])
        let overview = state.screen()
        #expect(overview.contains("1 merge conflict to settle (x): teammates changed this on two sides"))
        #expect(
            overview.contains("owner: kept Maya Lindqvist (by Maya Lindqvist), set aside Ben Li (by Ben Li)"))
        state.press([.char("x")])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Overview  2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            1 merge conflict to settle (x): teammates changed this on two sides
              owner: kept Maya Lindqvist (by Maya Lindqvist), set aside Ben Li (by Ben Li)
            Season: growth — Invest: widen the relationship while things go well.
            Market: Logistics · customer since 2017-03-01 · tags: eu
            Pe┌─ Merge conflict · Northwind Logistics ───────────────────────────────────┐
            No│ owner: changed on two sides (found 2026-11-22)                           │
            No│   kept        Maya Lindqvist  (by Maya Lindqvist)                        │
              │   set aside   Ben Li  (by Ben Li)                                        │
            Re│                                                                          │
              │ k keep what is there · o take the other · Esc later                      │
              └──────────────────────────────────────────────────────────────────────────┘








            k keep  o other  Esc later
            """)
    }

    @Test func takingTheOtherValuePutsItInTheAccountFileAndEndsTheConflict() throws {
        var state = Self.state()
        let effects = state.press(
            [.char(":")] + Key.typing("account Northwind") + [.enter, .char("x"), .char("o")])
        try state.perform(effects)
        let onDisk = try FileStore.open(at: state.storePath).load(Fixture.id("acc-north")).account
        #expect(onDisk.owner == "Ben Li")
        #expect(onDisk.mergeConflicts == nil)
        #expect(state.message?.text == "Settled: owner is Ben Li")
        #expect(!state.screen().contains("merge conflict"))
    }

    @Test func escLeavesItForLaterAndKKeepsTheValue() throws {
        var state = Self.state()
        state.press([.char(":")] + Key.typing("account Northwind") + [.enter, .char("x"), .escape])
        #expect(state.overlay == nil)
        #expect(state.message?.text == "Left for later: it stays on the due list")
        try state.perform(state.press([.char("x"), .char("k")]))
        let onDisk = try FileStore.open(at: state.storePath).load(Fixture.id("acc-north")).account
        #expect(onDisk.owner == "Maya Lindqvist")
        #expect(onDisk.mergeConflicts == nil)
    }

    @Test func theDueListCarriesItAndDoneAsksWhichValueStands() throws {
        var state = Self.state()
        state.press([.char("D")])
        let items = state.shownDueItems
        let index = try #require(items.firstIndex { $0.title == "Settle merge conflict: owner" })
        #expect(items[index].source == .mergeConflict)
        state.due.table.selection = index
        state.press([.char("x")])
        guard case .settle(let settlement)? = state.overlay else {
            Issue.record("no settle question: \(String(describing: state.overlay))")
            return
        }
        #expect(settlement.conflict.id == Self.conflict.id)
    }

    /// Done on the second of an account's two conflicts asks about that one, "2 of 2"
    /// (it asked about the first, whichever was chosen).
    @Test func doneOnTheDueListAsksAboutTheConflictChosen() throws {
        var accounts = Fixture.accounts
        var second = Self.conflict
        second.id = Fixture.id("mc-market")
        second.field = "market"
        second.path = ["market"]
        accounts[0].mergeConflicts = [Self.conflict, second]
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 80, height: 24,
            accounts: accounts, playbook: Fixture.playbook)
        state.press([.char("D")])
        let index = try #require(
            state.shownDueItems.firstIndex { $0.title == "Settle merge conflict: market" })
        state.due.table.selection = index
        state.press([.char("x")])
        guard case .settle(let settlement)? = state.overlay else {
            Issue.record("no settle question: \(String(describing: state.overlay))")
            return
        }
        #expect(settlement.conflict.id == second.id)
        #expect(state.screen().contains("Merge conflict (2 of 2)"))
    }

    @Test func syncRunsAfterItsFrameAndSaysWhatCameIn() throws {
        var state = Fixture.state()
        state.press([.char(":")] + Key.typing("sync") + [.enter])
        #expect(state.syncRequested)
        #expect(state.message?.text == "Syncing with the team through git…")
        let host = ScriptedHost()
        host.syncAnswer = TeamSync.Report(
            lines: [
                "Committed: Logged a call at Northwind Logistics", "From others (origin/main):",
                "  1 new concern at Brightline Energy", "Pushed to origin/main."
            ],
            committed: "Logged a call at Northwind Logistics",
            incoming: ["1 new concern at Brightline Energy"],
            conflicts: ["Northwind Logistics: owner: kept A (by A), set aside B (by B)"])
        let runner = AppRunner(state: state, appStore: try Fixture.store(for: &state), host: host)
        #expect(runner.runRequestedSync())
        #expect(host.syncs == 1)
        #expect(
            runner.state.message?.text
                == "Synced: your changes shared; 1 change came in; 1 merge conflict to settle (due list)")
        #expect(!runner.runRequestedSync())
        host.syncAnswer = TeamSync.Report(failure: "could not reach origin (offline)")
        runner.dispatch(.key(.char(":")))
        for key in Key.typing("sync") + [.enter] { runner.dispatch(.key(key)) }
        #expect(runner.runRequestedSync())
        #expect(runner.state.message?.text == "Sync stopped: could not reach origin (offline)")
        #expect(runner.state.message?.isError == true)
    }
}
