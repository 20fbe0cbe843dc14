import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// The table's rows made in one pass on both cores are those made account by account.
@Suite struct AccountRowsTests {
    /// 900 accounts: the fixture's three, each copied with a number in its name and an
    /// accent or capitals in some.
    var digests: [AccountDigest] {
        let accounts = (0..<300).flatMap { i in
            Fixture.accounts.map { account in
                var copy = account
                copy.id = RecordID(rawValue: "\(account.id.rawValue)-\(i)")!
                copy.name += i % 7 == 0 ? " Ünal \(i)" : " \(i)"
                // Tags that are escaped in the index, one of them empty, one not ASCII.
                copy.tags += i % 5 == 0 ? ["DACH", "a\tb\\c", "", "x\u{1F}Y", "Ärger", ""] : []
                return copy
            }
        }
        return AccountDigest.nameOrdered(accounts.map { AccountDigest($0, policy: DuePolicy()) })
    }

    @Test func theRowsAreEachAccountsSummaryFilterTextAndFollowUps() {
        let digests = digests
        let today = Fixture.today
        for horizon in [30, nil] {
            let rows = AccountRows(digests, today: today, dueWithin: horizon)
            #expect(rows.summaries == digests.map { AccountSummary($0, today: today) })
            let texts = rows.summaries.map { s in
                ([s.name, s.owner] + s.tags + s.contactNames + s.flags.map(\.short))
                    .joined(separator: "\u{1F}").lowercased()
            }
            #expect(rows.searchTexts == PackedTexts(texts))
            var ranked = rows.dueSlots
            DueList.sortByUrgency(&ranked, today: today)
            #expect(ranked == DueList.ranked(for: digests, on: today, withinDays: horizon))
        }
        let none = AccountRows([], today: today, dueWithin: 30)
        #expect(none.summaries.isEmpty && none.searchTexts.count == 0 && none.dueSlots.isEmpty)
    }
}
