import RapportCore
import Testing

/// `rapport due` keeps of each digest only the follow-ups its list shows: the list, and
/// every item in it, is what the whole digests give.
@Suite struct DueKeptFollowUpsTests {
    let today = Day(iso: "2026-11-22")!

    @Test func digestsKeepingTheHorizonsFollowUpsGiveTheSameDueList() throws {
        let portfolio = try syntheticPortfolio(seed: 7, today: today)
        var accounts = (0..<300).map { portfolio.account($0) }
        // Snoozed: one item past every horizon below, one to a day within 30 days.
        let scored = accounts.map { DueList.scored($0, on: today, policy: DuePolicy()) }
        let busy = accounts.indices.filter { !scored[$0].isEmpty }
        let (a, b) = (busy[0], busy[1])
        accounts[a].snoozes = [Snooze(itemKey: scored[a][0].key, until: today.adding(days: 500), on: today)]
        accounts[b].snoozes = [Snooze(itemKey: scored[b][0].key, until: today.adding(days: 20), on: today)]
        let digests = AccountDigest.nameOrdered(accounts.map { AccountDigest($0, policy: DuePolicy()) })
        for horizon in [0, 30, 400, nil] {
            let kept = digests.map { $0.keepingFollowUps(withinDays: horizon, on: today) }
            let whole = DueList.slots(for: digests, on: today, withinDays: horizon)
            let slots = DueList.slots(for: kept, on: today, withinDays: horizon)
            #expect(slots.count == whole.count && whole.count > 300)
            #expect(
                slots.map { DueList.followUp($0, in: kept, on: today) }
                    == whole.map { DueList.followUp($0, in: digests, on: today) })
            // Nothing beyond the horizon is kept, and the text kept is the kept entries' own.
            #expect(kept.reduce(0) { $0 + $1.dueEntries.count } == slots.count)
            for entries in kept.map(\.dueEntries) {
                #expect(entries.text.count == entries.indices.reduce(0) { $0 + entries[$1].text.count })
            }
            // Each kept account is the due list's part of its digest, half its size or less
            // (`rapport due` holds one per account: at 100,000 accounts, 25 MB of digests).
            #expect(zip(kept, digests).allSatisfy { $0.id == $1.id && $0.name == $1.name })
            #expect(MemoryLayout<DueAccount>.stride * 2 <= MemoryLayout<AccountDigest>.stride)
        }
    }
}
