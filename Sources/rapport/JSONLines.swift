import Dispatch
import IndexKit
import RapportCore
import StoreJSONCodec
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the JSON arrays of `accounts --json` and `due --json` by hand: one object per
/// line, keys in a fixed order, every key always present. JSONEncoder on Linux needs
/// most of a second for ten thousand objects; this renders the due list's 20 MB in
/// chunks on every core while the chunks already rendered are written.
struct JSONArrayWriter: ~Copyable {
    private var bytes: GrowingBytes
    private var firstKey = true

    init(capacity: Int = 1 << 16) {
        bytes = GrowingBytes(capacity: capacity)
    }

    /// Writes the array of `count` objects, object `i` written by `render(i, &writer)`,
    /// to standard output and ends the process: the JSON is the command's last word,
    /// and freeing ten thousand digests one by one on the way out would cost a tenth
    /// of the command's time for nothing.
    ///
    /// The objects are rendered a thousand at a time on every core, in order, and this
    /// thread writes each thousand as soon as it and those before it are ready: the
    /// writing overlaps the rendering. A few buffers take turns: chunk `c` renders into
    /// the one chunk `c - buffers` was written from, once that is written. So the output
    /// holds a few megabytes of memory however slowly it is read (`| less`), where each
    /// chunk had its own buffer until the process ended.
    static func writeAndExit(
        count: Int, _ render: @escaping @Sendable (Int, inout JSONArrayWriter) -> Void
    ) -> Never {
        // Each object starts with ",\n"; the first one's belongs to no neighbour.
        writeAndExit(
            count: count, opening: count == 0 ? "[]\n" : "[\n", closing: count > 0 ? "\n]\n" : "",
            skippingFirst: 2, render)
    }

    /// Writes `opening`, the `count` parts `render` writes (rendered and written as
    /// above; the first `skippingFirst` bytes of the first are left out), then `closing`,
    /// and ends the process. The due list's text uses it as the JSON does.
    static func writeAndExit(
        count: Int, opening: String, closing: String, skippingFirst: Int,
        _ render: @escaping @Sendable (Int, inout JSONArrayWriter) -> Void
    ) -> Never {
        let chunk = 1024
        let buffers = 4
        let chunks = (count + chunk - 1) / chunk
        let ready = (0..<chunks).map { _ in DispatchSemaphore(value: 0) }
        let written = (0..<chunks).map { _ in DispatchSemaphore(value: 0) }
        let rendered = Mutex([Buffer?](repeating: nil, count: chunks))
        let spare = Mutex([Buffer?](repeating: nil, count: buffers))
        DispatchQueue.global(qos: .userInitiated).async {
            // Chunks start in order: the one waited for here, and every one before it,
            // has started and finishes without waiting on a later one.
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                if c >= buffers { written[c - buffers].wait() }
                var writer = JSONArrayWriter(reusing: spare.withLock { $0[c % buffers].take() })
                let objects = c * chunk..<min(count, (c + 1) * chunk)
                for i in objects { render(i, &writer) }
                let part = writer.handedOver()
                rendered.withLock { $0[c] = part }
                ready[c].signal()
            }
        }
        do {
            try System.writeOutput(opening.utf8)
            for c in 0..<chunks {
                ready[c].wait()
                let part = rendered.withLock { $0[c].take()! }
                try System.writeOutput(
                    UnsafeRawBufferPointer(rebasing: part.written[(c == 0 ? skippingFirst : 0)...]))
                spare.withLock { $0[c % buffers] = part }
                written[c].signal()
            }
            try System.writeOutput(closing.utf8)
        } catch {
            System.writeError("Error: \(error)\n")
            exit(1)
        }
        exit(0)
    }

    /// A chunk's buffer, handed from the core that rendered into it to the thread that
    /// writes it, and back for a later chunk.
    private struct Buffer: @unchecked Sendable {
        let start: UnsafeMutablePointer<UInt8>
        let capacity: Int
        let count: Int

        var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count) }
    }

    /// A writer into `buffer`, from its start, or into a fresh megabyte.
    private init(reusing buffer: Buffer?) {
        bytes =
            buffer.map { GrowingBytes(reusing: $0.start, capacity: $0.capacity) }
            ?? GrowingBytes(capacity: 1 << 20)
    }

    private consuming func handedOver() -> Buffer {
        let memory = bytes.release()
        return Buffer(start: memory.start, capacity: memory.capacity, count: memory.count)
    }

    mutating func beginObject() {
        put(",\n{")
        firstKey = true
    }

    mutating func endObject() { put(UInt8(ascii: "}")) }

    mutating func add(_ key: StaticString, _ value: String?) {
        self.key(key)
        guard var value else { return put("null") }
        value.withUTF8 { quote($0) }
    }

    mutating func add(_ key: StaticString, _ value: Int?) {
        self.key(key)
        guard let value else { return put("null") }
        number(value)
    }

    mutating func add(_ key: StaticString, _ values: [String]) {
        self.key(key)
        put(UInt8(ascii: "["))
        for (i, var value) in values.enumerated() {
            if i > 0 { put(UInt8(ascii: ",")) }
            value.withUTF8 { quote($0) }
        }
        put(UInt8(ascii: "]"))
    }

    /// A list the index keeps as escaped bytes (`FieldText`, field `field` of `lists`),
    /// written from them: the same text as the list's strings, without making them.
    mutating func add(_ key: StaticString, listAt field: Int, of lists: SharedBytes) {
        self.key(key)
        put(UInt8(ascii: "["))
        var first = true
        lists.withUnsafeBufferPointer { bytes in
            FieldText.forEachElement(ofField: field, in: bytes) { element in
                if !first { put(UInt8(ascii: ",")) }
                first = false
                FieldText.withUnescaped(element) { quote($0) }
            }
        }
        put(UInt8(ascii: "]"))
    }

    mutating func add(_ key: StaticString, _ value: Bool) {
        self.key(key)
        put(value ? "true" : "false")
    }

    mutating func add(_ key: StaticString, _ day: Day?) {
        self.key(key)
        guard let day else { return put("null") }
        put(UInt8(ascii: "\""))
        day.withISO { put($0) }
        put(UInt8(ascii: "\""))
    }

    /// What has been written so far.
    var written: UnsafeBufferPointer<UInt8> { bytes.buffer }

    // MARK: Objects written piece by piece (the due list's items)

    /// JSON text as it is: punctuation, keys, text escaped beforehand.
    @inline(__always) mutating func literal(_ text: StaticString) { put(text) }

    mutating func literal(_ bytes: UnsafeBufferPointer<UInt8>) { put(bytes) }

    mutating func number(_ value: Int) { bytes.append(decimal: value) }

    /// `n` spaces (a text table's padding).
    mutating func spaces(_ n: Int) {
        var left = max(0, n)
        while left > 0 {
            let now = min(left, Self.blanks.count)
            Self.blanks.withUnsafeBufferPointer { put(UnsafeBufferPointer(rebasing: $0[..<now])) }
            left -= now
        }
    }

    private static let blanks = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    /// Drops the spaces that end what was written, back to `start` at most.
    mutating func trimSpaces(downTo start: Int) {
        var end = bytes.count
        while end > start && bytes.buffer[end - 1] == UInt8(ascii: " ") { end -= 1 }
        bytes.truncate(to: end)
    }

    /// A follow-up's text field as its digest keeps it (escaped with `FieldText`), as
    /// the inside of a JSON string.
    mutating func fieldText(_ field: UnsafeBufferPointer<UInt8>) {
        // Checked once: most fields are copied as they are. A backslash (the index's
        // escape) sends the field the slow way, like any byte JSON escapes.
        guard JSONEscaping.isNeeded(in: field) else { return put(field) }
        if field.contains(FieldText.backslash) {
            FieldText.unescapedBytes(field).withUnsafeBufferPointer { bytes.append(jsonEscaped: $0) }
        } else {
            bytes.append(jsonEscaped: field)
        }
    }

    /// Text as the inside of a JSON string.
    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(jsonEscaped: $0) }
    }

    private mutating func key(_ key: StaticString) {
        put(firstKey ? "\"" : ",\"")
        firstKey = false
        put(key)
        put("\":")
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private mutating func quote(_ utf8: UnsafeBufferPointer<UInt8>) {
        put(UInt8(ascii: "\""))
        bytes.append(jsonEscaped: utf8)
        put(UInt8(ascii: "\""))
    }

    @inline(__always) private mutating func put(_ text: StaticString) { bytes.append(text) }
    @inline(__always) private mutating func put(_ byte: UInt8) { bytes.append(byte) }
    private mutating func put(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(buffer) }
}

/// Pieces of JSON text that many objects share (an account's escaped name, a day),
/// written once on every core into one buffer and copied into each object from there.
struct JSONPieces: Sendable {
    private let pieces: PackedBytes

    /// `count` pieces, piece `i` written by `make(i, &writer)`.
    init(count: Int, _ make: @Sendable (Int, inout JSONArrayWriter) -> Void) {
        pieces = PackedBytes(count: count) { range in
            var writer = JSONArrayWriter(capacity: 1 << 16)
            var ends: [Int] = []
            for i in range {
                make(i, &writer)
                ends.append(writer.written.count)
            }
            return (Array(writer.written), ends)
        }
    }

    /// Copies piece `i` into `writer`.
    func write(_ i: Int, to writer: inout JSONArrayWriter) {
        pieces.withPiece(i) { writer.literal($0) }
    }

    /// Where piece `i` starts (`bytes + starts[i]`), for asking for it ahead of writing it.
    struct Pointers {
        let starts: UnsafePointer<Int>
        /// Nil when every piece is empty.
        let bytes: UnsafePointer<UInt8>?
    }

    /// `body` given the pieces' pointers, valid while it runs.
    func withPointers<R>(_ body: (Pointers) -> R) -> R {
        pieces.starts.withUnsafeBufferPointer { starts in
            pieces.bytes.withUnsafeBufferPointer { bytes in
                body(Pointers(starts: starts.baseAddress!, bytes: bytes.baseAddress))
            }
        }
    }
}
