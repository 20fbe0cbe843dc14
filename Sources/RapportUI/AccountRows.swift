import IndexKit
import RapportCore
import Synchronization
import TUIKit

/// The accounts table's rows, made from every digest in one pass, a half on each core:
/// each account's summary and filter text, and its follow-ups within the due list's
/// horizon, in account order and not yet ranked, so that the due screen's first open
/// only sorts them. An account's follow-ups are worked out once, for its "next due" and
/// for the due list alike.
struct AccountRows {
    var summaries: [AccountSummary]
    var searchTexts: PackedTexts
    var dueSlots: [DueSlot]

    init(_ digests: [AccountDigest], today: Day, dueWithin horizon: Int?) {
        let count = digests.count
        // Each half's filter texts and slots, with where the half starts. The first half's
        // have room for the second's, appended in place at the end: joined into new
        // arrays, both halves and the whole were held at once (at 100,000 accounts, 30 MB
        // at the open's peak). Room not written to takes no memory.
        let halves = Mutex<[(start: Int, texts: PackedTexts, due: [DueSlot])]>([])
        summaries = [AccountSummary](unsafeUninitializedCapacity: count) { buffer, initialized in
            Parallel.inTwo(buffer, at: count / 2) { part, offset in
                var texts = PackedTexts()
                var due: [DueSlot] = []
                var own: [DueSlot] = []
                digests.withUnsafeBufferPointer { all in
                    let room = offset == 0 ? all.indices : offset..<offset + part.count
                    due.reserveCapacity(room.reduce(0) { $0 + all[$1].dueEntries.count })
                    if offset == 0 {
                        texts.reserveCapacity(
                            bytes: all.reduce(0) { $0 + SearchText.likelySize(of: $1) }, texts: all.count)
                    }
                    for i in part.indices {
                        let position = offset + i
                        own.removeAll(keepingCapacity: true)
                        DueList.appendSlots(of: all, at: position, on: today, into: &own)
                        let next = own.min { DueList.earlier($0, $1) }
                        due += own.lazy.filter { DueList.isWithin(horizon, $0.due, on: today) }
                        let summary = AccountSummary(
                            all[position], today: today, next: next, sharingBytes: true)
                        texts.append { SearchText.append(summary, to: &$0) }
                        (part.baseAddress! + i).initialize(to: summary)
                    }
                }
                halves.withLock { $0.append((offset, texts, due)) }
            }
            initialized = count
        }
        // Taken out of the lock, so the first half's arrays have no other holder and grow
        // in place. Two halves starting at the same place: one of them is empty.
        var parts = halves.withLock { held in
            defer { held = [] }
            return held
        }
        parts.sort { $0.start < $1.start }
        let second = parts.removeLast()
        (_, searchTexts, dueSlots) = parts.removeLast()
        searchTexts.append(contentsOf: second.texts)
        dueSlots += second.due
    }
}
