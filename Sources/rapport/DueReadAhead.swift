import CPrefetch
import RapportCore

/// Asks for the memory of the due items a few places ahead of the one being written,
/// without waiting for it (D59). The items are written in urgency order, scattered
/// through the accounts' follow-ups: each one's entry, its text and its account's
/// pieces (escaped id and name) were waits on memory, one after another, and writing
/// the due list took twice as long as in the accounts' order. They are asked for in
/// three steps, `step` items apart: where the entry and the pieces lie, then the entry
/// and the pieces, then the entry's text. Each step finds in the cache what the one
/// before asked for.
struct DueReadAhead: @unchecked Sendable {
    // Sendable: it points to memory nothing changes while the list is written.
    private let slots: UnsafeBufferPointer<DueSlot>
    /// The slots' order of writing, when it is not theirs.
    private let order: UnsafeBufferPointer<Int>?
    private let views: UnsafeBufferPointer<DueEntries.View>
    private let pieces: (JSONPieces.Pointers?, JSONPieces.Pointers?)

    /// How many items apart the steps are: far enough that memory answers in time,
    /// near enough that what arrives is still in the cache when it is written.
    static let step = 8

    private init(
        slots: UnsafeBufferPointer<DueSlot>, order: UnsafeBufferPointer<Int>?,
        views: UnsafeBufferPointer<DueEntries.View>, pieces: (JSONPieces.Pointers?, JSONPieces.Pointers?)
    ) {
        (self.slots, self.order, self.views, self.pieces) = (slots, order, views, pieces)
    }

    /// `body` given the read-ahead of `slots` written in `order` (nil: theirs), `views`
    /// being each account's follow-ups and `pieces` what is written per account (none,
    /// one or two). Valid while `body` runs, which may end the process.
    static func with<R>(
        slots: [DueSlot], order: [Int]? = nil, views: [DueEntries.View],
        pieces: (JSONPieces?, JSONPieces?) = (nil, nil), _ body: (DueReadAhead) -> R
    ) -> R {
        func pointers<T>(_ array: [T]?, _ body: (UnsafeBufferPointer<T>?) -> R) -> R {
            array.map { $0.withUnsafeBufferPointer { body($0) } } ?? body(nil)
        }
        func pointers(_ pieces: JSONPieces?, _ body: (JSONPieces.Pointers?) -> R) -> R {
            pieces.map { $0.withPointers { body($0) } } ?? body(nil)
        }
        return pointers(slots) { slots in
            pointers(order) { order in
                pointers(views) { views in
                    pointers(pieces.0) { first in
                        pointers(pieces.1) { second in
                            body(
                                DueReadAhead(
                                    slots: slots!, order: order, views: views!, pieces: (first, second)))
                        }
                    }
                }
            }
        }
    }

    /// Asks for what the items after item `i` (in writing order) read.
    @inline(__always)
    func readAhead(of i: Int) {
        locate(i + 3 * Self.step)
        fetchEntry(i + 2 * Self.step)
        fetchText(i + Self.step)
    }

    @inline(__always)
    private func forEachPiece(_ body: (JSONPieces.Pointers) -> Void) {
        if let first = pieces.0 { body(first) }
        if let second = pieces.1 { body(second) }
    }

    @inline(__always)
    private func slot(_ i: Int) -> DueSlot { slots[order.map { $0[i] } ?? i] }

    private func locate(_ i: Int) {
        guard i < slots.count else { return }
        let account = slot(i).account
        rapport_prefetch(views.baseAddress! + account)
        forEachPiece { rapport_prefetch($0.starts + account) }
    }

    private func fetchEntry(_ i: Int) {
        guard i < slots.count else { return }
        let slot = slot(i)
        if let entries = views[slot.account].entries { rapport_prefetch(entries + slot.item) }
        forEachPiece { piece in
            if let bytes = piece.bytes { rapport_prefetch(bytes + piece.starts[slot.account]) }
        }
    }

    private func fetchText(_ i: Int) {
        guard i < slots.count else { return }
        let slot = slot(i)
        let view = views[slot.account]
        guard let text = view.text else { return }
        let range = view[slot.item].text
        // Every cache line the text touches: one every 64 bytes, and the one it ends in.
        var offset = 0
        while offset < range.count {
            rapport_prefetch(text + range.lowerBound + offset)
            offset += 64
        }
        if range.count > 0 { rapport_prefetch(text + range.upperBound - 1) }
    }
}
