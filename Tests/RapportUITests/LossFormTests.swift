import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// Setting an account to lost in the facts form asks for the loss (D48).
@Suite struct LossFormTests {
    func opened() -> AppState {
        var state = Fixture.state()
        state.press([.char(":")])
        state.type("account Northwind")
        state.press([.enter])
        return state
    }

    @Test func settingLostAsksForTheLossAndTheHeaderShowsIt() throws {
        var state = opened()
        state.press([.char("e"), .tab, .tab, .tab, .char("l")])
        try state.perform(state.press([.enter]))
        let form = state.screen()
        #expect(form.contains("Record the loss of Northwind Logistics"))
        #expect(form.contains("Lost on") && form.contains("2026-11-22") && form.contains("1240000"))
        state.press([.tab, .tab])
        state.type("price, champion-left")
        state.press([.tab, .tab])
        state.type("Acme")
        try state.perform(state.press([.enter]))
        let saved = try #require(state.account(Fixture.id("acc-north")))
        #expect(saved.status == .lost)
        #expect(
            saved.loss
                == LossRecord(
                    lostOn: Fixture.today, valueLost: 1_240_000, reasons: [.price, .championLeft],
                    wonBy: "Acme"))
        #expect(
            state.screen().contains("Lost 2026-11-22 · €1.24M a year · price, champion-left; won by Acme"))
    }

    /// Leaving the loss form with Esc keeps the account's loss record (lost today, its
    /// value), as the command line gives it: it was lost with no record, left out of the
    /// losses, the sweep and the portfolio's week.
    @Test func escOnTheLossFormStillRecordsTheLoss() throws {
        var state = opened()
        state.press([.char("e"), .tab, .tab, .tab, .char("l")])
        try state.perform(state.press([.enter]))
        #expect(state.screen().contains("Record the loss of Northwind Logistics"))
        state.press([.escape])
        let saved = try #require(state.account(Fixture.id("acc-north")))
        #expect(saved.status == .lost)
        #expect(saved.loss == LossRecord(lostOn: Fixture.today, valueLost: 1_240_000))
    }

    @Test func aBadReasonKeepsTheFormOpenNamingTheAcceptedOnes() throws {
        var state = opened()
        state.press([.char("e"), .tab, .tab, .tab, .char("l")])
        try state.perform(state.press([.enter]))
        state.press([.tab, .tab])
        state.type("cost")
        #expect(state.press([.enter]).isEmpty)
        #expect(state.screen().contains("'cost' is not a loss reason"))
    }

    @Test func theLossFormAt80x24() throws {
        var state = opened()
        state.press([.char("e"), .tab, .tab, .tab, .char("l")])
        try state.perform(state.press([.enter]))
        // Behind the form, the header already shows the loss the save recorded (lost
        // today, its value), which the form goes on to fill in.
        expectScreen(
            &state,
            """
            Northwind Logistics  key · lost · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
            Lost 2026-11-22 · €1.24M a year · no reason given
             1 Overview  2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Season: growth — Invest: widen the relationship while things go well.
            Market: Logistics · customer since 2017-03-01 · tags: eu
            Pe┌─ Record the loss of Northwind Logistics ─────────────────────────────────┐
            No│ Lost on     2026-11-22                                                   │
            No│ Value lost  1240000                                                      │
              │ Reasons     e.g. price, champion-left (a wrong code lists them all)      │
            Re│ In words                                                                 │
              │ Won by      who won it, if known                                         │
              │                                                                          │
              │ Enter save · Tab next · Esc cancel                                       │
              └──────────────────────────────────────────────────────────────────────────┘






            Saved Northwind Logistics
            Enter save  Tab next field  ←→ choose  Esc cancel
            """)
    }
}
