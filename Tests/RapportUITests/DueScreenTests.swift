import RapportCore
import TUIKit
import Testing

@testable import RapportUI

@Suite struct DueScreenTests {
    func dueState(me: String = "") -> AppState {
        var state = Fixture.state(me: me)
        state.press([.char("D")])
        return state
    }

    @Test func dueListAt80x24() {
        var state = dueState()
        #expect(
            state.screen() == """
                Follow-ups  7 · 1 overdue · everyone · next 30 days
                Overdue (1)
                    7d over Brightline Energy Respond: Late incident reports concern      Tom
                Today (5)
                      today Northwind Logist… Measure customer satisfaction  satisfaction Maya
                      today Brightline Energy Run the litmus test            litmus test  Tom
                      today Brightline Energy Measure customer satisfaction  satisfaction Tom
                      today Quillon Publishi… Run the litmus test            litmus test  Tom
                      today Quillon Publishi… Measure customer satisfaction  satisfaction Tom
                Later (1)
                     in 12d Northwind Logist… Touch base with Helena Voss, … keep in tou… Maya












                Enter open  x done  z snooze  m mine  / filter  Esc back  ? help  D due  Q quit
                """)
    }

    @Test func reachableFromTheAccountsByOneKeyAndByCommand() {
        var state = Fixture.state()
        state.press([.char("D")])
        #expect(state.screen == .due)
        state.press([.char("q")])
        #expect(state.screen == .accounts)
        state.press([.char(":")])
        state.type("due")
        state.press([.enter])
        #expect(state.screen == .due)
    }

    @Test func doneRecordsTheResponseAndTheItemLeaves() throws {
        var state = dueState(me: "Maya Lindqvist")
        state.press([.char("x")])
        #expect(state.screen().contains("Done · Brightline Energy: Respond: Late incident reports"))
        state.type("Called Oliver with the fix date")
        let effects = state.press([.enter])
        #expect(
            effects == [
                .mutate(
                    Fixture.id("acc-bright"),
                    [
                        .completeFollowUp(
                            .concern(Fixture.id("cn-1")),
                            DueCompletion(
                                day: Fixture.today, note: "Called Oliver with the fix date",
                                by: "Maya Lindqvist"))
                    ], message: "Done: Respond: Late incident reports")
            ])
        try state.perform(effects)
        #expect(state.message == Message("Response recorded for \"Late incident reports\""))
        #expect(!state.shownDueItems.contains { $0.source == .concern })
        let brightline = try #require(state.account(Fixture.id("acc-bright")))
        #expect(
            brightline.touchpoints.last?.summary
                == "Responded to concern: Late incident reports: Called Oliver with the fix date")
    }

    @Test func aReadingNeedsItsValue() throws {
        var state = dueState()
        state.press([.down, .char("x")])
        #expect(state.screen().contains("Done · Northwind Logistics: Measure customer satisfaction"))
        #expect(state.press([.enter]).isEmpty)
        #expect(state.screen().contains("The value is required"))
        state.type("inf")
        #expect(state.press([.enter]).isEmpty)
        #expect(state.screen().contains("'inf' is out of range; a reading is within ±1e12"))
        state.press([.ctrl("u")])
        state.type("8,5")
        let effects = state.press([.enter])
        try state.perform(effects)
        let northwind = try #require(state.account(Fixture.id("acc-north")))
        #expect(northwind.measures.first { $0.isSatisfaction }?.readings.map(\.value) == [8.5])
        #expect(!state.shownDueItems.contains { $0.accountID == northwind.id && $0.source == .satisfaction })
    }

    @Test func snoozeMovesTheItemToItsNewDay() throws {
        var state = dueState()
        state.press([.char("z")])
        #expect(state.screen().contains("Snooze · Brightline Energy: Respond: Late incident reports"))
        state.press([.down])
        state.type("Oliver is on leave")
        try state.perform(state.press([.enter]))
        #expect(state.message == Message("Snoozed until 2026-11-29: Respond: Late incident reports"))
        let screen = state.screen()
        #expect(
            screen.contains(
                "This week (1)\n      in 7d Brightline Energy snoozed · Respond: Late incid… concern      Tom"
            ))
        #expect(screen.hasPrefix("Follow-ups  7 · 0 overdue"))
    }

    @Test func enterOpensTheAccountAtTheItemsOwnRecord() {
        var accounts = Fixture.accounts
        // A less severe concern, due this week: the concerns section shows it second.
        accounts[1].concerns.insert(
            Concern(
                id: Fixture.id("cn-2"), raisedOn: Fixture.today.adding(days: -2), summary: "Invoice format",
                severity: .low, respondBy: Fixture.today.adding(days: 3)), at: 0)
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 80, height: 24,
            accounts: accounts, playbook: Fixture.playbook)
        state.press([.char("D")])
        for ref in [DueRef.concern(Fixture.id("cn-2")), .concern(Fixture.id("cn-1"))] {
            var s = state
            guard let i = s.shownDueItems.firstIndex(where: { $0.ref == ref }) else {
                Issue.record("\(ref) is not due")
                continue
            }
            s.press(Array(repeating: .down, count: i) + [.enter])
            guard case .account(let view) = s.screen, let a = s.account(Fixture.id("acc-bright")) else {
                Issue.record("the account did not open")
                continue
            }
            #expect(view.section == .concerns)
            #expect(.concern(ConcernsSection.concerns(a)[view.table.selection].id) == ref)
        }
    }

    @Test func tJumpsToTodayAndHLooksFurtherAhead() {
        var accounts = Fixture.accounts
        accounts[1].concerns.append(
            Concern(
                id: Fixture.id("cn-far"), raisedOn: Fixture.today, summary: "Contract wording",
                severity: .low, respondBy: Fixture.today.adding(days: 60)))
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 120, height: 40,
            accounts: accounts, playbook: Fixture.playbook)
        state.press([.char("D")])
        state.press([.char("G"), .char("t")])
        #expect(state.shownDueItems[state.due.table.selection].band(on: Fixture.today) == .today)
        #expect(state.shownDueItems[state.due.table.selection - 1].band(on: Fixture.today) == .overdue)
        let far = DueRef.concern(Fixture.id("cn-far"))
        #expect(!state.shownDueItems.contains { $0.ref == far })
        var screen = state.screen()
        #expect(screen.contains("t today  h horizon"))
        #expect(screen.hasPrefix("Follow-ups  7 · 1 overdue · everyone · next 30 days"))
        state.press([.char("h")])
        screen = state.screen()
        #expect(screen.hasPrefix("Follow-ups  9 · 1 overdue · everyone · next 90 days"))
        #expect(state.shownDueItems.contains { $0.ref == far })
        state.press([.char("h")])
        #expect(state.screen().contains("next 365 days"))
        state.press([.char("h")])
        #expect(state.screen().hasPrefix("Follow-ups  7 · 1 overdue · everyone · next 30 days"))
        state.press([.char("?")])
        screen = state.screen()
        #expect(screen.contains("Jump to the first item due today"))
        #expect(screen.contains("Look further ahead: the next 30, 90 or 365 days"))
    }

    @Test func typingReplacesTheSnoozesPrefilledDay() throws {
        var state = dueState()
        state.press([.char("z")])
        state.type("mon")
        try state.perform(state.press([.enter]))
        #expect(state.message == Message("Snoozed until 2026-11-23: Respond: Late incident reports"))

        var moved = dueState()
        moved.press([.char("z"), .left])
        moved.type("2")
        guard case .form(_, let form)? = moved.overlay else {
            Issue.record("the snooze form is not open")
            return
        }
        #expect(form["until"]?.value == "+12w")
    }

    @Test func aPastSnoozeDayIsRefusedInTheForm() {
        var state = dueState()
        state.press([.char("z"), .ctrl("u")])
        state.type("yesterday")
        #expect(state.press([.enter]).isEmpty)
        #expect(state.screen().contains("2026-11-21 is not after today"))
    }

    @Test func mineShowsOnlyTheUsersItems() {
        var state = dueState(me: "Maya Lindqvist")
        state.press([.char("m")])
        #expect(Set(state.shownDueItems.map(\.owner)) == ["Maya Lindqvist"])
        #expect(state.screen().hasPrefix("Follow-ups  2 · 0 overdue · Maya Lindqvist"))
        state.press([.char("m")])
        #expect(state.shownDueItems.count == 7)

        var anonymous = dueState()
        anonymous.press([.char("m")])
        #expect(anonymous.message?.isError == true)
        #expect(anonymous.shownDueItems.count == 7)
    }

    @Test func filterAsYouType() {
        var state = dueState()
        state.press([.char("/")])
        state.type("quillon")
        #expect(state.shownDueItems.map(\.accountName) == ["Quillon Publishing", "Quillon Publishing"])
        state.press([.escape])
        #expect(state.shownDueItems.count == 7)
    }

    @Test func filterFindsTextWithABackslash() throws {
        var accounts = Fixture.accounts
        accounts[2].touchpoints.append(
            Touchpoint(
                day: Fixture.today, kind: .email, summary: #"Fix C:\reports\late"#,
                followUp: Fixture.today.adding(days: 1)))
        var state = Fixture.state().with(accounts)
        state.press([.char("D"), .char("/")])
        state.type(#"c:\reports"#)
        #expect(state.shownDueItems.map(\.title) == [#"Follow up: Fix C:\reports\late"#])
    }

    @Test func enterOpensTheAccountAtTheRightSectionAndEscComesBack() {
        var state = dueState()
        state.press([.enter])
        #expect(state.screen.accountID == Fixture.id("acc-bright"))
        #expect(state.accountView?.section == .concerns)
        state.press([.escape])
        #expect(state.screen == .due)
        state.press([.char("G"), .enter])
        #expect(state.accountView?.section == .contacts)
    }

    @Test func doneOnALitmusItemStartsTheTest() {
        var state = dueState()
        state.litmus = LitmusQuestionSet(
            version: 1, introducedOn: Fixture.today,
            questions: [LitmusQuestion(id: "a", text: "Senior access?")])
        state.press([.down, .down, .char("x")])
        #expect(state.screen.accountID == Fixture.id("acc-bright") && state.accountView?.section == .health)
        guard case .litmus(let run)? = state.overlay else {
            Issue.record("no litmus run: \(String(describing: state.overlay))")
            return
        }
        #expect(run.account == Fixture.id("acc-bright") && run.set.version == 1)
    }

    @Test func theLitmusTestCannotBeTickedOff() {
        var state = dueState()
        state.press([.down, .down, .char("x")])
        #expect(state.overlay == nil)
        #expect(state.screen.accountID == Fixture.id("acc-bright"))
        #expect(state.message?.text.hasPrefix("The litmus test is done by answering its questions") == true)
    }

    @Test func theAccountsTableShowsTheNextDueFromTheSameEngine() {
        var state = Fixture.state()
        let summaries = visibleAccounts(state)
        for summary in summaries {
            let account = state.account(summary.id)!
            #expect(
                summary.nextDue == DueList.next(for: account, on: Fixture.today, policy: state.policy)?.due)
        }
        state.press([.char("s"), .char("s"), .char("s"), .char("s")])
        #expect(state.list.sort == .nextDue)
        #expect(visibleAccounts(state).first?.name == "Brightline Energy")
    }

    @Test func aWorksheetActionOpensTheWorksheetAtItsStep() {
        var accounts = Fixture.accounts
        let action = WorksheetAction(
            id: Fixture.id("ac-fix"), text: "Fix the report job", owner: "Tom Okafor",
            due: Fixture.today.adding(days: -2))
        accounts[1].worksheets = [
            Worksheet(
                id: Fixture.id("ws-late"), title: "Late reports", createdOn: Fixture.today, actions: [action])
        ]
        var state = AppState(
            today: Fixture.today, currency: "EUR", storePath: "/tmp/store", width: 80, height: 24,
            accounts: accounts)
        state.press([.char("D")])
        let index = state.shownDueItems.firstIndex { $0.title == "Fix the report job" }!
        state.due.table.selection = index
        state.press([.enter])
        #expect(
            state.worksheetEditor?.account == Fixture.id("acc-bright")
                && state.worksheetEditor?.worksheet == Fixture.id("ws-late"))
        #expect(state.worksheetEditor?.step == .action)
        #expect(state.screen().contains("Fix the report job"))
    }
}
