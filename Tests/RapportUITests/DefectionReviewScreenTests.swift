import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// The defection review screen (D48): `R` on a lost account's Overview, `w` a worksheet
/// on the loss, `s` check-ups on the active accounts showing the same signs.
@Suite struct DefectionReviewScreenTests {
    /// The fixture with Brightline Energy lost on 2026-11-01: its main contact left, its
    /// critical concern went unanswered, its season tension.
    func lostBrightline() -> AppState {
        var accounts = Fixture.accounts
        accounts[1].status = .lost
        accounts[1].contacts[0].leftOn = Fixture.today.adding(days: -60)
        accounts[1].changeSeason(to: .tension, on: Fixture.today.adding(days: -45), reason: "Price rise")
        accounts[1].concerns[0].raisedOn = Fixture.today.adding(days: -40)
        accounts[1].concerns[0].respondBy = Fixture.today.adding(days: -38)
        accounts[1].loss = LossRecord(
            lostOn: Fixture.today.adding(days: -21), valueLost: 380_000, reasons: [.championLeft],
            wonBy: "Voltair")
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 80, height: 24,
            accounts: accounts, playbook: Fixture.playbook)
        state.press([.char(":")])
        state.type("account Brightline")
        state.press([.enter])
        return state
    }

    @Test func reviewOfALostAccountAt80x24() {
        var state = lostBrightline()
        state.press([.char("R")])
        expectScreen(
            &state,
            """
            Defection review: Brightline Energy
            Lost 2026-11-01 · €380k a year · champion-left; won by Voltair
            5 warning signs before the loss; we had 39 days from the first warning
            2020-01-01  2496 days before  nobody senior
                no senior leader on record
            2020-01-01  2496 days before  single-threaded
                never more than one contact since 2020-01-01, and none at the end
            2020-01-01  2496 days before  a season of tension
                2020-01-01 tension: Account created
            2026-09-23  39 days before  a champion left
                Oliver Grant (main contact) left on 2026-09-23
            2026-10-16  16 days before  concerns answered late or never
                “Late incident reports” never answered (due 2026-10-15)










            w worksheet  s sweep  Esc back  ? help  D due  Q quit  : cmd
            """)
        state.press([.escape])
        #expect(state.screen().hasPrefix("Brightline Energy"), "Esc goes back to the account")
    }

    @Test func theReviewOfAnActiveAccountSaysItIsNotLost() {
        var state = Fixture.state()
        state.press([.char(":")])
        state.type("account Northwind")
        state.press([.enter, .char("R")])
        #expect(state.message?.text == "Northwind Logistics is not lost: R reviews a lost account")
    }

    @Test func wStartsAWorksheetOnTheLossWithDefineFilledFromTheReview() throws {
        var state = lostBrightline()
        state.press([.char("R")])
        try state.perform(state.press([.char("w")]))
        let a = try #require(state.account(Fixture.id("acc-bright")))
        let w = try #require(a.worksheets.first)
        #expect(w.title == "Why we lost Brightline Energy" && w.lossOn == Day(iso: "2026-11-01"))
        #expect(
            w.define.problem
                == "We lost Brightline Energy on 2026-11-01 (380,000 a year): champion-left; won by Voltair.")
        #expect(w.define.dataWeHave.contains("a champion left since 2026-09-23 (39 days before)"))
        let screen = state.screen()
        #expect(screen.contains("Why we lost Brightline Energy"), "the worksheet editor opens")
        #expect(screen.contains("We lost Brightline Energy on 2026-11-01"))
        state.press([.escape, .char("7")])
        #expect(state.screen().contains("Why we lost Brightli… the loss 2026-11-01   2 Explore"))
        // `w` again opens the loss's worksheet; it does not start a second one.
        state.press([.char("1"), .char("R")])
        try state.perform(state.press([.char("w")]))
        #expect(state.account(Fixture.id("acc-bright"))?.worksheets.count == 1)
        #expect(state.screen().contains("Why we lost Brightline Energy"), "the worksheet editor opens")
    }

    @Test func sAsksForACheckupOnEachActiveAccountShowingTheSigns() throws {
        var state = lostBrightline()
        state.press([.char("R")])
        let effects = state.press([.char("s")])
        #expect(effects == [.sweep(like: Fixture.id("acc-bright"))])
        try state.perform(effects)
        #expect(
            state.message?.text == "Asked for a litmus check-up on 1 account, due today: Quillon Publishing")
        let litmus = state.dueItems.first { $0.accountName == "Quillon Publishing" && $0.ref == .litmus }
        #expect(litmus?.due == Fixture.today)
    }

    @Test func lOnALostAccountChangesItsLoss() throws {
        var state = lostBrightline()
        state.press([.char("L")])
        #expect(state.screen().contains("Record the loss of Brightline Energy"))
        state.press([.tab, .tab, .tab, .tab])
        state.type(" Inc")
        try state.perform(state.press([.enter]))
        #expect(state.account(Fixture.id("acc-bright"))?.loss?.wonBy == "Voltair Inc")
    }
}
