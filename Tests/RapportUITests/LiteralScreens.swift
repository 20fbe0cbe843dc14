import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// Compares a rendered screen with a literal of every one of its rows, in the manner
/// of ratatui's `Buffer::with_lines`. `Canvas.text` already drops each row's trailing
/// spaces, so the literals carry none and blank rows are empty lines.
func expectScreen(
    _ state: inout AppState, _ expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = state.screen()
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(want.count == state.height, "the literal must hold every row", sourceLocation: sourceLocation)
    let differing = (0..<max(want.count, got.count)).filter { row in
        (row < want.count ? want[row] : nil) != (row < got.count ? got[row] : nil)
    }
    #expect(actual == expected, "rows \(differing) differ", sourceLocation: sourceLocation)
}

/// Northwind Logistics (the second row of the accounts table) opened with Enter.
func openedNorthwind() -> AppState {
    var state = Fixture.state()
    state.press([.char("j"), .enter])
    return state
}

@Suite struct LiteralScreens {
    @Test func welcomeScreenWhenThereIsNoStore() {
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 80, height: 24,
            accounts: [], storeExists: false)
        expectScreen(
            &state,
            """






                Welcome to Rapport

                Keep your key customer relationships healthy: every touch, every
                concern, and what is due, across all your accounts.

                There is no store at /tmp/store yet.

                d  create the demo portfolio (27 realistic accounts)
                e  start with an empty store
                q  quit







            d demo portfolio  e empty store  q quit
            """)
    }

    @Test func accountsTable() {
        var state = Fixture.state()
        expectScreen(
            &state,
            """
            Accounts  3 of 3 · €1.64M/yr · by name
            Account              Tier Owner    Value Status  Hlth  Last  Next Flags
            Brightline Energy    core Tom      €380k at risk    -   30d   -7d late reply +2
            Northwind Logistics  key  Maya    €1.24M active  100↑    2d today
            Quillon Publishing   std  Tom       €18k active     - never today no senior +1


















            Enter open  / filter  s sort  l log  c concern  a add  ? help  D due  Q quit
            """)
    }

    @Test func worksheetEditorOnANewWorksheet() throws {
        var state = openedNorthwind()
        state.press([.char("7"), .char("n")])
        state.type("Rollout delays")
        try state.perform(state.press([.enter]))
        expectScreen(
            &state,
            """
            Northwind Logistics · Rollout delays                          open · step 1 of 7

            Root cause          Step 1 · Define
             · 1 Define         Say what the problem is in the customer's own terms, what we
             · 2 Explore        know for certain, and what we would still need to find out.
             · 3 Solution
             · 4 Implications   The problem
            Execution             not written yet
             · 5 Decision       What we know
             · 6 Action           not written yet
             · 7 Evaluation     What we still need to find out
                                  not written yet









            Focus: - · Accountable: Maya Lindqvist · Talk: -
            Worksheet started: work through the seven steps (Tab moves on)
            Tab step  e edit  a add  r root  f frame  Esc back  ? help  D due  Q quit  : cmd
            """)
    }

    @Test func tooSmallScreenAt50x12() {
        var state = Fixture.state(width: 50, height: 12)
        expectScreen(
            &state,
            """





                            Terminal too small
                            50x12, need 60x16
                         Enlarge it, or Q to quit




            """)
    }
}
