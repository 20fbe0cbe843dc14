import RapportCore
import TUIKit
import Testing

@testable import RapportUI

@Suite struct WorksheetEditorTests {
    /// Brightline's Concerns section, its critical concern selected.
    func concernsState() -> AppState {
        var state = Fixture.state()
        state.press([.char(":")])
        state.type("account bright")
        state.press([.enter, .char("5")])
        return state
    }

    /// A worksheet started from the concern, open in the editor.
    func editorState() throws -> AppState {
        var state = concernsState()
        try state.perform(state.press([.char("w")]) + state.press([.enter]))
        return state
    }

    var current: (AppState) -> Worksheet? = { state in
        state.account(Fixture.id("acc-bright"))?.worksheets.first
    }

    @Test func aConcernStartsAWorksheetWithDefinePrefilled() throws {
        var state = try editorState()
        #expect(
            state.screen() == """
                Brightline Energy · Late incident reports                     open · step 1 of 7

                Root cause          Step 1 · Define
                 ◐ 1 Define         Say what the problem is in the customer's own terms, what we
                 · 2 Explore        know for certain, and what we would still need to find out.
                 · 3 Solution
                 · 4 Implications   The problem
                Execution             Late incident reports
                 · 5 Decision       What we know
                 · 6 Action           Raised on 2026-11-13, critical severity.
                 · 7 Evaluation     What we still need to find out
                                      not written yet









                Focus: - · Accountable: Tom Okafor · Talk: -
                Worksheet started: work through the seven steps (Tab moves on)
                Tab step  e edit  a add  r root  f frame  Esc back  ? help  D due  Q quit  : cmd
                """)
        let w = try #require(current(state))
        #expect(w.concernID == Fixture.id("cn-1"))
        #expect(state.account(Fixture.id("acc-bright"))?.concerns.first?.worksheetID == w.id)
    }

    @Test func theWholeWalkThroughSevenStepsByKeyboard() throws {
        var state = try editorState()
        // 1 Define: fill in what we still miss.
        state.press([.char("e"), .down, .down])
        state.type("Which step of the export is slow")
        try state.perform(state.press([.enter]))
        #expect(current(state)?.progress(of: .define) == .complete)
        // 2 Explore: two causes, the second marked as the root.
        state.press([.tab])
        #expect(state.worksheetEditor?.step == .explore)
        for cause in ["Manual export step", "Report job runs nightly"] {
            state.press([.char("a")])
            state.type(cause)
            try state.perform(state.press([.enter]))
        }
        try state.perform(state.press([.down, .char("r")]))
        #expect(current(state)?.causes.map(\.isLikelyRoot) == [false, true])
        // 3 Solution: two options.
        state.press([.tab])
        for option in ["Run the job hourly", "Stream incidents live"] {
            state.press([.char("a")])
            state.type(option)
            try state.perform(state.press([.enter]))
        }
        // 4 Implications: the editor walks the options, one form after the other.
        state.press([.tab, .char("g"), .enter])
        for (ups, downs) in [("Same day", "More load"), ("Real time", "Costly")] {
            state.type(ups)
            state.press([.tab])
            state.type(downs)
            try state.perform(state.press([.enter]))
        }
        #expect(state.overlay == nil && state.worksheetEditor?.table.selection == 1)
        #expect(current(state)?.progress(of: .implications) == .complete)
        // 5 Decision: only listed options; choose the first.
        state.press([.tab, .char("e"), .down])
        state.type("Fast to do, no new contract")
        try state.perform(state.press([.enter]))
        #expect(
            current(state)?.chosenOption?.text == "Run the job hourly" && current(state)?.status == .executing
        )
        // 6 Action: one dated action.
        state.press([.tab, .char("a")])
        state.type("Schedule the report job hourly")
        state.press([.down, .ctrl("u")])
        state.type("Tom Okafor")
        state.press([.down])
        state.type("2026-11-27")
        state.press([.down])
        state.type("Reports within 2 hours")
        try state.perform(state.press([.enter]))
        let action = try #require(current(state)?.actions.first)
        #expect(action.due?.iso == "2026-11-27" && action.owner == "Tom Okafor")
        #expect(state.screen().contains("Tom Okafor 2026-11-27 planned"), "the owner's full name")
        // 7 Evaluation: a review day; closing without an outcome is refused.
        state.press([.tab, .char("e")])
        state.type("2026-12-20")
        try state.perform(state.press([.enter]))
        #expect(state.press([.char("C")]).isEmpty)
        #expect(state.message?.text == "Closing needs an outcome: record it in the evaluation")
        state.press([.escape])
        // Its action and review date are follow-ups on the due list.
        let due = DueList.items(
            for: [state.account(Fixture.id("acc-bright"))!], on: Fixture.today, policy: DuePolicy(),
            withinDays: 60)
        #expect(
            due.contains {
                $0.source == .action && $0.title == "Schedule the report job hourly"
                    && $0.due.iso == "2026-11-27"
            })
        #expect(due.contains { $0.source == .evaluation && $0.due.iso == "2026-12-20" })
        #expect(WorksheetStep.allCases.filter { current(state)?.progress(of: $0) == .complete }.count == 6)
        // Then the outcome, and close.
        state.press([.char("e"), .down, .right])
        try state.perform(state.press([.enter]))
        try state.perform(state.press([.char("C")]))
        #expect(current(state)?.status == .closed && current(state)?.evaluation.outcome == .worked)
    }

    @Test func aDeletedEntryComesBackWithU() throws {
        var state = try editorState()
        state.press([.char("2"), .char("a")])
        state.type("Manual export step")
        try state.perform(state.press([.enter]))
        try state.perform(state.press([.char("d")]))
        #expect(current(state)?.causes.isEmpty == true)
        #expect(state.message == Message("Deleted from Explore (u brings it back)"))
        try state.perform(state.press([.char("u")]))
        #expect(current(state)?.causes.map(\.text) == ["Manual export step"])
        #expect(
            state.worksheetEditor?.account == Fixture.id("acc-bright")
                && state.worksheetEditor?.worksheet == current(state)!.id)
    }

    @Test func leavingAnEmptyStepWarnsButMovesOn() throws {
        var state = try editorState()
        state.press([.tab, .tab])
        #expect(state.worksheetEditor?.step == .solution)
        #expect(
            state.message == Message("Step 2 · Explore is still empty; the rail shows the gap", isError: true)
        )
        #expect(state.screen().contains(" · 2 Explore"))
    }

    @Test func aDecisionNeedsOptionsAndTheFrameIsEditable() throws {
        var state = try editorState()
        state.press([.char("5"), .char("e")])
        #expect(
            state.overlay == nil
                && state.message?.text.hasPrefix("A decision picks one of the options") == true)
        state.press([.char("f"), .ctrl("u")])
        state.type("Regain trust before the renewal")
        state.press([.down, .down])
        state.type("fortnightly")
        #expect(state.press([.enter]).isEmpty)
        #expect(state.screen().contains("'fortnightly' is not a cadence"))
        state.press([.ctrl("u")])
        state.type("weekly")
        try state.perform(state.press([.enter]))
        #expect(
            state.screen().contains(
                "Focus: Regain trust before the renewal · Accountable: Tom Okafor · Talk: weekly"))
    }

    @Test func theSectionListsWorksheetsAndExportIsMarkdown() throws {
        var state = try editorState()
        let effects = state.press([.char("X")])
        guard case .export(let name, let text)? = effects.first else {
            Issue.record("no export: \(effects)")
            return
        }
        #expect(name == "brightline-energy-late-incident-reports.md")
        #expect(text.hasPrefix("# Late incident reports\n\n_Brightline Energy · started 2026-11-22 · open_"))
        #expect(text.contains("### 1. Define\n\n**The problem:** Late incident reports"))
        state.press([.escape])
        #expect(
            state.screen.accountID == Fixture.id("acc-bright") && state.accountView?.section == .worksheets)
        let screen = state.screen()
        #expect(screen.contains("Late incident reports Late incident reports 1 Define       open       -"))
    }
}
