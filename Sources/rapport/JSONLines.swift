import Dispatch
import Synchronization
import RapportCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes the JSON arrays of `accounts --json` and `due --json` by hand: one object per
/// line, keys in a fixed order, every key always present. JSONEncoder on Linux needs
/// most of a second for ten thousand objects; this renders the due list's 20 MB in
/// chunks on every core while the chunks already rendered are written.
struct JSONArrayWriter: ~Copyable {
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var firstKey = true

    init(capacity: Int = 1 << 16) {
        self.init(start: .allocate(capacity: capacity), capacity: capacity)
    }

    private init(start: UnsafeMutablePointer<UInt8>, capacity: Int) {
        (buffer, self.capacity) = (start, capacity)
    }

    deinit { buffer.deallocate() }

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
    static func writeAndExit(count: Int, preparing prepare: (@Sendable (Range<Int>) -> Void)? = nil,
                             _ render: @escaping @Sendable (Int, inout JSONArrayWriter) -> Void) -> Never {
        let chunk = 1024, buffers = 4
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
                prepare?(objects)
                for i in objects { render(i, &writer) }
                let part = writer.handedOver()
                rendered.withLock { $0[c] = part }
                ready[c].signal()
            }
        }
        do {
            try System.writeOutput(count == 0 ? "[]\n" : "[\n")
            for c in 0..<chunks {
                ready[c].wait()
                let part = rendered.withLock { $0[c].take()! }
                // Each object starts with ",\n"; the first one's belongs to no neighbour.
                try System.writeOutput(UnsafeRawBufferPointer(rebasing: part.written[(c == 0 ? 2 : 0)...]))
                spare.withLock { $0[c % buffers] = part }
                written[c].signal()
            }
            if count > 0 { try System.writeOutput("\n]\n") }
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
        if let buffer { self.init(start: buffer.start, capacity: buffer.capacity) } else { self.init(capacity: 1 << 20) }
    }

    private consuming func handedOver() -> Buffer {
        let result = Buffer(start: buffer, capacity: capacity, count: count)
        discard self
        return result
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

    mutating func add(_ key: StaticString, _ day: Day?) {
        self.key(key)
        guard let day else { return put("null") }
        put(UInt8(ascii: "\""))
        day.withISO { put($0) }
        put(UInt8(ascii: "\""))
    }

    /// What has been written so far.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

    // MARK: Objects written piece by piece (the due list's items)

    /// JSON text as it is: punctuation, keys, text escaped beforehand.
    @inline(__always) mutating func literal(_ text: StaticString) { put(text) }

    mutating func literal(_ bytes: UnsafeBufferPointer<UInt8>) { put(bytes) }

    mutating func number(_ value: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var rest = value.magnitude, start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 { put(UInt8(ascii: "-")) }
            put(UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A follow-up's text field as its digest keeps it (escaped with `FieldText`), as
    /// the inside of a JSON string.
    mutating func fieldText(_ field: UnsafeBufferPointer<UInt8>) {
        // Checked once: most fields are copied as they are. A backslash (the index's
        // escape) sends the field the slow way, like any byte JSON escapes.
        guard JSONEscaping.isNeeded(in: field) else { return put(field) }
        if field.contains(FieldText.backslash) {
            FieldText.unescapedBytes(field).withUnsafeBufferPointer { escape($0) }
        } else {
            escapeEach(field)
        }
    }

    /// Text as the inside of a JSON string.
    mutating func escaped(_ text: String) {
        var text = text
        text.withUTF8 { escape($0) }
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
        escape(utf8)
        put(UInt8(ascii: "\""))
    }

    /// Text inside a literal; copied whole unless something in it needs escaping.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard JSONEscaping.isNeeded(in: utf8) else { return put(utf8) }
        escapeEach(utf8)
    }

    /// `escape` byte by byte, for text known to need it.
    private mutating func escapeEach(_ utf8: UnsafeBufferPointer<UInt8>) {
        for b in utf8 {
            switch b {
            case UInt8(ascii: "\""): put("\\\"")
            case UInt8(ascii: "\\"): put("\\\\")
            case 0x0A: put("\\n")
            case 0x0D: put("\\r")
            case 0x09: put("\\t")
            case 0..<0x20:
                let hex: StaticString = "0123456789abcdef"
                put("\\u00")
                put(hex.utf8Start[Int(b >> 4)])
                put(hex.utf8Start[Int(b & 0xF)])
            default: put(b)
            }
        }
    }

    /// Keys and punctuation: a few bytes each, copied here rather than by a call to memmove.
    @inline(__always)
    private mutating func put(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        if self.count + count > capacity { grow(to: self.count + count) }
        for i in 0..<count { buffer[self.count + i] = text.utf8Start[i] }
        self.count += count
    }

    private mutating func put(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        buffer[count] = byte
        count += 1
    }

    private mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        if count + bytes.count > capacity { grow(to: count + bytes.count) }
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    private mutating func grow(to needed: Int) {
        while capacity < needed { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = larger
    }
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
}
