import Foundation
import Testing

@testable import RapportCore

/// The record-level merge's rules, one by one (D47).
@Suite struct JSONThreeWayMergeTests {
    func json(_ text: String) -> JSONValue {
        try! JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    func merge(_ base: String, _ ours: String, _ theirs: String) -> (JSONValue?, [JSONThreeWayMerge.Clash]) {
        JSONThreeWayMerge.merge(base: json(base), ours: json(ours), theirs: json(theirs))
    }

    @Test func aSideEqualToTheBaseYieldsToTheOneThatChanged() {
        let (merged, clashes) = merge(
            #"{"owner":"A","market":"M"}"#, #"{"owner":"B","market":"M"}"#, #"{"owner":"A","market":"N"}"#)
        #expect(merged == json(#"{"owner":"B","market":"N"}"#))
        #expect(clashes.isEmpty)
    }

    @Test func aFieldChangedToTwoValuesKeepsTheirsAndReportsOurs() {
        let (merged, clashes) = merge(#"{"owner":"A"}"#, #"{"owner":"B"}"#, #"{"owner":"C"}"#)
        #expect(merged == json(#"{"owner":"C"}"#))
        #expect(
            clashes == [
                .init(path: [.member("owner")], kept: .string("C"), other: .string("B"), keptOurs: false)
            ])
    }

    @Test func recordsAreAUnionByIdMergedInside() {
        let base = #"{"c":[{"id":"x","email":"a","phone":"1"}]}"#
        let ours = #"{"c":[{"id":"x","email":"b","phone":"1"},{"id":"y"}]}"#
        let theirs = #"{"c":[{"id":"x","email":"a","phone":"2"},{"id":"z"}]}"#
        let (merged, clashes) = merge(base, ours, theirs)
        #expect(merged == json(#"{"c":[{"id":"x","email":"b","phone":"2"},{"id":"y"},{"id":"z"}]}"#))
        #expect(clashes.isEmpty)
    }

    @Test func aRecordDeletedOnOneSideAndUntouchedOnTheOtherIsDeleted() {
        let (merged, clashes) = merge(
            #"{"c":[{"id":"x"},{"id":"y"}]}"#, #"{"c":[{"id":"y"}]}"#, #"{"c":[{"id":"x"},{"id":"y"}]}"#)
        #expect(merged == json(#"{"c":[{"id":"y"}]}"#))
        #expect(clashes.isEmpty)
    }

    @Test func aRecordDeletedOnOneSideAndEditedOnTheOtherIsKeptAndReported() {
        let edited = #"{"id":"x","email":"new"}"#
        for (ours, theirs, keptOurs) in [
            (#"{"c":[]}"#, #"{"c":[\#(edited)]}"#, false), (#"{"c":[\#(edited)]}"#, #"{"c":[]}"#, true)
        ] {
            let (merged, clashes) = merge(#"{"c":[{"id":"x","email":"old"}]}"#, ours, theirs)
            #expect(merged == json(#"{"c":[\#(edited)]}"#))
            #expect(
                clashes == [
                    .init(
                        path: [.member("c"), .record(id: "x")], kept: json(edited), other: nil,
                        keptOurs: keptOurs)
                ])
        }
    }

    @Test func plainValuesAreThreeWaySets() {
        let (merged, clashes) = merge(#"{"t":["a","b"]}"#, #"{"t":["a","b","c"]}"#, #"{"t":["b","d"]}"#)
        #expect(merged == json(#"{"t":["b","c","d"]}"#))
        #expect(clashes.isEmpty)
    }

    /// A value both sides added is there once: a tag or contact both people added came
    /// out twice.
    @Test func aValueBothSidesAddedIsKeptOnce() {
        let (merged, clashes) = merge(#"{"t":[]}"#, #"{"t":["ev"]}"#, #"{"t":["ev","x"]}"#)
        #expect(merged == json(#"{"t":["ev","x"]}"#))
        #expect(clashes.isEmpty)
    }

    @Test func idLessHistoriesAreTheBasePlusBothSidesAdditions() {
        let base = #"{"h":[{"day":"1","s":"growth"}]}"#
        let ours = #"{"h":[{"day":"1","s":"growth"},{"day":"2","s":"tension"}]}"#
        let theirs = #"{"h":[{"day":"1","s":"growth"},{"day":"3","s":"stagnancy"}]}"#
        let (merged, _) = merge(base, ours, theirs)
        #expect(
            merged
                == json(
                    #"{"h":[{"day":"1","s":"growth"},{"day":"2","s":"tension"},{"day":"3","s":"stagnancy"}]}"#
                ))
    }

    @Test func bothSidesAddingTheSameRecordAddItOnce() {
        let (merged, clashes) = merge(#"{"c":[]}"#, #"{"c":[{"id":"x"}]}"#, #"{"c":[{"id":"x"}]}"#)
        #expect(merged == json(#"{"c":[{"id":"x"}]}"#))
        #expect(clashes.isEmpty)
    }
}

/// Settling a merge conflict on an account: keeping, taking the other, a deleted record.
@Suite struct MergeConflictSettleTests {
    let today = Day(iso: "2026-11-22")!

    @Test func takingTheOtherPutsItInPlaceAndTheConflictGoes() throws {
        var account = Account(name: "Atlas", owner: "Ana", createdOn: today)
        let conflict = MergeConflict(
            field: "owner", path: ["owner"], kept: "\"Ana\"", keptFrom: "Ana", other: "\"Ben\"",
            otherFrom: "Ben",
            foundOn: today)
        account.mergeConflicts = [conflict]
        var kept = account
        try Mutation.settleMergeConflict(conflict.id, takingOther: true).apply(to: &account, today: today)
        #expect(account.owner == "Ben")
        #expect(account.mergeConflicts == nil)
        try Mutation.settleMergeConflict(conflict.id, takingOther: false).apply(to: &kept, today: today)
        #expect(kept.owner == "Ana")
        #expect(kept.mergeConflicts == nil)
        #expect(throws: InputError.self) {
            try Mutation.settleMergeConflict(conflict.id, takingOther: false).apply(to: &kept, today: today)
        }
    }

    @Test func takingTheDeletionOfAnEditedRecordRemovesIt() throws {
        let contact = Contact(name: "Ana Ruiz", email: "new@x")
        var account = Account(name: "Atlas", createdOn: today, contacts: [contact])
        let conflict = MergeConflict(
            field: "contact Ana Ruiz", path: ["contacts", "[\(contact.id)]"], kept: "{}", keptFrom: "Ana",
            other: nil, otherFrom: "Ben", foundOn: today)
        account.mergeConflicts = [conflict]
        #expect(conflict.summary == "contact Ana Ruiz: deleted by Ben, edited by Ana; kept until settled")
        try account.settleForTest(conflict.id)
        #expect(account.contacts.isEmpty)
    }

    @Test func theConflictIsADueItemUntilSettled() throws {
        var account = Account(name: "Atlas", createdOn: today)
        let conflict = MergeConflict(
            field: "market", path: ["market"], kept: "\"A\"", keptFrom: "Ana", other: "\"B\"",
            otherFrom: "Ben",
            foundOn: today)
        account.mergeConflicts = [conflict]
        let items = account.followUps(policy: DuePolicy()).filter { $0.source == .mergeConflict }
        #expect(items.map(\.title) == ["Settle merge conflict: market"])
        #expect(items.first?.due == today)
        // The index keeps the item by its key part and reads it back.
        #expect(DueRef(keyPart: items[0].ref.keyPart) == items[0].ref)
    }
}

extension Account {
    fileprivate mutating func settleForTest(_ id: RecordID) throws {
        try Mutation.settleMergeConflict(id, takingOther: true).apply(to: &self, today: createdOn)
    }
}

/// What `rapport sync` writes into its commits.
@Suite struct AccountChangeDescriptionTests {
    let today = Day(iso: "2026-11-22")!

    @Test func itSaysWhatWasDone() {
        let ana = Contact(name: "Ana Ruiz")
        let before = Account(name: "Atlas Manufacturing", owner: "Tom", createdOn: today, contacts: [ana])
        var after = before
        after.touchpoints.append(Touchpoint(day: today, kind: .call, contactIDs: [ana.id], summary: "x"))
        after.concerns.append(Concern(raisedOn: today, summary: "late"))
        after.owner = "Ana"
        #expect(
            AccountChangeDescription.describe(before: before, after: after) == [
                "Logged a call with Ana Ruiz at Atlas Manufacturing", "1 new concern at Atlas Manufacturing",
                "Changed owner at Atlas Manufacturing"
            ])
        #expect(
            AccountChangeDescription.describe(before: nil, after: after) == [
                "Added account Atlas Manufacturing"
            ])
        #expect(
            AccountChangeDescription.subject([
                "Logged a call with Ana Ruiz at Atlas Manufacturing", "1 new concern at Greenfield Foods",
                "Changed owner at Atlas Manufacturing"
            ])
                == "Logged a call with Ana Ruiz at Atlas Manufacturing; and 2 more")
        #expect(
            AccountChangeDescription.subject((1...5).map { "Added account A\($0)" }) == "Added 5 accounts")
    }
}
