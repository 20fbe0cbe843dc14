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
            Accounts  3 of 3 · €1.64M/yr · by name
            Account              Tier Owner    Value Status  Hlth  Last  Next Flags
            Brightenilx�         core Tom      €380k at risk    -   30d   -7d late reply +2
            Evil␛]0;pwned␇␛[2J   key  Maya␊L… €1.24M active  100↑    2d today
            日本語 😀 Publishing std  Tom       €18k active     - never today no senior +1


















            Enter open  / filter  s sort  l log  c concern  a add  ? help  D due  Q quit
            """)
    }
}
