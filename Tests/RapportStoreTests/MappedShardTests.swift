import Foundation
import RapportCore
import Testing

@testable import RapportStore

/// The shards a list keeping digests reads are mapped, and their pages let go once read:
/// the app holds every follow-up's text, but only what is shown is in memory (D56).
extension SummaryIndexTests {
    @Test func theAppsOpenLeavesTheFollowUpTextOutOfMemoryUntilItIsShown() throws {
        let t = try syntheticStore()
        _ = t.store.loadDigests()  // writes the index the bulk creation left out
        let digests = t.store.loadDigests().digests
        // What the app's open reads: each row's summary and filter lists, the due list ranked.
        let summaries = digests.map {
            AccountSummary(
                $0, today: t.today, next: DueList.nextSlot(of: $0, on: t.today), sharingBytes: true)
        }
        #expect(summaries.reduce(0) { $0 + $1.tags.count + $1.contactNames.count } > 600)
        #expect(DueList.ranked(for: digests, on: t.today, withinDays: 365).count > 3_000)
        let shards = try ShardMappings(holding: digests)
        #expect(shards.count > 200, "the follow-ups' text lies in the mapped shards")
        #expect(try shards.residentKilobytes() == 0)
        // Shown, a title is read from the file's cached pages: the same as from the files.
        let files = fromFiles(t)
        for summary in summaries {
            #expect(summary.nextDueTitle == AccountSummary(files[summary.id]!, today: t.today).nextDueTitle)
        }
        #expect(try shards.residentKilobytes() > 0)
    }

    @Test func aShardWhoseFollowUpsAreOutOfTitleOrderIsRebuilt() throws {
        // An account with two follow-ups of different titles: its lines swapped.
        try expectRebuilt(
            account: { d in
                d.dueEntries.count > 1 && d.dueEntries.fields(of: 0).title != d.dueEntries.fields(of: 1).title
            },
            edit: { lines, account in lines.swapAt(account + 1, account + 2) })
    }

    @Test func aShardWithADayBeyondWhatAnEntryKeepsIsRebuilt() throws {
        for day in ["2147483648", "-2147483648"] {
            try expectRebuilt(
                account: { !$0.dueEntries.isEmpty },
                edit: { lines, account in
                    var fields = lines[account + 1].split(separator: "\t", omittingEmptySubsequences: false)
                    fields[1] = Substring(day)
                    lines[account + 1] = fields.joined(separator: "\t")
                })
        }
    }

    @Test func aShardWithANumberBeyondWhatADigestKeepsIsRebuilt() throws {
        // The last touch, the health score, and the traits' renewal day (their first field).
        for (field, value) in [(14, "2147483648"), (15, "-2147483648"), (21, "2147483648")] {
            try expectRebuilt(
                account: { _ in true },
                edit: { lines, account in
                    var fields = lines[account].split(separator: "\t", omittingEmptySubsequences: false)
                    let rest = field == 21 ? fields[21].drop { $0 != "|" } : ""
                    fields[field] = Substring(value) + rest
                    lines[account] = fields.joined(separator: "\t")
                })
        }
    }

    /// Edits the index line of the first account `account` picks (with the lines after
    /// it), seals the shard again (as a tool that knows the checksum would), and expects
    /// the next list to read the shard again from the files.
    private func expectRebuilt(
        account: (AccountDigest) -> Bool, edit: (inout [String], Int) -> Void
    ) throws {
        let t = try syntheticStore()
        _ = t.store.loadDigests()
        let read = t.store.loadDigests().digests
        let found = read.firstIndex(where: account)
        let digest = read[try #require(found)]
        let path = t.store.index.path(ofShard: SummaryIndex.shard(of: digest.id))
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let line = try #require(lines.firstIndex { $0.hasPrefix("A\t\(digest.id.rawValue)\t") })
        edit(&lines, line)
        let body = Array((lines.dropFirst().joined(separator: "\n") + "\n").utf8)
        let sum = body.withUnsafeBufferPointer { ShardChecksum.of($0) }
        let header = t.store.index.prefix + ShardChecksum.hex(sum) + [UInt8(ascii: "\n")]
        // Replaced, as Rapport replaces a shard: a shard rewritten in place under a mapping
        // would fault when its lost pages are read.
        try Data(header + body).write(to: URL(fileURLWithPath: path), options: .atomic)
        let (digests, snapshot) = fromIndex(t)
        #expect(snapshot.refreshed > 0, "the shard was read again from the files")
        #expect(digests == fromFiles(t))
        #expect(fromIndex(t).snapshot.refreshed == 0)
    }
}

/// The mappings of `/proc/self/smaps` that hold the digests' follow-up text, and how much
/// of them is in this process's memory.
private struct ShardMappings {
    let ranges: Set<ClosedRange<UInt>>

    init(holding digests: [AccountDigest]) throws {
        let origins = Set(digests.compactMap { $0.dueEntries.text.unsafeOrigin.map { UInt(bitPattern: $0) } })
        let all = try Self.mappings().map(\.range)
        ranges = Set(origins.compactMap { origin in all.first { $0.contains(origin) } })
    }

    var count: Int { ranges.count }

    func residentKilobytes() throws -> Int {
        try Self.mappings().filter { ranges.contains($0.range) }.reduce(0) { $0 + $1.rss }
    }

    private static func mappings() throws -> [(range: ClosedRange<UInt>, rss: Int)] {
        var found: [(range: ClosedRange<UInt>, rss: Int)] = []
        // Read to its end: the file's reported size is 0, and a read by that size stops short.
        let smaps =
            try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/self/smaps")).readToEnd() ?? Data()
        for line in String(decoding: smaps, as: UTF8.self).split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if let first = words.first, first.contains("-"), !first.hasSuffix(":") {
                let bounds = first.split(separator: "-").compactMap { UInt($0, radix: 16) }
                if bounds.count == 2 { found.append((bounds[0]...bounds[1] - 1, 0)) }
            } else if words.first == "Rss:", words.count > 1, !found.isEmpty {
                found[found.count - 1].rss = Int(words[1]) ?? 0
            }
        }
        return found
    }
}
