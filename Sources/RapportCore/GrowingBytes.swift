/// Bytes in memory this encoder allocates and grows: appending a few bytes is a copy,
/// where `Array`'s generic append cost a tenth of the encoding time.
struct GrowingBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    func free() { base.deallocate() }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        capacity = max(capacity * 2, count + more)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: base, count: count)
        base.deallocate()
        base = larger
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) {
        guard let from = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + position + bytes.count).update(from: base + position, count: count - position)
        (base + position).update(from: from, count: bytes.count)
        count += bytes.count
    }

    /// Keeps the first `count` bytes.
    mutating func truncate(to count: Int) { self.count = count }
}
