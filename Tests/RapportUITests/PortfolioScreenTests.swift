import Foundation
import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// The portfolio screen (`P`, `:portfolio`; D50): figures, and Enter opening the accounts
/// behind a line.
@Suite struct PortfolioScreenTests {
    /// The fixture with renewals: Northwind in 40 days, Brightline (at risk) in 70.
    static func state(width: Int = 80, height: Int = 24) -> AppState {
        var accounts = Fixture.accounts
        accounts[0].contract = Contract(renewsOn: Fixture.today.adding(days: 40), setOn: Fixture.today)
        accounts[1].contract = Contract(renewsOn: Fixture.today.adding(days: 70), setOn: Fixture.today)
        return AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: width, height: height,
            accounts: accounts, playbook: Fixture.playbook)
    }

    @Test func theScreenAtEightyColumns() {
        var state = Self.state()
        state.press([.char("P")])
        expectScreen(
            &state,
            """
            Portfolio · 2026-11-22
            3 accounts · €1.64M a year · lifetime €9.8M
            Value at risk: €380k (23%) on 1 account
              late serious concern      €380k  1 account
              renewing with flags       €380k  1 account
              status at risk            €380k  1 account

            Renewals                    value  accounts      of it at risk
              next 30 days                 €0  0 accounts
              next 90 days             €1.62M  2 accounts    €380k at risk
              next 180 days            €1.62M  2 accounts    €380k at risk

            Health (value by band)
              healthy (75–100)  ████████████████████   €1.24M  1
              never tested      ██████░░░░░░░░░░░░░░    €398k  2
              last 12 months         ▆▆▆█ now 100 (value-weighted litmus score)

            Warning flags
              late reply                €380k  1 account     €380k at risk
              no senior                 €398k  2 accounts    €380k at risk
              no contacts                €18k  1 account
              one contact               €380k  1 account     €380k at risk

            Enter accounts  Esc back  ? help  D due  Q quit  : cmd
            """)
    }

    @Test func theScreenAtAHundredAndTwentyColumns() {
        var state = Self.state(width: 120, height: 40)
        state.press([.char("P")])
        expectScreen(
            &state,
            """
            Portfolio · 2026-11-22
            3 accounts · €1.64M a year · lifetime €9.8M
            Value at risk: €380k (23%) on 1 account
              late serious concern      €380k  1 account
              renewing with flags       €380k  1 account
              status at risk            €380k  1 account

            Renewals                    value  accounts      of it at risk
              next 30 days                 €0  0 accounts
              next 90 days             €1.62M  2 accounts    €380k at risk
              next 180 days            €1.62M  2 accounts    €380k at risk

            Health (value by band)
              healthy (75–100)  ████████████████████████   €1.24M  1
              never tested      ████████░░░░░░░░░░░░░░░░    €398k  2
              last 12 months         ▆▆▆█ now 100 (value-weighted litmus score)

            Warning flags
              late reply                €380k  1 account     €380k at risk
              no senior                 €398k  2 accounts    €380k at risk
              no contacts                €18k  1 account
              one contact               €380k  1 account     €380k at risk

            Seasons
              growth                   €1.24M  1 account
              stagnancy                  €18k  1 account
              tension                   €380k  1 account     €380k at risk

            Owners
              Maya Lindqvist           €1.24M  1 account
              Tom Okafor                €398k  2 accounts    €380k at risk

            Last 7 days
              nothing changed





            Enter accounts  Esc back  ? help  D due  Q quit  : cmd
            """)
    }

    @Test func enterOnALineOpensExactlyItsAccounts() {
        var state = Self.state()
        state.press([.char(":")] + Key.typing("portfolio") + [.enter])
        guard case .portfolio = state.screen else {
            Issue.record("not on the portfolio: \(state.screen)")
            return
        }
        // The first line is the book; the next, the value at risk.
        state.press([.char("j"), .enter])
        #expect(state.screen == .accounts)
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy"])
        #expect(state.message?.text == "1 account: value at risk (x clears)")
        #expect(state.screen().hasPrefix("Accounts  1 of 3 · €380k/yr · portfolio: value at risk"))
        state.press([.char("x")])
        #expect(visibleAccounts(state).count == 3)
        // The renewals within 90 days.
        state.press([.char("P")] + Array(repeating: Key.char("j"), count: 6) + [.enter])
        #expect(Set(visibleAccounts(state).map(\.name)) == ["Northwind Logistics", "Brightline Energy"])
        // Past the last line (keys typed ahead of any frame): Enter opens the last line's accounts.
        state.press([.char("P")] + Array(repeating: Key.char("j"), count: 200) + [.enter])
        #expect(state.screen == .accounts)
        #expect(state.list.conditions.only != nil)
    }

    @Test func theAccountsTableShowsRenewalsAndFiltersByThem() throws {
        var state = Self.state(width: 120)
        let header = state.screen().split(separator: "\n")[1]
        #expect(header.contains("Renews"))
        state.press([.char(":")] + Key.typing("filter renews<60d") + [.enter])
        #expect(visibleAccounts(state).map(\.name) == ["Northwind Logistics"])
        // Without any renewal day the column is left out.
        var plain = Fixture.state(width: 120)
        #expect(!plain.screen().contains("Renews"))
    }
}
