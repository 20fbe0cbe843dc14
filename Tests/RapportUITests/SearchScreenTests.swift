import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// The search screen: `:search TEXT` or `F`, across every account's records.
@Suite struct SearchScreenTests {
    @Test func searchListsTheRecordsFoundAndEnterOpensTheAccountAtOne() throws {
        var state = Fixture.state()
        state.press([.char("F")])
        state.type("helena")
        try state.perform(state.press([.enter]))
        expectScreen(
            &state,
            """
            Search  'helena' · 1 match
            Account              Kind         Day        Text
            Northwind Logistics  contact      -          Helena Voss



















            1 match
            Enter open  F search  Esc back  ? help  D due  Q quit  : cmd
            """)
        state.press([.enter])
        #expect(state.accountView?.section == .contacts && state.accountView?.table.selection == 0)
        state.press([.escape])
        #expect(state.screen == .search(SearchScreenState(query: "helena", hits: try #require(hits(state)))))
    }

    func hits(_ state: AppState) -> [SearchHit]? {
        guard case .search(let search) = state.screen else { return nil }
        return search.hits
    }

    @Test func aTouchpointFoundOpensTheTimelineAtItAndNothingFoundSaysSo() throws {
        var state = Fixture.state()
        state.press([.char(":")])
        state.type("search ROTTERDAM")
        try state.perform(state.press([.enter]))
        let found = try #require(hits(state)?.first)
        #expect(found.kind == "touchpoint" && found.accountName == "Northwind Logistics")
        state.press([.enter])
        let account = try #require(state.account(Fixture.id("acc-north")))
        let row = TimelineSection.entries(account).firstIndex {
            if case .touch(let t) = $0 { return t.id == found.recordID }
            return false
        }
        #expect((row ?? 0) > 0, "a record below the first, so the selection shows it was found")
        #expect(state.accountView?.section == .timeline && state.accountView?.table.selection == row)
        state.press([.char(":")])
        state.type("search nowhere at all")
        try state.perform(state.press([.enter]))
        #expect(state.message == Message("Nothing matches 'nowhere at all'"))
        #expect(state.screen().contains("Nothing matches. F searches again"))
    }
}
