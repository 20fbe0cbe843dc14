import RapportCore
import TUIKit
import Testing

@testable import RapportUI

@Suite struct PlanSectionTests {
    /// Northwind's account view, on the Plan section.
    func planState(_ accounts: [Account]? = nil) -> AppState {
        var state = Fixture.state()
        if let accounts {
            state.setDigests([])
            for account in accounts { state.store(account) }
        }
        state.press([.char("/")])
        state.type("north")
        state.press([.enter, .enter, .char("6")])
        return state
    }

    var northwind: Account { Fixture.accounts[0] }

    @Test func withoutAPlanItOffersThePlaybookAndNamesTheGaps() {
        var state = planState()
        #expect(
            state.screen() == """
                Northwind Logistics  key · active · growth · Maya Lindqvist
                €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
                No warning signs
                 1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan  7 Work 8 Hlth 9 Risk 0 Expt
                  No relationship plan yet.

                  A plan moves the relationship from what it is to what it needs to be, through
                  recurring items whose cadences drive the due list.

                  p  start from the playbook (keep, edit or drop each standard step)

                  ⚠ No indirect contacts: add the people our work affects (f)
                  ⚠ No regular meeting with the main contact: add the item










                p playbook  x done  w write  f fix gap  Tab section  l log  c concern  a add
                """)
    }

    @Test func startingFromThePlaybookKeepsEditsAndDropsSteps() throws {
        var state = planState()
        state.press([.char("p")])
        let form = state.screen()
        #expect(form.contains("New plan from the playbook · Northwind Logistics"))
        #expect(form.contains("‹ keep · quarterly · Dieter Brandt ›"))
        #expect(form.contains("‹ keep · quarterly · no indirect contact yet ›"))
        // Drop the indirect-contacts step (the third) and keep the rest.
        state.press([.down, .down, .right])
        let effects = state.press([.enter])
        guard case .mutate(_, let mutations, _)? = effects.first, case .startPlan(let plan)? = mutations.first
        else {
            Issue.record("expected a new plan, got \(effects)")
            return
        }
        #expect(
            plan.items.map(\.step) == [.seniorLeaders, .askWhatTheyWant, .mainContactMeeting, .outOfOffice])
        #expect(
            plan.items.map(\.contactIDs) == [
                [Fixture.id("con-dieter")], [Fixture.id("con-helena")], [Fixture.id("con-helena")],
                [Fixture.id("con-helena")]
            ])
        #expect(plan.items.allSatisfy { $0.owner == "Maya Lindqvist" && $0.startOn == Fixture.today })
        try state.perform(effects)
        #expect(
            state.screen() == """
                Northwind Logistics  key · active · growth · Maya Lindqvist
                €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
                No warning signs
                 1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan  7 Work 8 Hlth 9 Risk 0 Expt
                What it is:  not written yet (w)
                Needs to be: A relationship for life: we know their leaders, hear about problem…
                ⚠ No indirect contacts: add the people our work affects (f)
                What                With         Owner  Cadence   Last done  Next due   Status
                Meet their senior … Dieter Bran… Maya   quarterly never      2026-11-22 due
                Ask what they want… Helena Voss  Maya   yearly    never      2026-11-22 due
                Regular meeting wi… Helena Voss  Maya   monthly   never      2026-11-22 due
                Out-of-office time… Helena Voss  Maya   every 60… never      2026-11-22 due










                Plan started with 4 items; w writes what the relationship is and needs to be
                p playbook  x done  w write  f fix gap  Tab section  l log  c concern  a add
                """)
    }

    func withPlan() -> Account {
        var a = northwind
        a.plan = RelationshipPlan(
            createdOn: Fixture.today.adding(days: -100),
            items: [
                PlanItem(
                    id: Fixture.id("pi-meet"), title: "Monthly meeting with Helena",
                    step: .mainContactMeeting, owner: "Maya Lindqvist",
                    cadence: .monthly, contactIDs: [Fixture.id("con-helena")],
                    startOn: Fixture.today.adding(days: -100),
                    completions: [PlanCompletion(day: Fixture.today.adding(days: -40))]),
                PlanItem(
                    id: Fixture.id("pi-lunch"), title: "Lunch with Dieter", step: .outOfOffice,
                    owner: "Maya Lindqvist",
                    cadence: .quarterly, contactIDs: [Fixture.id("con-dieter")],
                    startOn: Fixture.today.adding(days: -20))
            ])
        return a
    }

    @Test func markingDoneRecordsTheCompletionAndMovesTheCadence() throws {
        var state = planState([withPlan()] + Fixture.accounts.dropFirst())
        #expect(
            state.screen().contains(
                "Monthly meeting wi… Helena Voss  Maya   monthly   2026-10-13 2026-11-13 overdue"))
        state.press([.char("x")])
        state.type("Agreed the phase three scope")
        try state.perform(state.press([.enter]))
        #expect(state.message == Message("Done: Monthly meeting with Helena; next due 2026-12-22"))
        let item = try #require(state.account(northwind.id)?.plan?.items.first)
        #expect(
            item.completions.last?.note == "Agreed the phase three scope" && item.lastDone == Fixture.today)
        let touch = try #require(state.account(northwind.id)?.touchpoints.last)
        #expect(
            touch.kind == .meeting && touch.planItemID == item.id
                && touch.contactIDs == [Fixture.id("con-helena")])
        #expect(
            state.screen().contains(
                "Monthly meeting wi… Helena Voss  Maya   monthly   2026-11-22 2026-12-22 on track"))
    }

    @Test func aNewItemIsDueFromItsStartAndDoneTodayMovesItOnVisibly() throws {
        var state = planState([withPlan()] + Fixture.accounts.dropFirst())
        state.press([.char("a")])
        state.type("Meet their senior leaders")
        try state.perform(state.press([.enter]))
        #expect(state.message == Message("Saved plan item: Meet their senior leaders; next due 2026-11-22"))
        #expect(
            state.screen().contains(
                "Meet their senior … -            Maya   monthly   never      2026-11-22 due"))
        state.press([.char("G"), .char("x")])
        state.type("Met the board")
        try state.perform(state.press([.enter]))
        #expect(state.message == Message("Done: Meet their senior leaders; next due 2026-12-22"))
        #expect(
            state.screen().contains(
                "Meet their senior … -            Maya   monthly   2026-11-22 2026-12-22 on track"))
    }

    @Test func aMatchingTouchpointIsOfferedAsTheItemsCompletion() throws {
        var state = planState([withPlan()] + Fixture.accounts.dropFirst())
        state.press([.char("l")])
        state.type("Call with Helena")
        let effects = state.press([.enter])
        #expect(
            state.overlay
                == .confirm(
                    .countForPlan(
                        account: northwind.id,
                        touch: {
                            guard case .mutate(_, let m, _)? = effects.first,
                                case .addTouchpoint(let t)? = m.first
                            else { return Fixture.id("tp-none") }
                            return t.id
                        }(), item: Fixture.id("pi-meet"), title: "Monthly meeting with Helena")))
        try state.perform(effects)
        try state.perform(state.press([.char("y")]))
        let item = try #require(state.account(northwind.id)?.plan?.items.first)
        #expect(item.lastDone == Fixture.today && item.nextDue?.iso == "2026-12-22")
    }

    @Test func aTouchpointThatDoesNotFitIsNotOffered() throws {
        var state = planState([withPlan()] + Fixture.accounts.dropFirst())
        // kind: email; no item accepts an email to Helena
        state.press([.char("l"), .up, .up, .right, .down, .down])
        state.type("Sent the minutes")
        _ = state.press([.enter])
        #expect(state.overlay == nil)
    }

    @Test func itemsCanBePausedReorderedEditedAndRemoved() throws {
        var state = planState([withPlan()] + Fixture.accounts.dropFirst())
        try state.perform(state.press([.char("z")]))
        #expect(state.account(northwind.id)?.plan?.items.first?.paused == true)
        #expect(state.screen().contains("-          paused"))
        try state.perform(state.press([.char("J")]))
        #expect(
            state.account(northwind.id)?.plan?.items.map(\.title) == [
                "Lunch with Dieter", "Monthly meeting with Helena"
            ])
        #expect(state.accountView?.table.selection == 1)
        state.press([.char("e")])
        #expect(state.screen().contains("Edit plan item · Northwind Logistics"))
        state.press([.ctrl("u")])
        state.type("Monthly steering meeting")
        try state.perform(state.press([.enter]))
        #expect(state.account(northwind.id)?.plan?.items.last?.title == "Monthly steering meeting")
        try state.perform(state.press([.char("d"), .char("y")]))
        #expect(state.message == Message("Deleted plan item \"Monthly steering meeting\" (u brings it back)"))
        #expect(state.account(northwind.id)?.plan?.items.map(\.title) == ["Lunch with Dieter"])
        try state.perform(state.press([.char("u")]))
        #expect(state.account(northwind.id)?.plan?.items.count == 2)
    }

    @Test func aBadCadenceIsNamedAndNothingIsLost() {
        var state = planState([withPlan()] + Fixture.accounts.dropFirst())
        state.press([.char("a")])
        state.type("Quarterly business review")
        state.press([.tab, .tab, .tab, .ctrl("u")])
        state.type("fortnightly-ish")
        #expect(state.press([.enter]).isEmpty)
        let screen = state.screen()
        #expect(screen.contains("'fortnightly-ish' is not a cadence"))
        #expect(screen.contains("Quarterly business review"))
    }

    @Test func fixingTheGapsAddsTheContactOrTheMeeting() throws {
        var state = planState()
        state.press([.char("f")])
        #expect(state.screen().contains("‹ indirect ›"))
        state.press([.escape])
        var planned = withPlan()
        planned.plan!.items.removeFirst()
        planned.contacts.append(Contact(name: "Sanne de Wit", level: .indirect))
        state.store(planned)
        let effects = state.press([.char("f")])
        guard case .mutate(_, let mutations, _)? = effects.first,
            case .addPlanItem(let item)? = mutations.first
        else {
            Issue.record("expected the meeting item, got \(effects)")
            return
        }
        #expect(
            item.step == .mainContactMeeting && item.cadence == .monthly
                && item.contactIDs == [Fixture.id("con-helena")])
    }

    @Test func exportWritesAMarkdownDocument() {
        var state = planState([withPlan()] + Fixture.accounts.dropFirst())
        let effects = state.press([.char("X")])
        guard case .export(let name, let text)? = effects.first else {
            Issue.record("expected an export, got \(effects)")
            return
        }
        #expect(name == "northwind-logistics-plan.md")
        #expect(
            text.contains(
                "| Monthly meeting with Helena | Helena Voss | Maya Lindqvist | monthly | 2026-10-13 | 2026-11-13 |"
            ))
        #expect(
            text.contains("## Still missing\n\n- No indirect contacts: add the people our work affects\n"))
    }
}
