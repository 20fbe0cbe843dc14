import CMemmem
import Dispatch
import Synchronization

/// Many short texts (a list's lower-cased filter text, one per row) in one buffer, each
/// followed by a zero byte, searched together: a filter test of every row is one
/// `memmem` pass over the buffer, not a call per row (a fifth of a microsecond each, 22 ms
/// a keystroke at 100,000 accounts). Matching is byte-exact, as `TextSearch.contains`.
public struct PackedTexts: Equatable, Sendable {
    private var bytes: [UInt8] = []
    /// Where each text starts, then where the next would: text `i` is
    /// `starts[i] ..< starts[i + 1] - 1` (its zero byte follows).
    private var starts: [Int] = [0]

    public init(_ texts: [String] = []) {
        bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 1 })
        starts.reserveCapacity(texts.count + 1)
        for text in texts {
            bytes += text.utf8
            bytes.append(0)
            starts.append(bytes.count)
        }
    }

    /// Room for `texts` more texts of `bytes` bytes in all, so that appending them (or
    /// another's, `append(contentsOf:)`) moves nothing. Room never written to costs
    /// address space, not memory: the pages of a large buffer are only taken when used.
    public mutating func reserveCapacity(bytes: Int, texts: Int) {
        self.bytes.reserveCapacity(self.bytes.count + bytes)
        starts.reserveCapacity(starts.count + texts)
    }

    /// Adds `other`'s texts after these.
    public mutating func append(contentsOf other: PackedTexts) {
        let offset = bytes.count
        bytes += other.bytes
        starts += other.starts.dropFirst().lazy.map { $0 + offset }
    }

    /// Adds a text at the end, its UTF-8 written by `write` (it must write no zero byte).
    public mutating func append(_ write: (inout [UInt8]) -> Void) {
        write(&bytes)
        bytes.append(0)
        starts.append(bytes.count)
    }

    public var count: Int { starts.count - 1 }

    public subscript(i: Int) -> String {
        String(decoding: bytes[starts[i]..<starts[i + 1] - 1], as: UTF8.self)
    }

    public mutating func remove(at i: Int) {
        let (start, end) = (starts[i], starts[i + 1])
        bytes.removeSubrange(start..<end)
        starts.remove(at: i + 1)
        for k in (i + 1)..<starts.count { starts[k] -= end - start }
    }

    public mutating func insert(_ text: String, at i: Int) { insert(utf8: Array(text.utf8), at: i) }

    public mutating func insert(utf8 text: [UInt8], at i: Int) {
        let added = text + [0]
        bytes.insert(contentsOf: added, at: starts[i])
        starts.insert(starts[i], at: i + 1)
        for k in (i + 1)..<starts.count { starts[k] += added.count }
    }

    /// Whether text `i` contains `needle`.
    public func contains(_ i: Int, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        return bytes.withUnsafeBytes { b in
            needle.withUnsafeBytes { n in
                memmem(b.baseAddress! + starts[i], starts[i + 1] - 1 - starts[i], n.baseAddress!, n.count)
                    != nil
            }
        }
    }

    /// Those of `positions` whose texts contain `needle`, in their order: text by text
    /// when they are few, else from one pass over every text (`memmem` prepares itself
    /// on every call, a tenth of a microsecond).
    public func filter(_ positions: [Int], containing needle: [UInt8]) -> [Int] {
        guard positions.count > count / 16 else { return positions.filter { contains($0, needle) } }
        var matches = [Bool](repeating: false, count: count)
        for i in self.positions(containing: needle) { matches[i] = true }
        return positions.filter { matches[$0] }
    }

    /// The positions of the texts that contain `needle`, in order: a megabyte or more
    /// is searched in `parts` parts on every core.
    public func positions(containing needle: [UInt8], parts: Int? = nil) -> [Int] {
        guard !needle.isEmpty else { return Array(0..<count) }
        // A zero byte would match across two texts: each text is searched alone.
        guard !needle.contains(0) else { return (0..<count).filter { contains($0, needle) } }
        let parts = max(1, parts ?? (bytes.count < 1 << 20 ? 1 : 8))
        let found = Mutex([[Int]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let rows = count * part / parts..<count * (part + 1) / parts
            let mine = positions(in: rows, containing: needle)
            found.withLock { $0[part] = mine }
        }
        return found.withLock { $0.flatMap { $0 } }
    }

    /// Those of `rows` whose texts contain `needle`: `memmem` over their bytes, each hit
    /// taken as its text's and the search going on from the next text.
    private func positions(in rows: Range<Int>, containing needle: [UInt8]) -> [Int] {
        var found: [Int] = []
        guard !rows.isEmpty else { return found }
        bytes.withUnsafeBytes { b in
            needle.withUnsafeBytes { n in
                let base = b.baseAddress!
                let end = starts[rows.upperBound]
                var row = rows.lowerBound
                var from = starts[row]
                while from < end, let hit = memmem(base + from, end - from, n.baseAddress!, n.count) {
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    while starts[row + 1] <= at { row += 1 }
                    found.append(row)
                    from = starts[row + 1]
                }
            }
        }
        return found
    }
}
