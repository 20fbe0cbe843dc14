#if canImport(Glibc)
import Glibc
#endif

/// One follow-up as an account's digest keeps it: the numbers ranking needs, and the
/// rest (key part, title, owner, why) as escaped text in the digest's `dueText`, turned
/// into a `FollowUp` only for the items shown or printed. Ten thousand accounts hold
/// over a hundred thousand follow-ups; building all their strings at start-up is what
/// made the lists slow.
public struct DueEntry: Hashable, Sendable {
    public var due: Day
    public var redFrom: Day?
    public var neverDone: Bool
    public var severity: Severity?
    public var source: DueSource
    /// Where the entry's fields (tab-separated, escaped with `FieldText`) sit in `dueText`.
    public var text: Range<Int>
    /// Where its first three fields end (the tabs after them), from the text's start:
    /// found once when the entry is read, not each time an item is shown or printed.
    public var fieldEnds: FieldEnds

    public init(due: Day, redFrom: Day?, neverDone: Bool, severity: Severity?, source: DueSource, text: Range<Int>,
                fieldEnds: FieldEnds) {
        self.due = due; self.redFrom = redFrom; self.neverDone = neverDone; self.severity = severity
        self.source = source; self.text = text; self.fieldEnds = fieldEnds
    }

    /// Ends of the key part, title and owner within an entry's text.
    public struct FieldEnds: Hashable, Sendable {
        public var keyPart, title, owner: UInt32

        /// The ends in `text` (an entry's four fields); nil when it has fewer than four.
        public init?(in text: UnsafeBufferPointer<UInt8>) {
            guard let base = text.baseAddress else { return nil }
            var i = 0
            func nextTab() -> UInt32? {
                guard i < text.count, let hit = memchr(base + i, Int32(FieldText.tab), text.count - i) else { return nil }
                let tab = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                i = tab + 1
                return UInt32(tab)
            }
            guard let keyPart = nextTab(), let title = nextTab(), let owner = nextTab() else { return nil }
            (self.keyPart, self.title, self.owner) = (keyPart, title, owner)
        }
    }
}

/// An account's follow-ups as its digest keeps them: the entries and the escaped text
/// their ranges point into. Read from the index the text is a slice of the shard's
/// bytes; built from an account, bytes of its own. Equal when the entries and their
/// text are, wherever the text is kept.
public struct DueEntries: RandomAccessCollection, Equatable, Sendable {
    public private(set) var entries: [DueEntry] = []
    public private(set) var text: ArraySlice<UInt8> = []

    public init() {}

    /// Entries whose text ranges index into `text` (how the index reads them).
    public init(_ entries: [DueEntry], text: ArraySlice<UInt8>) {
        self.entries = entries
        self.text = text
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }
    @inlinable public subscript(i: Int) -> DueEntry { entries[i] }

    /// Adds a follow-up (built from an account).
    public mutating func append(_ f: FollowUp) {
        var bytes: [UInt8] = []
        for (i, field) in [f.ref.keyPart, f.title, f.owner, f.why].enumerated() {
            if i > 0 { bytes.append(FieldText.tab) }
            FieldText.escape(field, into: &bytes)
        }
        let start = text.endIndex
        text.append(contentsOf: bytes)
        // Escaped fields hold no tab: the three tabs written above are found.
        let ends = bytes.withUnsafeBufferPointer { DueEntry.FieldEnds(in: $0)! }
        entries.append(DueEntry(due: f.due, redFrom: f.redFrom, neverDone: f.neverDone, severity: f.severity,
                                source: f.source, text: start..<text.endIndex, fieldEnds: ends))
    }

    /// The escaped text of entry `i` (all four fields, tab-separated).
    public func text(of i: Int) -> ArraySlice<UInt8> { text[entries[i].text] }

    /// The four escaped fields of entry `i` (a missing one is empty).
    public func fields(of i: Int) -> (keyPart: ArraySlice<UInt8>, title: ArraySlice<UInt8>, owner: ArraySlice<UInt8>, why: ArraySlice<UInt8>) {
        let bounds = fieldBounds(of: i)
        return (text[bounds.keyPart], text[bounds.title], text[bounds.owner], text[bounds.why])
    }

    /// `fields(of:)` as buffers into the text, for code that writes a hundred thousand
    /// of them (each slice would count a reference to the text).
    @inlinable
    public func withFields(of i: Int, _ body: (_ keyPart: UnsafeBufferPointer<UInt8>, _ title: UnsafeBufferPointer<UInt8>,
                                               _ owner: UnsafeBufferPointer<UInt8>, _ why: UnsafeBufferPointer<UInt8>) -> Void) {
        let bounds = fieldBounds(of: i)
        withText { text in
            func field(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text + range.lowerBound, count: range.count) }
            body(field(bounds.keyPart), field(bounds.title), field(bounds.owner), field(bounds.why))
        }
    }

    /// The text's bytes, addressed by the text's own indices (those entries' ranges use),
    /// for reading a few of them without a slice, which counts a reference to the bytes.
    /// Only while there are entries: their text is never empty.
    @inlinable
    func withText<R>(_ body: (_ byIndex: UnsafePointer<UInt8>) -> R) -> R {
        text.withUnsafeBufferPointer { body($0.baseAddress! - text.startIndex) }
    }

    /// The first bytes of entry `i`'s fields combined: reading them brings the entry and
    /// its text into the processor's cache ahead of writing it out.
    public func firstBytes(of i: Int) -> UInt8 {
        let bounds = fieldBounds(of: i)
        // An entry's text holds at least its three tabs; a field empty at its end starts at the end.
        let last = entries[i].text.upperBound - 1
        return withText { text in
            text[bounds.keyPart.lowerBound] ^ text[bounds.title.lowerBound] ^ text[bounds.owner.lowerBound]
                ^ text[Swift.min(bounds.why.lowerBound, last)]
        }
    }

    /// Whether entry `i`'s title sorts before entry `j`'s (byte by byte, as escaped).
    public func titlePrecedes(_ i: Int, _ j: Int) -> Bool {
        let (x, y) = (fieldBounds(of: i).title, fieldBounds(of: j).title)
        return withText { text in
            let common = memcmp(text + x.lowerBound, text + y.lowerBound, Swift.min(x.count, y.count))
            return common != 0 ? common < 0 : x.count < y.count
        }
    }

    /// Where entry `i`'s four fields sit in `text`.
    @usableFromInline
    func fieldBounds(of i: Int) -> (keyPart: Range<Int>, title: Range<Int>, owner: Range<Int>, why: Range<Int>) {
        let (range, ends) = (entries[i].text, entries[i].fieldEnds)
        let (key, title, owner) = (range.lowerBound + Int(ends.keyPart), range.lowerBound + Int(ends.title),
                                   range.lowerBound + Int(ends.owner))
        return (range.lowerBound..<key, key + 1..<title, title + 1..<owner, owner + 1..<range.upperBound)
    }

    public static func == (a: DueEntries, b: DueEntries) -> Bool {
        a.count == b.count && a.indices.allSatisfy { i in
            var (x, y) = (a[i], b[i])
            (x.text, y.text) = (0..<0, 0..<0)
            return x == y && a.text(of: i).elementsEqual(b.text(of: i))
        }
    }
}

extension AccountDigest {
    /// Entry `i` as a follow-up, before snoozes and urgency.
    public func followUp(at i: Int) -> FollowUp {
        let entry = dueEntries[i]
        let fields = dueEntries.fields(of: i)
        // Key parts are written from a `DueRef`, and the index checks them when read.
        let ref = DueRef(keyPart: FieldText.unescape(fields.keyPart))!
        return FollowUp(accountID: id, accountName: name, title: FieldText.unescape(fields.title), ref: ref, due: entry.due,
                        owner: FieldText.unescape(fields.owner), why: FieldText.unescape(fields.why), redFrom: entry.redFrom,
                        neverDone: entry.neverDone, severity: entry.severity)
    }

    /// Every follow-up, before snoozes and urgency.
    public var followUps: [FollowUp] { dueEntries.indices.map(followUp(at:)) }
}
