import RapportCore
import TUIKit
import Testing

@testable import RapportUI

@Suite struct AccountScreenTests {
    func opened(_ name: String = "Northwind", width: Int = 80, height: Int = 24) -> AppState {
        var state = Fixture.state(width: width, height: height)
        state.press([.char(":")])
        state.type("account \(name)")
        state.press([.enter])
        return state
    }

    @Test func overviewAt80x24() {
        var state = opened()
        let expected = """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Overview  2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Season: growth — Invest: widen the relationship while things go well.
            Market: Logistics · customer since 2017-03-01 · tags: eu
            People: 1 main contact, 1 senior leader · team of 1
            No open concerns
            No expectations written down yet (0)

            Recent touchpoints
              2026-11-20  meeting         Planned phase three
              2026-11-10  call            Rotterdam hub
            """ + String(repeating: "\n", count: 10) + """

                Tab section  l log  c concern  a add  e edit  d del  Esc back  ? help  D due
                """
        #expect(state.screen() == expected)
    }

    @Test func sectionsByTabAndNumber() {
        var state = opened()
        state.press([.tab])
        #expect(state.accountView?.section == .contacts)
        let contacts = state.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            contacts[4] == "Name                 Title                Level         Prefers    Last Touch")
        #expect(
            contacts[5] == "Helena Voss          Head of Procurement  main contact  video        2d 14/30d")
        #expect(contacts[6] == "Dieter Brandt        COO                  senior leader in person   12d -")
        state.press([.char("5")])
        #expect(state.accountView?.section == .concerns)
        state.press([.backTab])
        #expect(state.accountView?.section == .timeline)
        let timeline = state.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(timeline[5] == "2026-11-20 meeting         Planned phase three — Helena Voss")
        #expect(timeline[6] == "2026-11-10 call            Rotterdam hub — Helena Voss, Dieter Brandt")
        state.press([.escape])
        #expect(state.screen == .accounts)
    }

    @Test func concernsShowOverdueResponsesAndFlags() {
        var state = opened("bright", width: 100, height: 30)
        let lines = state.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "⚠ late reply · no senior · one contact")
        state.press([.char("5")])
        let concerns = state.screen().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(concerns[5].hasPrefix("2026-11-13 critical open        2026-11-15! Late incident reports"))
    }

    @Test func loggingACallTakesTwoKeysPlusTheText() {
        var state = opened()
        var effects = state.press([.char("l")])
        effects += state.type("Call about the rollout")
        effects += state.press([.enter])
        #expect(effects.count == 1)
        guard case .mutate(let id, let mutations, let message)? = effects.first,
            case .addTouchpoint(let touch)? = mutations.first
        else {
            Issue.record("expected a touchpoint to be saved, got \(effects)")
            return
        }
        #expect(id == Fixture.id("acc-north"))
        #expect(touch.kind == .call && touch.summary == "Call about the rollout")
        #expect(touch.contactIDs == [Fixture.id("con-helena")])
        #expect(touch.day == Fixture.today && touch.followUp == nil)
        #expect(message == "Logged call at Northwind Logistics")
        #expect(state.overlay == nil)
    }

    @Test func aConcernCannotBeDueBeforeItWasRaised() {
        var state = opened()
        state.press([.char("c")])
        state.type("Late invoices")
        state.press([.tab, .tab, .tab])
        state.type("2026-11-01")
        #expect(state.press([.enter]).isEmpty)
        guard case .form(_, let form)? = state.overlay else {
            Issue.record("the form closed")
            return
        }
        #expect(form["respondBy"]?.error == "2026-11-01 is before the day the concern was raised, 2026-11-22")
    }

    @Test func theLogFormChangesKindContactAndFollowUp() {
        var state = opened()
        // "m" picks the first kind starting with m, meeting; again, the next: meal.
        state.press([.char("l"), .backTab, .backTab, .char("m"), .char("m"), .tab, .right])
        state.press([.tab])
        state.type("Lunch")
        state.press([.tab, .left, .tab, .tab])
        state.type("fri")
        let effects = state.press([.enter])
        guard case .mutate(_, let mutations, _)? = effects.first,
            case .addTouchpoint(let t)? = mutations.first
        else {
            Issue.record("expected a touchpoint, got \(effects)")
            return
        }
        #expect(t.kind == .meal)
        #expect(t.contactIDs == [Fixture.id("con-dieter")])
        #expect(t.sentiment == .positive)
        #expect(t.followUp?.iso == "2026-11-27")
    }

    @Test func badInputKeepsTheFormOpenWithAMessage() {
        var state = opened()
        state.press([.char("l")])
        state.press([.tab, .tab, .tab])
        state.type("someday")
        let effects = state.press([.enter])
        #expect(effects.isEmpty)
        guard case .form(_, let form)? = state.overlay else {
            Issue.record("the form should stay open")
            return
        }
        #expect(form["summary"]?.error == "the summary is empty; say in a line what happened")
        #expect(form["followUp"]?.error == "'someday' is not a date; expected \(DayParser.accepted)")
        #expect(form.focus == 2)
        #expect(state.message == Message("Not saved: fix the marked field", isError: true))
        let screen = state.screen()
        #expect(screen.contains("↳ the summary is empty; say in a line what happened"))
    }

    @Test func recordingAConcernDefaultsTheResponseDateBySeverity() {
        var state = opened()
        state.press([.char("c")])
        state.type("Invoices go to the wrong address")
        state.press([.tab, .char("h")])
        let effects = state.press([.enter])
        guard case .mutate(_, let mutations, let message)? = effects.first,
            case .addConcern(let c)? = mutations.first
        else {
            Issue.record("expected a concern, got \(effects)")
            return
        }
        #expect(
            c.severity == .high && c.respondBy?.iso == "2026-11-24" && c.raisedBy == Fixture.id("con-helena"))
        #expect(message == "Recorded high concern at Northwind Logistics; respond by 2026-11-24")
    }

    @Test func contactsCanBeAddedEditedAndDeletedWithUndo() {
        var state = opened()
        state.press([.char("2"), .char("a")])
        state.type("Sanne de Wit")
        state.press([.tab])
        state.type("Systems Lead")
        state.press([.tab, .char("i"), .tab, .tab, .tab])
        state.type("30")
        var effects = state.press([.enter])
        #expect(effects.isEmpty, "only one interval given")
        // Focus went to the field in error.
        state.type("60")
        effects = state.press([.enter])
        guard case .mutate(_, let mutations, _)? = effects.first,
            case .addContact(let c)? = mutations.first
        else {
            Issue.record("expected a contact, got \(effects)")
            return
        }
        #expect(c.name == "Sanne de Wit" && c.title == "Systems Lead" && c.level == .indirect)
        #expect(c.keepInTouch == KeepInTouch(idealDays: 30, maximumDays: 60))

        state.press([.char("j"), .char("d")])
        #expect(state.screen().contains("Delete contact Dieter Brandt?"))
        effects = state.press([.char("y")])
        #expect(
            effects == [
                .mutate(
                    Fixture.id("acc-north"), [.removeContact(Fixture.id("con-dieter"))],
                    message: "Deleted contact Dieter Brandt (u brings it back)")
            ])
        let dieter = Fixture.accounts[0].contacts[1]
        #expect(
            state.press([.char("u")]) == [
                .mutate(
                    Fixture.id("acc-north"), [.addContact(dieter)],
                    message: "Restored contact Dieter Brandt")
            ])
    }

    @Test func editingTheAccountRecordsASeasonChange() throws {
        var state = opened()
        state.press([.char("e"), .tab, .tab, .tab, .tab, .char("t"), .tab])
        state.type("Changed in Rapport")
        let effects = state.press([.enter])
        guard case .mutate(let id, let mutations, _)? = effects.first,
            case .editFacts(let base, let mine)? = mutations.first
        else {
            Issue.record("expected facts, got \(effects)")
            return
        }
        var account = Fixture.accounts[0]
        #expect(base == AccountFacts(account), "the facts as the form opened")
        try Mutation.editFacts(base: base, mine: mine).apply(to: &account, today: Fixture.today)
        #expect(id == account.id)
        #expect(account.season == .tension)
        #expect(
            account.seasonHistory.last
                == SeasonChange(day: Fixture.today, season: .tension, reason: "Changed in Rapport"))
    }

    @Test func aSeasonChangeWithoutAReasonAsksWhy() {
        var state = opened()
        state.press([.char("e"), .tab, .tab, .tab, .tab, .char("t")])
        #expect(state.press([.enter]).isEmpty)
        #expect(state.screen().contains("↳ why does the season change to tension?"))
        guard case .form(_, let form)? = state.overlay else {
            Issue.record("the form closed")
            return
        }
        #expect(form.fields[form.focus].key == "seasonReason")
        // The same season, or a reason given, saves.
        state.type("Budget freeze")
        #expect(!state.press([.enter]).isEmpty)
        var unchanged = opened()
        unchanged.press([.char("e")])
        #expect(!unchanged.press([.enter]).isEmpty)
    }

    @Test func aRefusedSaveIsShownAndTheScreenReloads() {
        var state = opened()
        let effects = update(&state, .failed("'Northwind Logistics' was changed by someone else"))
        #expect(effects == [.reload])
        #expect(state.message == Message("'Northwind Logistics' was changed by someone else", isError: true))
    }

    @Test func terminatingMidEditSavesTheForm() {
        var state = opened()
        state.press([.char("l")])
        state.type("Half-typed note")
        let effects = update(&state, .terminate)
        #expect(effects.count == 1)
        if case .mutate(_, let mutations, _)? = effects.first, case .addTouchpoint(let t)? = mutations.first {
            #expect(t.summary == "Half-typed note")
        } else {
            Issue.record("expected the pending touchpoint to be saved, got \(effects)")
        }
        #expect(state.quitting)
    }

    @Test func editorTextLandsInTheField() {
        var state = opened()
        state.press([.char("c"), .tab, .tab, .tab, .tab])
        #expect(state.press([.ctrl("o")]) == [.openEditor(field: "detail", text: "")])
        _ = update(&state, .edited(field: "detail", text: "Line one\nLine two", error: nil))
        guard case .form(_, let form)? = state.overlay else {
            Issue.record("form closed")
            return
        }
        #expect(form["detail"]?.value == "Line one\nLine two")
        _ = update(
            &state,
            .edited(
                field: "detail", text: nil,
                error: "No editor: set $VISUAL or $EDITOR (e.g. export EDITOR=nano)"))
        #expect(state.message?.isError == true)
    }

    @Test func removingAContactCleansEveryReference() throws {
        var account = Fixture.accounts[0]
        try Mutation.removeContact(Fixture.id("con-dieter")).apply(to: &account, today: Fixture.today)
        #expect(account.contacts.map(\.name) == ["Helena Voss"])
        #expect(account.touchpoints.allSatisfy { !$0.contactIDs.contains(Fixture.id("con-dieter")) })
        #expect(account.validate(today: Fixture.today).isEmpty)
    }
}
