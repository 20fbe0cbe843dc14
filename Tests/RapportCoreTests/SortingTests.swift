import Foundation
import RapportDemo
import RapportResources
import StoreJSONCodec
import Testing

@testable import RapportCore

/// The fast sorts behind the lists give exactly the order of the plain comparisons they replace.
@Suite struct SortingTests {
    let today = Day(iso: "2026-11-22")!

    @Test func theDueListRanksAsTheFullComparisonDoes() throws {
        let portfolio = try syntheticPortfolio(seed: 3, today: today)
        var digests = (0..<300).map { AccountDigest(portfolio.account($0), policy: DuePolicy()) }
        // One item too far out to pack into the fast sort's key: the list is still whole and in order.
        let id = digests[7].id
        digests[7].dueEntries.append(
            FollowUp(
                accountID: id, accountName: digests[7].name, title: "Far out",
                ref: .concern(RecordID(rawValue: "cn-far")!), due: Day(ordinal: 90_000_000),
                owner: "Ana", why: "test"))
        for far in [false, true] {
            let digests = AccountDigest.nameOrdered(far ? digests : digests.filter { $0.id != id })
            let unsorted = digests.indices.flatMap { DueList.slots(of: digests[$0], at: $0, on: today) }
            let expected = unsorted.sorted { DueList.ordered($0, $1) }
            #expect(DueList.ranked(for: digests, on: today, withinDays: nil) == expected)
            #expect(expected.count > 2000)
        }
    }

    /// An account's follow-ups that tie on urgency and day are listed by title, whatever
    /// order they were made in: the entries are kept in title order, and ties go by it.
    @Test func anAccountsTiedFollowUpsGoByTitle() {
        var digest = AccountDigest(Account(name: "Northwind", createdOn: today), policy: DuePolicy())
        for (n, title) in ["Zeta review", "Alpha review", "Beta\tab", "Beta", "Mid review"].enumerated() {
            digest.dueEntries.append(
                FollowUp(
                    accountID: digest.id, accountName: digest.name, title: title,
                    ref: .concern(RecordID(rawValue: "cn-\(n)")!), due: today, owner: "Ana", why: "test"))
        }
        let titles = ["Alpha review", "Beta", "Beta\tab", "Mid review", "Zeta review"]
        // (The account's own litmus and satisfaction follow-ups are among them.)
        #expect(digest.followUps.map(\.title).filter(titles.contains) == titles)
        #expect(DueList.items(for: [digest], on: today).map(\.title).filter(titles.contains) == titles)
        #expect(DueList.next(for: digest, on: today)?.title == "Alpha review")
    }

    @Test func namesSortAsTheirOrderKeysDoAcrossChunksAndAlphabets() {
        let stems = [
            "Northwind", "northwind trading", "Nørthwind", "NORTHWIND", "Acme", "acme ", "Ångström", "Zeta",
            "zeta"
        ]
        let digests = (0..<2600).map { i in
            AccountDigest(
                Account(
                    id: RecordID(rawValue: "acc-\(String(i * 7919 % 2600, radix: 36))")!,
                    name: "\(stems[i % stems.count]) \(i % 13)", createdOn: today), policy: DuePolicy())
        }
        var sorted = digests
        AccountDigest.sortByName(&sorted)
        #expect(sorted.map(\.id) == digests.sorted { $0.nameOrder < $1.nameOrder }.map(\.id))
    }
}
