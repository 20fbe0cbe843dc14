import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// Sections 2 to 5 of Northwind Logistics, each reached with its number key (the
/// Overview's whole screen is AccountScreenTests.overviewAt80x24; the due list's,
/// DueScreenTests.dueListAt80x24).
@Suite struct LiteralScreensSections1to5 {
    @Test func contactsSection() {
        var state = openedNorthwind()
        state.press([.char("2")])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Contacts  3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Name                 Title                Level         Prefers    Last Touch
            Helena Voss          Head of Procurement  main contact  video        2d 14/30d
            Dieter Brandt        COO                  senior leader in person   12d -
















            Tab section  l log  c concern  a add  e edit  d del  Esc back  ? help  D due
            """)
    }

    @Test func teamSection() {
        var state = openedNorthwind()
        state.press([.char("3")])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team  4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Name               Role              Responsibility
            Luis Ortega        delivery          Rollout

















            Tab section  l log  c concern  a add  e edit  d del  Esc back  ? help  D due
            """)
    }

    @Test func timelineSection() {
        var state = openedNorthwind()
        state.press([.char("4")])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Timeline  5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Date       Kind            What
            2026-11-20 meeting         Planned phase three — Helena Voss
            2026-11-10 call            Rotterdam hub — Helena Voss, Dieter Brandt
















            Tab section  l log  c concern  a add  e edit  d del  Esc back  ? help  D due
            """)
    }

    @Test func concernsSectionWithAConcernJustRecorded() throws {
        var state = openedNorthwind()
        state.press([.char("c")])
        state.type("Invoices go to the wrong address")
        try state.perform(state.press([.enter]))
        state.press([.char("5")])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Time 5 Concerns  6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Raised     Severity Status      Respond by  Concern
            2026-11-22 medium   open        2026-11-27  Invoices go to the wrong address

















            w worksheet  Tab section  l log  c concern  a add  e edit  d del  Esc back
            """)
    }
}
