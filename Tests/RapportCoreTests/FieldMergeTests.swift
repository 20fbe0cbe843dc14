import Testing

@testable import RapportCore

/// The three-way field merge on its own: base (as the edit began), mine (as the user
/// left it), current (the newest file).
@Suite struct FieldMergeTests {
    let today = Day(iso: "2026-11-22")!

    var facts: AccountFacts {
        AccountFacts(
            Account(
                name: "Northwind", owner: "Maya", tier: .key, annualValue: 1_000_000,
                lifetimeValue: 9_800_000,
                createdOn: today))
    }

    @Test func aFieldIChangedIsTakenAndOneIDidNotKeepsTheCurrentValue() {
        let base = facts
        var mine = base
        mine.owner = "Tom"
        var current = base
        current.lifetimeValue = 12_000_000
        let (merged, conflicts) = AccountFacts.merge(base: base, mine: mine, current: current)
        #expect(conflicts.isEmpty)
        #expect(merged.owner == "Tom", "my change")
        #expect(merged.lifetimeValue == 12_000_000, "theirs, which I did not touch")
        #expect(merged.tier == .key && merged.annualValue == 1_000_000, "untouched on both sides")
    }

    @Test func nothingChangedOnEitherSideIsTheCurrentRecord() {
        var current = facts
        current.market = "Logistics"
        let (merged, conflicts) = AccountFacts.merge(base: facts, mine: facts, current: current)
        #expect(conflicts.isEmpty && merged == current)
    }

    @Test func bothSidesChangingAFieldToDifferentValuesIsAConflictThatKeepsTheirsUntilChosen() {
        let base = facts
        var mine = base
        mine.owner = "Tom"
        mine.market = "Freight"
        var current = base
        current.owner = "Ana"
        let (merged, conflicts) = AccountFacts.merge(base: base, mine: mine, current: current)
        #expect(conflicts == [FieldConflict(key: "Owner", field: "Owner", mine: "Tom", theirs: "Ana")])
        #expect(merged.owner == "Ana", "theirs until the user chooses")
        #expect(merged.market == "Freight", "my other change still merges")
        let chosen = AccountFacts.merge(base: base, mine: mine, current: current, keepingMine: ["Owner"])
        #expect(chosen.conflicts.isEmpty && chosen.merged.owner == "Tom" && chosen.merged.market == "Freight")
    }

    @Test func bothSidesChangingAFieldToTheSameValueIsNoConflict() {
        let base = facts
        var mine = base
        mine.lifetimeValue = 12_000_000
        let (merged, conflicts) = AccountFacts.merge(base: base, mine: mine, current: mine)
        #expect(conflicts.isEmpty && merged.lifetimeValue == 12_000_000)
    }

    @Test func conflictsShowValuesAsTheUserReadsThem() {
        let base = facts
        var mine = base
        mine.lifetimeValue = 10_500_000
        mine.tier = .core
        mine.customerSince = Day(iso: "2017-03-01")
        var current = base
        current.lifetimeValue = 12_000_000
        current.tier = .standard
        current.customerSince = Day(iso: "2018-01-01")
        let (_, conflicts) = AccountFacts.merge(base: base, mine: mine, current: current)
        #expect(conflicts.map(\.field) == ["Tier", "Lifetime value", "Customer since"])
        #expect(conflicts.map(\.mine) == ["core", "10,500,000", "2017-03-01"])
        #expect(conflicts.map(\.theirs) == ["standard", "12,000,000", "2018-01-01"])
    }

    @Test func contactsInAConflictAreShownByName() {
        let helena = RecordID(rawValue: "con-helena")!
        let dieter = RecordID(rawValue: "con-dieter")!
        let base = Touchpoint(day: today, kind: .call, contactIDs: [], summary: "Rotterdam hub")
        var mine = base
        mine.contactIDs = [helena]
        var current = base
        current.contactIDs = [dieter]
        let (_, conflicts) = Touchpoint.merge(
            base: base, mine: mine, current: current,
            names: [helena: "Helena Voss", dieter: "Dieter Brandt"])
        #expect(conflicts.map(\.mine) == ["Helena Voss"] && conflicts.map(\.theirs) == ["Dieter Brandt"])
    }

    @Test func entriesOfAListMergeOneByOne() {
        let a = Cause(text: "Too few trucks")
        let b = Cause(text: "Late handover")
        let base = Worksheet(title: "Late deliveries", createdOn: today, causes: [a, b])
        var mine = base
        mine.causes.append(Cause(text: "No weekend shift"))
        mine.causes[0].isLikelyRoot = true
        var current = base
        current.causes.append(Cause(text: "Customs paperwork"))
        current.causes[1].text = "Late handover at the hub"
        let (merged, conflicts) = Worksheet.merge(base: base, mine: mine, current: current)
        #expect(conflicts.isEmpty)
        #expect(
            merged.causes.map(\.text) == [
                "Too few trucks", "Late handover at the hub", "Customs paperwork", "No weekend shift"
            ])
        #expect(merged.causes[0].isLikelyRoot)
    }

    @Test func anEntryBothSidesChangedConflictsByItsFieldAndOneEditedAndDeletedConflictsWhole() {
        let a = WorksheetAction(text: "Call the CFO", owner: "Maya")
        let b = WorksheetAction(text: "Send the report")
        let base = Worksheet(title: "Late deliveries", createdOn: today, actions: [a, b])
        var mine = base
        mine.actions[0].owner = "Tom"
        mine.actions.remove(at: 1)
        var current = base
        current.actions[0].owner = "Ana"
        current.actions[1].owner = "Luis"
        let (merged, conflicts) = Worksheet.merge(base: base, mine: mine, current: current)
        #expect(conflicts.map(\.field) == ["Action “Call the CFO”: Who", "Action “Send the report”"])
        #expect(conflicts.map(\.mine) == ["Tom", "deleted"] && conflicts.map(\.theirs) == ["Ana", "changed"])
        #expect(merged.actions == current.actions, "theirs until chosen")
        let chosen = Worksheet.merge(
            base: base, mine: mine, current: current, keepingMine: Set(conflicts.map(\.key)))
        #expect(chosen.conflicts.isEmpty)
        #expect(chosen.merged.actions.map(\.owner) == ["Tom"], "mine: Tom, and the second deleted")
    }

    @Test func myOrderIsKeptWhenOnlyIMovedEntries() {
        let causes = ["A", "B", "C"].map { Cause(text: $0) }
        let base = Worksheet(title: "W", createdOn: today, causes: causes)
        var mine = base
        mine.causes.swapAt(0, 2)
        var current = base
        current.causes[1].text = "B2"
        let (merged, conflicts) = Worksheet.merge(base: base, mine: mine, current: current)
        #expect(conflicts.isEmpty && merged.causes.map(\.text) == ["C", "B2", "A"])
    }
}
