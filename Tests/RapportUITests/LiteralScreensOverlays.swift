import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// Every kind of overlay, each opened with its key.
@Suite struct LiteralScreensOverlays {
    /// Two questions whose first has the id the fixture's litmus checks answered.
    static let questions = LitmusQuestionSet(
        version: 1, introducedOn: Fixture.today.adding(years: -1),
        questions: [
            LitmusQuestion(id: "a", text: "Do we know their senior leaders?", hint: "Met one this quarter."),
            LitmusQuestion(id: "b", text: "Is there a regular meeting with the main contact?")
        ])

    @Test func helpOverlayOnTheAccountsTableScrolledTwoRows() {
        var state = Fixture.state()
        // Two rows down, past the navigation row, whose keys the first page cuts to "j k ↓ ↑ g G Hom…".
        state.press([.char("?"), .char("j"), .char("j")])
        expectScreen(
            &state,
            """
            Accounts  3 of 3 · €1.64M/yr · by name
            A┌─ Rapport help ─────────────────────────────────────────────────────────────┐
            B│   Enter            Open the selected account                               │
            N│   /                Filter as you type (name, owner, tags, contacts); Esc   │
            Q│                    clears                                                  │
             │   s                Cycle the sort: name, value, health, last, next, flags, │
             │                    tier, renewal                                           │
             │   t                Cycle the tier filter: all, key, core, standard         │
             │   S                Cycle the status filter: all, active, at risk, lost,    │
             │                    former                                                  │
             │   o                Cycle the owner filter through the owners               │
             │   x                Clear every filter                                      │
             │   r                Turn the sort round                                     │
             │   f                Cycle the warning-flag filter (:filter combines them)   │
             │   l                Log a touchpoint for the selected account               │
             │   c                Record a customer concern for the selected account      │
             │   a                Add an account                                          │
             │   e                Edit the selected account's facts                       │
             │   d                Delete the selected account (asks first; u undoes)      │
             │   u                Undo the last delete                                    │
             │   q                Quit                                                    │
             │ j/k scroll · Esc or ? closes                                               │
             └────────────────────────────────────────────────────────────────────────────┘
            Enter open  / filter  s sort  l log  c concern  a add  ? help  D due  Q quit
            """)
    }

    @Test func logTouchpointForm() {
        var state = openedNorthwind()
        state.press([.char("l")])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Overview  2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Season: growth — Invest: widen the relationship while things go well.
            Market: Logistics · customer since 2017-03-01 · tags: eu
            People: 1 main contact, 1 senior leader · team of 1
            No┌─ Log a touchpoint · Northwind Logistics ─────────────────────────────────┐
            No│ Kind       ‹ call ›                                                      │
              │ With       ‹ Helena Voss ›                                               │
            Re│ Summary                                                                  │
              │ Sentiment  ‹ neutral ›                                                   │
              │ On         today                                                         │
              │ Follow up  optional: +3d, fri, 2026-12-01                                │
              │                                                                          │
              │ Enter save · Tab next · Esc cancel                                       │
              └──────────────────────────────────────────────────────────────────────────┘






            Enter save  Tab next field  ←→ choose  Esc cancel
            """)
    }

    @Test func confirmDeletingAContact() {
        var state = openedNorthwind()
        state.press([.char("2"), .char("j"), .char("d")])
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


                                   ┌─ Confirm ─────────────────────┐
                                   │ Delete contact Dieter Brandt? │
                                   │                               │
                                   │ y yes · n or Esc no           │
                                   └───────────────────────────────┘









            Tab section  l log  c concern  a add  e edit  d del  Esc back  ? help  D due
            """)
    }

    @Test func commandLineWhileTyping() {
        var state = Fixture.state()
        state.press([.char(":")])
        state.type("account North")
        expectScreen(
            &state,
            """
            Accounts  3 of 3 · €1.64M/yr · by name
            Account              Tier Owner    Value Status  Hlth  Last  Next Flags
            Brightline Energy    core Tom      €380k at risk    -   30d   -7d late reply +2
            Northwind Logistics  key  Maya    €1.24M active  100↑    2d today
            Quillon Publishing   std  Tom       €18k active     - never today no senior +1

















            :account North
            Enter run  Esc cancel
            """)
    }

    @Test func litmusRunnerOnTheFirstQuestion() throws {
        var state = try northwindHealthWithAMeasure()
        // The questions a store holds; the app's launcher sets them the same way.
        state.litmus = Self.questions
        state.press([.char("t")])
        expectScreen(
            &state,
            """
            Northwind Logistics  key · active · growth · Maya Lindqvist
            €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
            No warning signs
             1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Health  9 Risk 0 Expt
            Li┌─ Litmus test · Northwind Logistics · question 1 of 2 · version 1 ────────┐
            Tr│ Do we know their senior leaders?                                         │
            Re│ Met one this quarter.                                                    │
            Se│                                                                          │
              │ Last time: Yes                                                           │
            Me│                                                                          │
            Ac│  0 No   1 Rarely   2 Partly   3 Mostly   4 Yes                           │g
              │                                                                          │
              │                                                                          │
              │                                                                          │
              │                                                                          │
              │                                                                          │
              │                                                                          │
              │                                                                          │
              │ 0–4 answer · c comment · ← back · Esc cancel                             │
              └──────────────────────────────────────────────────────────────────────────┘



            0–4 answer  c comment  ← back  Esc cancel
            """)
    }
}
