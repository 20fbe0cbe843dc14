import IndexKit

#if canImport(Glibc)
    import Glibc
#endif

/// One follow-up as an account's digest keeps it: the numbers ranking needs, and the
/// rest (key part, title, owner, why) as escaped text in its `DueEntries.text`, turned
/// into a `FollowUp` only for the items shown or printed. Ten thousand accounts hold
/// over a hundred thousand follow-ups; building all their strings at start-up is what
/// made the lists slow.
public struct DueEntry: Hashable, Sendable {
    // Packed into 32 bytes (they were 56): the app keeps one per follow-up, over a million
    // at 100,000 accounts. Days as 32-bit ordinals (`PackedDay`: a day beyond them is kept
    // as the furthest one), the text's range as 32-bit offsets (the index's shards are far
    // smaller).
    /// Never nil (`due` is this day).
    @PackedDay private var dueDay: Day?
    @PackedDay public var redFrom: Day?
    private var textStart: UInt32
    private var textCount: UInt32
    /// Where its first three fields end (the tabs after them), from the text's start:
    /// found once when the entry is read, not each time an item is shown or printed.
    public var fieldEnds: FieldEnds
    public var neverDone: Bool
    public var severity: Severity?
    public var source: DueSource

    public var due: Day {
        get { dueDay! }
        set { dueDay = newValue }
    }

    /// Where the entry's fields (tab-separated, escaped with `FieldText`) sit in `DueEntries.text`.
    public var text: Range<Int> {
        get { Int(textStart)..<Int(textStart) + Int(textCount) }
        set { (textStart, textCount) = (UInt32(newValue.lowerBound), UInt32(newValue.count)) }
    }

    public init(
        due: Day, redFrom: Day?, neverDone: Bool, severity: Severity?, source: DueSource, text: Range<Int>,
        fieldEnds: FieldEnds
    ) {
        dueDay = due
        self.redFrom = redFrom
        (textStart, textCount) = (UInt32(text.lowerBound), UInt32(text.count))
        self.fieldEnds = fieldEnds
        self.neverDone = neverDone
        self.severity = severity
        self.source = source
    }

    /// Ends of the key part, title and owner within an entry's text.
    public struct FieldEnds: Hashable, Sendable {
        public var keyPart, title, owner: UInt32

        public init(keyPart: UInt32, title: UInt32, owner: UInt32) {
            (self.keyPart, self.title, self.owner) = (keyPart, title, owner)
        }

        /// The ends in `text` (an entry's four fields); nil when it has fewer than four.
        public init?(in text: UnsafeBufferPointer<UInt8>) {
            guard let base = text.baseAddress else { return nil }
            var i = 0
            func nextTab() -> UInt32? {
                guard i < text.count, let hit = memchr(base + i, Int32(FieldText.tab), text.count - i) else {
                    return nil
                }
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
/// their ranges point into. Read from the index, both are in memory shared by a shard's
/// accounts (one buffer of entries, and the shard's bytes); built from an account, in
/// memory of their own. Equal when the entries and their text are, wherever they are kept.
public struct DueEntries: RandomAccessCollection, Equatable, Sendable {
    private var storage: FixedBuffer<DueEntry>?
    private var first = 0
    public private(set) var count = 0
    /// The text the entries' ranges index into.
    public private(set) var text = SharedBytes()

    public init() {}

    /// Entries `range` of `storage`, whose text ranges index into `text` (how the index
    /// reads a shard: one buffer of entries for all its accounts). They must be in title
    /// order (`titleOrder`): the index checks each shard's as it reads it.
    public init(_ storage: FixedBuffer<DueEntry>, _ range: Range<Int>, text: SharedBytes) {
        precondition(range.upperBound <= storage.count)
        (self.storage, first, count, self.text) = (storage, range.lowerBound, range.count, text)
    }

    /// The follow-ups' entries, with text of their own, in title order (not the order given).
    public init(_ followUps: [FollowUp]) {
        guard !followUps.isEmpty else {
            self.init()
            return
        }
        var entries: [DueEntry] = []
        var bytes: [UInt8] = []
        for f in followUps { Self.add(f, to: &entries, &bytes) }
        self.init(entries, bytes)
    }

    /// The entries put in title order (the same titles in the order given), over `bytes`.
    private init(_ entries: [DueEntry], _ bytes: [UInt8]) {
        let ordered = bytes.withUnsafeBufferPointer { text in
            entries.indices.sorted { i, j in
                let (x, y) = (entries[i].fieldBounds.title, entries[j].fieldBounds.title)
                let order = Self.titleOrder(
                    UnsafeBufferPointer(rebasing: text[x]), UnsafeBufferPointer(rebasing: text[y]))
                return order != 0 ? order < 0 : i < j
            }.map { entries[$0] }
        }
        self.init(FixedBuffer(ordered), 0..<ordered.count, text: SharedBytes(bytes))
    }

    /// How two escaped titles sort (negative: `x` first; zero: the same), byte by byte:
    /// an account's entries are kept in this order, so the due list breaks a tie between
    /// two of an account's follow-ups by their positions alone, without reading their text
    /// (the index's text stays out of memory until it is shown).
    public static func titleOrder(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let common = Swift.min(x.count, y.count)
        let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
        return order != 0 ? Int(order) : x.count - y.count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> DueEntry {
        precondition(i >= 0 && i < count, "index out of range")
        return storage!.start[first + i]
    }

    /// Adds a follow-up at its place in title order (the entries after it move up one):
    /// the entries and text are copied into new memory (the index's are shared, and never
    /// changed).
    public mutating func append(_ f: FollowUp) {
        var entries: [DueEntry] = []
        var bytes: [UInt8] = []
        for i in indices {
            var entry = self[i]
            entry.text = bytes.count..<(bytes.count + entry.text.count)
            bytes.append(contentsOf: text(of: i))
            entries.append(entry)
        }
        Self.add(f, to: &entries, &bytes)
        self = DueEntries(entries, bytes)
    }

    /// Entries `kept` (indices, ascending, so the copy stays in title order), copied with
    /// their text into memory of their own: what is left holds nothing of the index's
    /// shared buffers.
    public func keeping(_ kept: [Int]) -> DueEntries {
        guard !kept.isEmpty, let storage else { return DueEntries() }
        // Written straight into the memory the copy keeps: `rapport due` keeps this way
        // the follow-ups of every account it reads.
        let source = storage.start + first
        var size = 0
        for i in kept {
            precondition(i >= 0 && i < count, "index out of range")
            size += source[i].text.count
        }
        let entries = UnsafeMutableBufferPointer<DueEntry>.allocate(capacity: kept.count)
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(size, 1))
        var written = 0
        text.withUnsafeBufferPointer { all in
            for (k, i) in kept.enumerated() {
                var entry = source[i]
                let from = entry.text.lowerBound - text.startIndex
                let length = entry.text.count
                if length > 0 {
                    (bytes.baseAddress! + written).initialize(from: all.baseAddress! + from, count: length)
                }
                entry.text = written..<(written + length)
                written += length
                (entries.baseAddress! + k).initialize(to: entry)
            }
        }
        return DueEntries(
            FixedBuffer(adopting: entries, count: kept.count), 0..<kept.count,
            text: SharedBytes(FixedBuffer(adopting: bytes, count: size)))
    }

    /// Each field is escaped straight into `text` and the first three's ends noted as they
    /// are written (escaped fields hold no tab: those are the ends `FieldEnds(in:)` finds).
    private static func add(_ f: FollowUp, to entries: inout [DueEntry], _ text: inout [UInt8]) {
        let start = text.count
        func field(_ value: String) -> UInt32 {
            FieldText.escape(value, into: &text)
            let end = UInt32(text.count - start)
            text.append(FieldText.tab)
            return end
        }
        let ends = DueEntry.FieldEnds(
            keyPart: field(f.ref.keyPart), title: field(f.title), owner: field(f.owner))
        FieldText.escape(f.why, into: &text)
        entries.append(
            DueEntry(
                due: f.due, redFrom: f.redFrom, neverDone: f.neverDone, severity: f.severity,
                source: f.source, text: start..<text.count, fieldEnds: ends))
    }

    /// The escaped text of entry `i` (all four fields, tab-separated).
    public func text(of i: Int) -> SharedBytes { text[self[i].text] }

    /// The four escaped fields of entry `i` (a missing one is empty).
    public func fields(of i: Int) -> (
        keyPart: SharedBytes, title: SharedBytes, owner: SharedBytes, why: SharedBytes
    ) {
        let bounds = self[i].fieldBounds
        return (text[bounds.keyPart], text[bounds.title], text[bounds.owner], text[bounds.why])
    }

    /// The entries and their text through pointers, for loops over a hundred thousand
    /// items: reading them through this value would count references at every read.
    /// Valid while this value, or a copy of it, lives.
    public var unsafeView: View {
        View(entries: storage.map { $0.start + first }, text: text.unsafeOrigin)
    }

    /// `unsafeView` for the duration of `body`.
    public func withView<R>(_ body: (View) -> R) -> R {
        defer { withExtendedLifetime(self) {} }
        return body(unsafeView)
    }

    /// Entries and their text as pointers (see `unsafeView`); nil when there are none.
    public struct View: @unchecked Sendable {
        // Sendable: the memory it points to never changes.
        public let entries: UnsafePointer<DueEntry>?
        /// The text's owner's first byte: entries' text ranges count from it.
        public let text: UnsafePointer<UInt8>?

        @inlinable public subscript(i: Int) -> DueEntry { entries![i] }

        /// Entry `i`'s four escaped fields.
        @inlinable
        public func fields(of i: Int) -> (
            keyPart: UnsafeBufferPointer<UInt8>, title: UnsafeBufferPointer<UInt8>,
            owner: UnsafeBufferPointer<UInt8>, why: UnsafeBufferPointer<UInt8>
        ) {
            let bounds = self[i].fieldBounds
            func field(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(start: text! + range.lowerBound, count: range.count)
            }
            return (field(bounds.keyPart), field(bounds.title), field(bounds.owner), field(bounds.why))
        }

        /// Entry `i`'s whole text: its four fields, tab-separated.
        @inlinable
        public func text(of i: Int) -> UnsafeBufferPointer<UInt8> {
            let range = self[i].text
            return UnsafeBufferPointer(start: text! + range.lowerBound, count: range.count)
        }
    }

    public static func == (a: DueEntries, b: DueEntries) -> Bool {
        a.count == b.count
            && a.indices.allSatisfy { i in
                var (x, y) = (a[i], b[i])
                (x.text, y.text) = (0..<0, 0..<0)
                return x == y && a.text(of: i) == b.text(of: i)
            }
    }
}

extension DueEntry {
    /// Where the entry's four fields sit, in the indices of the text its range is in.
    @inlinable
    public var fieldBounds: (keyPart: Range<Int>, title: Range<Int>, owner: Range<Int>, why: Range<Int>) {
        let (key, title, owner) = (
            text.lowerBound + Int(fieldEnds.keyPart), text.lowerBound + Int(fieldEnds.title),
            text.lowerBound + Int(fieldEnds.owner)
        )
        return (text.lowerBound..<key, key + 1..<title, title + 1..<owner, owner + 1..<text.upperBound)
    }
}
