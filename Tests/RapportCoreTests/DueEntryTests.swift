import Testing

@testable import RapportCore

/// A follow-up's entry keeps what it is given in 32 bytes: the app holds one per
/// follow-up, over a million at 100,000 accounts.
@Suite struct DueEntryTests {
    func entry(due: Day, redFrom: Day?) -> DueEntry {
        DueEntry(
            due: due, redFrom: redFrom, neverDone: true, severity: .high, source: .concern,
            text: 70_000..<70_123,
            fieldEnds: DueEntry.FieldEnds(keyPart: 5, title: 20, owner: 30))
    }

    @Test func anEntryKeepsItsDaysTextAndMarksInThirtyTwoBytes() {
        #expect(MemoryLayout<DueEntry>.stride == 32)
        let today = Day(iso: "2026-12-03")!
        for redFrom in [nil, today.adding(days: -3), Day(ordinal: -40_000)] {
            let e = entry(due: today, redFrom: redFrom)
            #expect(e.due == today && e.redFrom == redFrom && e.text == 70_000..<70_123)
            #expect(e.neverDone && e.severity == .high && e.source == .concern && e.fieldEnds.owner == 30)
        }
        var moved = entry(due: today, redFrom: nil)
        moved.text = 3..<9
        moved.due = today.adding(days: 30)
        moved.redFrom = today
        #expect(moved.text == 3..<9 && moved.due == today.adding(days: 30) && moved.redFrom == today)
    }

    @Test func aDayBeyondThirtyTwoBitsIsKeptAsTheFurthestOne() {
        let far = entry(due: Day(ordinal: Int(Int32.max) + 10), redFrom: Day(ordinal: Int(Int32.min)))
        #expect(far.due == Day(ordinal: Int(Int32.max)))
        #expect(far.redFrom == Day(ordinal: Int(Int32.min) + 1))
        #expect(PackedDay.keeps(ordinal: Int(Int32.max)) && !PackedDay.keeps(ordinal: Int(Int32.max) + 1))
        #expect(!PackedDay.keeps(ordinal: Int(Int32.min)) && PackedDay.keeps(ordinal: -1))
    }
}
