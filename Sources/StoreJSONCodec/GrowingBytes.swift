/// Bytes in memory of their own that grows as they are appended: the buffer both JSON
/// writers fill (the account files' encoder, and `accounts --json` / `due --json`).
/// Appending a few bytes is a copy, where `Array`'s generic append cost a tenth of the
/// encoding time.
public struct GrowingBytes: ~Copyable {
    @usableFromInline var start: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var used = 0

    public init(capacity: Int) {
        self.init(reusing: .allocate(capacity: max(capacity, 1)), capacity: max(capacity, 1))
    }

    /// Takes over memory made with `allocate` (what `release()` gave up), empty.
    public init(reusing start: UnsafeMutablePointer<UInt8>, capacity: Int) {
        (self.start, self.capacity) = (start, capacity)
    }

    deinit { start.deallocate() }

    /// Gives up the memory, for the caller to deallocate or reuse.
    public consuming func release() -> (start: UnsafeMutablePointer<UInt8>, capacity: Int, count: Int) {
        let memory = (start, capacity, used)
        discard self
        return memory
    }

    public var count: Int { used }

    /// The bytes, valid until the next change.
    public var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: used) }

    @usableFromInline
    mutating func reserve(_ more: Int) {
        guard used + more > capacity else { return }
        capacity = max(capacity * 2, used + more)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: start, count: used)
        start.deallocate()
        start = larger
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        if used == capacity { reserve(1) }
        start[used] = byte
        used += 1
    }

    @inlinable
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress else { return }
        if used + bytes.count > capacity { reserve(bytes.count) }
        (start + used).update(from: from, count: bytes.count)
        used += bytes.count
    }

    /// Punctuation and keys: a few bytes each, copied here rather than by a call to memmove
    /// (the literal's length known where it is inlined, the copy is a few moves; a loop of
    /// bytes was three instructions a byte).
    @inlinable @inline(__always)
    public mutating func append(_ text: StaticString) {
        let count = text.utf8CodeUnitCount
        if used + count > capacity { reserve(count) }
        UnsafeMutableRawPointer(start + used).copyMemory(from: text.utf8Start, byteCount: count)
        used += count
    }

    public mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
        guard let from = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + position + bytes.count).update(from: start + position, count: used - position)
        (start + position).update(from: from, count: bytes.count)
        used += bytes.count
    }

    /// Keeps the first `count` bytes.
    public mutating func truncate(to count: Int) { used = count }

    /// An integer in decimal digits.
    @inlinable
    public mutating func append(decimal value: some FixedWidthInteger) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, enough for 64 bits
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var rest = value.magnitude
            var first = buffer.count
            repeat {
                let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
                first -= 1
                buffer[first] = UInt8(ascii: "0") + UInt8(digit)
                rest = quotient
            } while rest != 0
            if value < 0 { append(UInt8(ascii: "-")) }
            append(UnsafeBufferPointer(rebasing: buffer[first...]))
        }
    }

    /// UTF-8 text as the inside of a JSON string, escaped as `JSONEncoder` escapes it:
    /// quotes and backslashes, the common control characters by letter, the others as
    /// `\u00XX`. Copied whole when nothing in it needs escaping.
    public mutating func append(jsonEscaped utf8: UnsafeBufferPointer<UInt8>) {
        guard JSONEscaping.isNeeded(in: utf8) else { return append(utf8) }
        var mark = 0
        for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            append(UnsafeBufferPointer(rebasing: utf8[mark..<i]))
            mark = i + 1
            switch byte {
            case 0x22: append("\\\"")
            case 0x5C: append("\\\\")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                append("\\u00")
                append(hex.utf8Start[Int(byte >> 4)])
                append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        append(UnsafeBufferPointer(rebasing: utf8[mark...]))
    }
}
