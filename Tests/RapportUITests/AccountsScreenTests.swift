import RapportCore
import TUIKit
import Testing

@testable import RapportUI

@Suite struct AccountsScreenTests {
    @Test func listsAccountsAt80x24() {
        var state = Fixture.state()
        #expect(
            state.screen() == """
                Accounts  3 of 3 · €1.64M/yr · by name
                Account              Tier Owner    Value Status  Hlth  Last  Next Flags
                Brightline Energy    core Tom      €380k at risk    -   30d   -7d late reply +2
                Northwind Logistics  key  Maya    €1.24M active  100↑    2d today
                Quillon Publishing   std  Tom       €18k active     - never today no senior +1


















                Enter open  / filter  s sort  l log  c concern  a add  ? help  D due  Q quit
                """)
    }

    @Test func aNewAccountIsOwnedByTheUserAsOnTheCommandLine() throws {
        var state = Fixture.state(me: "Ines Park")
        state.press([.char("a")])
        state.type("Zeta Freight")
        try state.perform(state.press([.enter]))
        let zeta = try #require(visibleAccounts(state).first { $0.name == "Zeta Freight" })
        #expect(zeta.owner == "Ines Park")
    }

    @Test func wideTerminalShowsValueAndFullFlags() {
        var state = Fixture.state(width: 120, height: 30)
        let lines = state.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines[1]
                == "Account              Tier Owner           Value Status  Season       Hlth  Last  Next Flags"
        )
        #expect(
            lines[2]
                == "Brightline Energy    core Tom Okafor      €380k at risk tension         -   30d   -7d late reply, no senior, one contact"
        )
        #expect(
            lines[3]
                == "Northwind Logistics  key  Maya Lindqvist €1.24M active  growth       100↑    2d today")
    }

    @Test func narrowTerminalsDropTheLeastImportantColumnsFirstAndWideOnesGrowTheName() {
        var long = Fixture.accounts[0]
        long.name = "Northwind Logistics International Holdings"
        func header(_ width: Int) -> (String, String) {
            var state = Fixture.state(width: width, height: 20)
            state.setDigests([])
            for account in [long] + Fixture.accounts.dropFirst() { state.store(account) }
            let lines = state.screen().split(separator: "\n", omittingEmptySubsequences: false)
            return (String(lines[1]), String(lines.first { $0.hasPrefix("Northwind") } ?? ""))
        }
        // Season goes first, then tier, then owner; value, health, next and flags stay.
        #expect(
            header(60) == (
                "Account            Value Status  Hlth  Last  Next Flags",
                "Northwind Logist… €1.24M active  100↑    2d today"
            ))
        #expect(
            header(70) == (
                "Account             Owner    Value Status  Hlth  Last  Next Flags",
                "Northwind Logistic… Maya    €1.24M active  100↑    2d today"
            ))
        #expect(
            header(80) == (
                "Account              Tier Owner    Value Status  Hlth  Last  Next Flags",
                "Northwind Logistics… key  Maya    €1.24M active  100↑    2d today"
            ))
        #expect(
            header(100) == (
                "Account              Tier Owner           Value Status  Season     Hlth  Last  Next Flags",
                "Northwind Logistics… key  Maya Lindqvist €1.24M active  growth     100↑    2d today"
            ))
        // Wide: the whole name.
        #expect(
            header(200).1
                == "Northwind Logistics International Holdings       key  Maya Lindqvist €1.24M active  growth       "
                + "100↑    2d today")
    }

    @Test func filterAsYouTypeMatchesNamesOwnersTagsAndContacts() {
        var state = Fixture.state()
        state.press([.char("/")])
        state.type("tom")
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy", "Quillon Publishing"])
        #expect(state.screen().hasPrefix("Accounts  2 of 3 · €398k/yr · by name\n/ tom"))
        state.press([.ctrl("u")])
        state.type("oliver")
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy"])
        state.press([.ctrl("u")])
        state.type("uk")
        #expect(visibleAccounts(state).map(\.name) == ["Quillon Publishing"])
        state.press([.escape])
        #expect(visibleAccounts(state).count == 3)
        #expect(!state.list.filtering)
    }

    /// Text beyond ASCII is lowered as `String.lowercased()` lowers it, so a filter typed
    /// in lower case finds capitals with accents, and flags are matched by their words.
    @Test func theFilterTextIsEveryFieldLowerCasedAccentsIncluded() {
        var quill = Fixture.accounts[2]
        quill.name = "ÉLODIE Straße \tÖl"
        quill.owner = "JOSÉ İnan"
        quill.tags = ["Key-Account", "UK"]
        quill.contacts = [Contact(name: "ÜNAL Öz", level: .main)]
        let summary = AccountSummary(quill, today: Fixture.today)
        #expect(summary.flags == [.noSenior, .oneContact])
        let expected =
            "élodie straße \töl\u{1F}josé i\u{307}nan\u{1F}key-account\u{1F}uk\u{1F}ünal öz"
            + "\u{1F}no senior\u{1F}one contact"
        #expect(String(decoding: SearchText.bytes(summary), as: UTF8.self) == expected)
        var state = Fixture.state().with([Fixture.accounts[0], quill])
        state.press([.char("/")])
        state.type("élodie straße")
        #expect(visibleAccounts(state).map(\.name) == [quill.name])
        state.press([.ctrl("u")])
        state.type("josé i\u{307}nan")
        #expect(visibleAccounts(state).map(\.name) == [quill.name])
    }

    /// Each letter typed narrows the rows drawn for the letters before it; a letter taken
    /// back, or a change to an account, starts from every account again.
    @Test func typingNarrowsWhatWasDrawnAndBackspaceOrASaveWidensIt() {
        var state = Fixture.state()
        state.press([.char("/")])
        func shown() -> String { String(state.screen().prefix { $0 != "·" }) }
        state.type("o")
        #expect(shown() == "Accounts  3 of 3 ")
        state.type("l")
        #expect(shown() == "Accounts  1 of 3 ")
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy"])
        state.press([.backspace])
        #expect(shown() == "Accounts  3 of 3 ")
        state.type("li")
        #expect(shown() == "Accounts  1 of 3 ")
        var renamed = state.account(Fixture.id("acc-quill"))!
        renamed.name = "Quillon Oliver Press"
        _ = update(&state, .saved(renamed, message: ""))
        #expect(shown() == "Accounts  2 of 3 ")
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy", "Quillon Oliver Press"])
    }

    @Test func sortAndQuickFilters() {
        var state = Fixture.state()
        state.press([.char("s")])
        #expect(state.list.sort == .value)
        #expect(
            visibleAccounts(state).map(\.name) == [
                "Northwind Logistics", "Brightline Energy", "Quillon Publishing"
            ])
        state.press([.char("t")])
        #expect(visibleAccounts(state).map(\.name) == ["Northwind Logistics"])
        #expect(state.screen().hasPrefix("Accounts  1 of 3 · €1.24M/yr · tier=key · by value"))
        state.press([.char("x"), .char("S"), .char("S")])
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy"])
        state.press([.char("x"), .char("o")])
        #expect(visibleAccounts(state).map(\.name) == ["Northwind Logistics"])
    }

    @Test func triageByFlagTierAndHealthWithTheValueTotalAndAReversibleSort() {
        var state = Fixture.state()
        state.press([.char("/")])
        state.type("no senior")
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy", "Quillon Publishing"])
        state.press([.escape, .char(":")])
        state.type("filter flag=no-senior tier=standard")
        state.press([.enter])
        #expect(visibleAccounts(state).map(\.name) == ["Quillon Publishing"])
        #expect(state.message == Message("Filtered: flag=no-senior tier=standard"))
        #expect(
            state.screen().hasPrefix("Accounts  1 of 3 · €18k/yr · flag=no-senior tier=standard · by name"))
        state.press([.char(":")])
        state.type("filter health=sideways")
        state.press([.enter])
        #expect(
            state.message
                == Message(
                    "health 'sideways' is not valid; expected falling, rising or below:N (N 1–100)",
                    isError: true))
        state.press([.char("x"), .char("f")])
        #expect(state.list.conditions.flags == [.lateReply])
        #expect(visibleAccounts(state).map(\.name) == ["Brightline Energy"])
        state.press([.char("x"), .char("s"), .char("r")])
        #expect(
            visibleAccounts(state).map(\.name) == [
                "Quillon Publishing", "Brightline Energy", "Northwind Logistics"
            ])
        #expect(state.screen().hasPrefix("Accounts  3 of 3 · €1.64M/yr · by value, reversed"))
    }

    @Test func enterOpensTheSelectedAccount() {
        var state = Fixture.state()
        state.press([.char("j"), .enter])
        #expect(state.screen.accountID == Fixture.id("acc-north"))
    }

    @Test func tooSmallTerminalShowsAMessageNotACrash() {
        var state = Fixture.state(width: 40, height: 10)
        #expect(
            state.screen() == """




                           Terminal too small
                           40x10, need 60x16
                        Enlarge it, or Q to quit



                """)
        #expect(state.press([.char("j")]).isEmpty)
        #expect(state.press([.char("Q")]).isEmpty)
        #expect(state.quitting)
    }

    @Test func deleteAsksThenUndoBringsItBack() {
        var state = Fixture.state()
        state.press([.char("G"), .char("d")])
        #expect(state.screen().contains("Delete Quillon Publishing and all its records?"))
        #expect(state.press([.char("n")]).isEmpty)
        #expect(state.message?.text == "Nothing deleted")
        let deleted = state.press([.char("d"), .char("y")])
        #expect(
            deleted == [
                .delete(Fixture.id("acc-quill"), message: "Deleted Quillon Publishing (u brings it back)")
            ])
        _ = update(&state, .deleted(Fixture.id("acc-quill"), message: "Deleted"))
        let quillon = Fixture.accounts[2]
        #expect(state.press([.char("u")]) == [.create(quillon, message: "Restored Quillon Publishing")])
    }

    @Test func anAmbiguousAccountCommandListsEveryCandidateInTheTable() {
        var state = Fixture.state()
        for name in ["Northwind Rail", "Northwind Ports", "Northwind Air"] {
            state.store(Account(name: name, owner: "Maya Lindqvist", createdOn: Fixture.today))
        }
        state.press([.char("D"), .char(":")])
        state.type("account north")
        state.press([.enter])
        #expect(state.screen == .accounts)
        #expect(
            state.message
                == Message("'north' matches 4 accounts, listed here: Enter opens the selected one"))
        #expect(
            visibleAccounts(state).map(\.name) == [
                "Northwind Air", "Northwind Logistics", "Northwind Ports", "Northwind Rail"
            ])
        state.press([.char("j"), .enter])
        #expect(state.screen.accountID == Fixture.id("acc-north"))
    }

    @Test func commandLineOpensAnAccountAndQuits() {
        var state = Fixture.state()
        state.press([.char(":")])
        state.type("account bright")
        state.press([.enter])
        #expect(state.screen.accountID == Fixture.id("acc-bright"))
        state.press([.char(":")])
        state.type("account z")
        state.press([.enter])
        #expect(
            state.message
                == Message(
                    "no account matches 'z'; there are Brightline Energy (acc-bright), "
                        + "Northwind Logistics (acc-north), Quillon Publishing (acc-quill)", isError: true))
        state.press([.char(":")])
        state.type("frobnicate")
        state.press([.enter])
        #expect(state.message?.text.hasPrefix("unknown command ':frobnicate'") == true)
        state.press([.char(":")])
        state.type("q")
        #expect(state.press([.enter]).isEmpty)
        #expect(state.quitting)
    }

    @Test func helpListsEveryBindingFromTheKeymap() {
        var state = Fixture.state(width: 100, height: 48)
        state.press([.char("?")])
        let screen = state.screen()
        for line in Keymaps.accounts.helpLines + Keymaps.global.helpLines {
            #expect(screen.contains(line.help), "help shows \(line.help)")
        }
        state.press([.escape])
        #expect(state.overlay == nil)
    }

    @Test func aLongMessageShowsItsBeginningAndItsEnd() {
        var state = Fixture.state(width: 60)
        _ = update(&state, .exported(path: "/home/ana/clients/2026/quarterly/northwind-logistics-plan.md"))
        let lines = state.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[lines.count - 2] == "Wrote /home/ana/cli…26/quarterly/northwind-logistics-plan.md")
    }

    @Test func helpOnTheWelcomeScreenListsItsKeysAndTheFormKeys() {
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/none", width: 80, height: 40,
            accounts: [], storeExists: false)
        state.press([.char("?")])
        let screen = state.screen()
        #expect(screen.contains("Create the demo portfolio (27 realistic accounts)"))
        #expect(!screen.contains("Open the selected account"))
        for _ in 0..<30 { state.press([.char("j")]) }
        let end = state.screen()
        #expect(end.contains("Change a choice; a letter jumps"))
        #expect(end.contains("Delete the word before the cursor"))
    }

    @Test func welcomeOffersDemoOrEmpty() {
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/none", width: 80, height: 24,
            accounts: [], storeExists: false)
        #expect(state.screen().contains("There is no store at /tmp/none yet."))
        #expect(state.press([.char("d")]) == [.createStore(demo: true)])
        #expect(state.press([.char("e")]) == [.createStore(demo: false)])
        _ = update(&state, .storeCreated(accounts: Fixture.accounts))
        #expect(state.screen == .accounts)
        #expect(state.message?.text == "Demo portfolio created: 3 accounts")
    }

    @Test func fullAccountsAreLoadedOnlyWhenNeeded() {
        let accounts = Fixture.accounts
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 80, height: 24,
            digests: AccountDigest.nameOrdered(accounts.map { AccountDigest($0, policy: DuePolicy()) }))
        #expect(state.screen().hasPrefix("Accounts  3 of 3 · €1.64M/yr · by name"))
        #expect(state.loaded.isEmpty)
        // Logging from the list loads the account, then opens the form.
        #expect(state.press([.char("l")]) == [.loadAccount(accounts[1].id, retry: .char("l"))])
        _ = update(&state, .accountLoaded(accounts[1], retry: .char("l")))
        #expect(state.screen().contains("Log a touchpoint · Brightline Energy"))
        state.press([.escape, .down])
        // Opening shows the account once it is read.
        #expect(state.press([.enter]) == [.loadAccount(accounts[0].id, retry: nil)])
        _ = update(&state, .accountLoaded(accounts[0], retry: nil))
        #expect(state.screen().hasPrefix("Northwind Logistics  key · active"))
    }

    @Test func aSaveUpdatesTheListsAsAFullRebuildWould() {
        var state = Fixture.state()
        state.rankDueList()  // as the due screen does; saves then merge into it
        var bright = Fixture.accounts[1]
        bright.name = "Aardvark Energy"  // moves to the top of the name order
        bright.concerns[0].respondedOn = Fixture.today
        bright.touchpoints.append(
            Touchpoint(
                day: Fixture.today, kind: .call, summary: "Call", followUp: Fixture.today.adding(days: 2)))
        state.store(bright)
        var accounts = Fixture.accounts
        accounts[1] = bright
        let rebuilt = Fixture.state().with(accounts)
        #expect(state.digests == rebuilt.digests)
        #expect(state.summaries == rebuilt.summaries)
        #expect(state.searchTexts == rebuilt.searchTexts)
        #expect(state.dueSlots == rebuilt.dueSlots)
        #expect(state.dueItems == rebuilt.dueItems)
        state.remove(bright.id)
        #expect(state.summaries.map(\.name) == ["Northwind Logistics", "Quillon Publishing"])
        #expect(!state.dueItems.contains { $0.accountID == bright.id })
        #expect(state.dueSlots == Fixture.state().with([Fixture.accounts[0], Fixture.accounts[2]]).dueSlots)
    }
}

extension AccountsScreenTests {
    /// The due list's follow-ups, made with the table's rows at start, stay in step with
    /// saves made before the due screen first shows (it then only sorts them).
    @Test func aSaveBeforeTheDueListFirstShowsIsInItWhenItShows() {
        for newName in ["Aardvark Energy", "Zephyr Energy"] {
            var state = Fixture.state()
            var bright = Fixture.accounts[1]
            bright.name = newName  // moves to the top, then the bottom, of the name order
            bright.concerns[0].respondedOn = Fixture.today
            bright.touchpoints.append(
                Touchpoint(
                    day: Fixture.today, kind: .call, summary: "Call", followUp: Fixture.today.adding(days: 2))
            )
            state.store(bright)
            state.rankDueList()
            var accounts = Fixture.accounts
            accounts[1] = bright
            let rebuilt = Fixture.state().with(accounts)
            #expect(state.dueSlots == rebuilt.dueSlots)
            #expect(state.dueItems == rebuilt.dueItems)
        }
        var state = Fixture.state()
        state.remove(Fixture.accounts[0].id)
        state.rankDueList()
        #expect(state.dueSlots == Fixture.state().with([Fixture.accounts[1], Fixture.accounts[2]]).dueSlots)
    }
}

extension AppState {
    /// The same state over other accounts, every list rebuilt from scratch.
    func with(_ accounts: [Account]) -> AppState {
        AppState(
            today: today, currency: currency, storePath: storePath, width: width, height: height,
            accounts: accounts,
            policy: policy, me: me, playbook: playbook)
    }
}
