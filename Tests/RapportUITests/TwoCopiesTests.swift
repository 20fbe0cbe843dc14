import RapportCore
import RapportStore
import TUIKit
import Testing

@testable import RapportUI

/// Two running copies of the app on one store (the issue "Two running copies of the app
/// silently lose each other's edits"): each state runs the real `AppRunner` on the same
/// files, and every save is applied to the newest file under the lock.
@Suite struct TwoCopiesTests {
    let north = Fixture.id("acc-north")

    /// Two copies over one temporary store, both showing Northwind's Overview.
    func twoCopies() throws -> (AppState, AppState) {
        var first = Fixture.state()
        try first.perform([])
        var second = first
        open(&first)
        open(&second)
        return (first, second)
    }

    func open(_ state: inout AppState) {
        state.press([.char(":")])
        state.type("account Northwind")
        state.press([.enter])
    }

    /// The facts form open, `tabs` fields down, the field's text replaced by `text`.
    func editFact(_ state: inout AppState, tabs: Int, _ text: String) {
        state.press([.char("e")] + Array(repeating: .tab, count: tabs) + [.ctrl("u")])
        state.type(text)
    }

    func onDisk(_ state: AppState) throws -> Account {
        try FileStore.open(at: state.storePath).load(north).account
    }

    @Test func ownerInOneCopyAndLifetimeValueInTheOtherBothReachTheFile() throws {
        var (first, second) = try twoCopies()
        editFact(&first, tabs: 1, "Tom Okafor")
        editFact(&second, tabs: 7, "12M")
        try first.perform(first.press([.enter]))
        try second.perform(second.press([.enter]))
        let stored = try onDisk(first)
        #expect(stored.owner == "Tom Okafor", "the first copy's change survives the second's save")
        #expect(stored.lifetimeValue == 12_000_000)
        #expect(second.message == Message("Saved Northwind Logistics"))
        #expect(second.account(north) == stored, "the second copy shows the account as stored")
        #expect(second.screen().hasPrefix("Northwind Logistics  key · active · growth · Tom Okafor"))
    }

    @Test func aFileChangedOnDiskWhileTheFormIsOpenKeepsThatChange() throws {
        var state = Fixture.state()
        try state.perform([])
        open(&state)
        editFact(&state, tabs: 1, "Tom Okafor")
        try FileStore.open(at: state.storePath).update(north) { $0.market = "Freight" }  // a git pull
        try state.perform(state.press([.enter]))
        let stored = try onDisk(state)
        #expect(stored.owner == "Tom Okafor" && stored.market == "Freight")
    }

    @Test func theSameFieldChangedToDifferentValuesAsksWhichToKeep() throws {
        var (first, second) = try twoCopies()
        editFact(&first, tabs: 1, "Tom Okafor")
        editFact(&second, tabs: 1, "Ana Ruiz")
        try first.perform(first.press([.enter]))
        try second.perform(second.press([.enter]))
        #expect(try onDisk(first).owner == "Tom Okafor", "nothing saved until the user chooses")
        guard case .conflict(let review)? = second.overlay else {
            Issue.record("expected the conflict overlay, got \(String(describing: second.overlay))")
            return
        }
        #expect(
            review.fields == [
                FieldConflict(key: "Owner", field: "Owner", mine: "Ana Ruiz", theirs: "Tom Okafor")
            ])
        let screen = second.screen()
        #expect(screen.contains("Changed meanwhile · Northwind Logistics"))
        #expect(screen.contains("mine    Ana Ruiz") && screen.contains("theirs  Tom Okafor"))
        var keepingTheirs = second
        try second.perform(second.press([.char("m")]))
        #expect(try onDisk(first).owner == "Ana Ruiz")
        #expect(second.overlay == nil)
        #expect(second.message == Message("Saved Northwind Logistics: yours kept for Owner"))
        #expect(keepingTheirs.press([.escape]) == [])
        #expect(
            keepingTheirs.message
                == Message("Nothing else to save: theirs kept for Owner; nothing of theirs was overwritten"))
    }

    @Test func choosingPerFieldKeepsEachChoiceAndMyOtherChanges() throws {
        var (first, second) = try twoCopies()
        first.press([.char("e"), .tab, .ctrl("u")])
        first.type("Tom Okafor")
        first.press(Array(repeating: .tab, count: 7) + [.ctrl("u")])
        first.type("Freight")
        second.press([.char("e"), .tab, .ctrl("u")])
        second.type("Ana Ruiz")
        second.press(Array(repeating: .tab, count: 6) + [.ctrl("u")])
        second.type("12M")
        second.press([.tab, .ctrl("u")])
        second.type("Parcels")
        try first.perform(first.press([.enter]))
        try second.perform(second.press([.enter]))
        guard case .conflict(let review)? = second.overlay else {
            Issue.record("expected the conflict overlay, got \(String(describing: second.overlay))")
            return
        }
        #expect(review.fields.map(\.field) == ["Owner", "Market"])
        try second.perform(second.press([.char("t")]))
        #expect(second.overlay != nil, "one field still to choose")
        try second.perform(second.press([.char("m")]))
        let stored = try onDisk(first)
        #expect(
            stored.owner == "Tom Okafor" && stored.market == "Parcels" && stored.lifetimeValue == 12_000_000)
        #expect(
            second.message
                == Message("Saved Northwind Logistics: yours kept for Market; theirs kept for Owner"))
    }

    @Test func aTouchpointEditedInBothCopiesKeepsBothChanges() throws {
        var (first, second) = try twoCopies()
        first.press([.char("4"), .char("e"), .ctrl("u")])
        first.type("Planned phase four")
        second.press([.char("4"), .char("e"), .tab, .right])
        try first.perform(first.press([.enter]))
        try second.perform(second.press([.enter]))
        let touch = try onDisk(first).touchpoints.first { $0.id == Fixture.id("tp-1") }
        #expect(touch?.summary == "Planned phase four")
        #expect(touch?.sentiment == .neutral, "positive, one to the right")
        #expect(second.message == Message("Touchpoint updated"))
    }

    @Test func aTouchpointDeletedInTheOtherCopyIsNotBroughtBackByAnEdit() throws {
        var (first, second) = try twoCopies()
        first.press([.char("4"), .char("e"), .ctrl("u")])
        first.type("Planned phase four")
        try second.perform(second.press([.char("4"), .char("d"), .char("y")]))
        try first.perform(first.press([.enter]))
        #expect(try onDisk(first).touchpoints.map(\.id) == [Fixture.id("tp-2")])
        #expect(
            first.message
                == Message(
                    "the touchpoint “Planned phase three” was deleted from Northwind Logistics meanwhile; your changes to it were not saved",
                    isError: true))
    }

    @Test func theConflictOverlayAt80x24AfterChoosingMineForTheFirstField() throws {
        var (first, second) = try twoCopies()
        editFact(&first, tabs: 1, "Tom Okafor")
        first.press(Array(repeating: .tab, count: 6) + [.ctrl("u")])
        first.type("11M")
        editFact(&second, tabs: 1, "Ana Ruiz")
        second.press(Array(repeating: .tab, count: 6) + [.ctrl("u")])
        second.type("12.5M")
        try first.perform(first.press([.enter]))
        try second.perform(second.press([.enter]))
        #expect(second.press([.char("m")]).isEmpty, "one field chosen, one to go")
        expectScreen(
            &second,
            """
            Northwind Logistics  key · active · growth · Tom Okafor
            €1.24M/yr · lifetime €11M · health 100↑ · last touch 2d ago
            No warning signs
             1 Overview  2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Hlth 9 Risk 0 Expt
            Season: growth — Invest: widen the relationship while things go well.
            Ma┌─ Changed meanwhile · Northwind Logistics ────────────────────────────────┐
            Pe│ Saved elsewhere while you were editing; both sides changed these fields: │
            No│                                                                          │
            No│   Owner                                                           ✓ mine │
              │     mine    Ana Ruiz                                                     │
            Re│     theirs  Tom Okafor                                                   │
              │ ▸ Lifetime value                                                         │
              │     mine    12,500,000                                                   │
              │     theirs  11,000,000                                                   │
              │                                                                          │
              │ Your other changes are kept, and so are theirs.                          │
              │ m mine · t theirs · M all mine · T or Esc all theirs                     │
              └──────────────────────────────────────────────────────────────────────────┘





            m mine  t theirs  M all mine  T/Esc all theirs
            """)
    }

    @Test func theConflictKeysAreListedInHelp() {
        let state = Fixture.state()
        let section = helpSections(state).first { $0.title == Keymaps.conflict.title }
        #expect(section?.lines.map(\.keys) == ["m", "t", "M", "T Esc", "j ↓", "k ↑"])
    }
}
