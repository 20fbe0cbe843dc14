import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// Stored names holding what a terminal would act on (a file edited by hand, a merge):
/// the app's screens show them as text and keep their columns.
@Suite struct LiteralScreensHostileText {
    static func hostileState() -> AppState {
        var accounts = Fixture.accounts
        accounts[0].name = "Evil\u{1B}]0;pwned\u{7}\u{1B}[2J"
        accounts[1].name = "Bright\u{202E}enil\u{2066}x\u{2069}\u{85}"
        accounts[2].name = "日本語 😀 Publishing"
        accounts[0].owner = "Maya\nLindqvist"
        var state = Fixture.state()
        state.setDigests([])
        for account in accounts { state.store(account) }
        return state
    }

    @Test func theAccountsTableShowsControlsAsTextAndStaysAligned() {
        var state = Self.hostileState()
        expectScreen(
            &state,
            """
            Accounts  3 of 3 · by name
            Account             Tier Owner   Status  Season     Hlth  Last  Next Flags
            Brightenilx�        core Tom     at risk tension       -   30d   -7d late re… +2
            Evil␛]0;pwned␇␛[2J  key  Maya␊L… active  growth     100↑    2d today
            日本語 😀 Publishi… std  Tom     active  stagnancy     - never today no seni… +1


















            Enter open  / filter  s sort  l log  c concern  a add  ? help  D due  Q quit
            """)
    }
}
