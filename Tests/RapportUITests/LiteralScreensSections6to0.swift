import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// Northwind's Health section with one measure tracked (m, a name and a unit, Enter).
func northwindHealthWithAMeasure() throws -> AppState {
    var state = openedNorthwind()
    state.press([.char("8"), .char("m")])
    state.type("Active users")
    state.press([.tab])
    state.type("users")
    try state.perform(state.press([.enter]))
    return state
}

/// Sections 6 to 9 and 0 of Northwind Logistics, each reached with its number key and
/// given a record through its own keys.
@Suite struct LiteralScreensSections6to0 {
    @Test func planSectionStartedFromThePlaybook() throws {
        var state = openedNorthwind()
        state.press([.char("6"), .char("p")])
        try state.perform(state.press([.enter]))
        // w writes what the relationship is and (replacing the playbook's) what it needs to be.
        state.press([.char("w")])
        state.type("Trusted by procurement")
        state.press([.tab, .ctrl("u")])
        state.type("Known by their leaders")
        try state.perform(state.press([.enter]))
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan  7 Work 8 Hlth 9 Risk 0 Expt
            What it is:  Trusted by procurement
            Needs to be: Known by their leaders
            ⚠ No indirect contacts: add the people our work affects (f)
            What                With         Owner  Cadence   Last done  Next due   Status
            Meet their senior … Dieter Bran… Maya   quarterly never      2026-11-22 due
            Ask what they want… Helena Voss  Maya   yearly    never      2026-11-22 due
            Update indirect co… -            Maya   quarterly never      2026-11-22 due
            Regular meeting wi… Helena Voss  Maya   monthly   never      2026-11-22 due
            Out-of-office time… Helena Voss  Maya   every 60… never      2026-11-22 due









            Plan updated
            p playbook  x done  w write  f fix gap  Tab section  l log  c concern  a add
            """)
    }

    @Test func worksheetsSectionWithOneWorksheet() throws {
        var state = openedNorthwind()
        state.press([.char("7"), .char("n")])
        state.type("Rollout delays")
        try state.perform(state.press([.enter]))
        state.press([.escape])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Worksheets  8 Hlth 9 Risk 0 Expt
            Worksheet             Concern               Step           Status     Next
            Rollout delays        -                     1 Define       open       -

















            n new  Enter open  Tab section  l log  c concern  a add  e edit  d del  Esc back
            """)
    }

    @Test func healthSectionWithAMeasure() throws {
        var state = try northwindHealthWithAMeasure()
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Health  9 Risk 0 Expt
            Litmus 100 (+25) on 2026-11-12 · questions v1 · every 91 days, next 2027-02-11
            Trend  ▆█
            Recent 2026-11-12 100 v1 · 2026-08-14 75 v1
            Season growth since 2017-03-01 (Account created)

            Measure                           Latest  Change Last 12 months
            Active users                           -       -                October missing











            Saved measure Active users
            t litmus  r reading  m measure  Tab section  l log  c concern  a add  e edit
            """)
    }

    @Test func risksSectionWithARisk() throws {
        var state = openedNorthwind()
        state.press([.char("9"), .char("a")])
        state.type("Packaging levy raises their costs 8%")
        try state.perform(state.press([.enter]))
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risks  0 Expt
            Disruption                                  Kind         State        Review
            Packaging levy raises their costs 8%        market down… hypothetical 2026-12-22

            Our contact                Their company              Their market
            risk: ?                    risk: ?                    risk: ?
            → likely response: ?       → likely response: ?       → likely response: ?












            Saved risk: Packaging levy raises their costs 8%
            o occurred  Tab section  l log  c concern  a add  e edit  d del  Esc back
            """)
    }

    @Test func expectationsSectionWithAChecklistAndAGoal() throws {
        var state = openedNorthwind()
        state.press([.char("0"), .char("n")])
        // Every answer but "met the team" and "if we miss".
        for (text, choose) in [
            ("Rollout", false), ("Weekly reports", false), ("Late answers", false),
            ("Hubs open on time", false), ("", true), ("", true), ("Quarterly reviews", false),
            ("March 2027", false), ("", true), ("Six hubs", false), ("Weekly call", false),
            ("Floor plans", false), ("Luis runs the rollout", false)
        ] {
            state.type(text)
            if choose { state.press([.right]) }
            state.press([.tab])
        }
        try state.perform(state.press([.enter]))
        state.press([.char("a")])
        state.type("Every hub live by March")
        state.press([.tab])
        state.type("90")
        try state.perform(state.press([.enter]))
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expectations
            Rollout · agreed 2026-11-22
            Still blank (w): met the team, if we miss
            If we miss: not agreed yet

            Goal                                   Chance                    Barriers
            Every hub live by March                   90%                    0 ours, 0 not












            Saved goal
            w checklist  n project  Tab section  l log  c concern  a add  e edit  d del
            """)
    }
}
