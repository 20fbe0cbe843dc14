#if canImport(Glibc)
    import Glibc
#endif

/// Elements in memory allocated once, never moved or changed, and freed with the last
/// holder; or the bytes of a file mapped read-only (which its writer only ever replaces,
/// never changes in place). A pointer into it stays valid for as long as a holder is held,
/// so a loop over a hundred thousand elements can read them through a pointer taken once,
/// instead of through an array or slice inside another value, which counts a reference
/// (an atomic operation) at every read. The index's shards are read or mapped into these.
public final class FixedBuffer<Element: Sendable>: @unchecked Sendable {
    // Sendable: nothing changes the elements after `init`.
    public let start: UnsafePointer<Element>
    public let count: Int
    /// The length of the file mapping the elements lie in, to unmap; nil for allocated memory.
    private let mappedLength: Int?

    /// Takes over the first `count` elements of `memory` (made with `allocate`), which
    /// must be initialized and not be used elsewhere again.
    public init(adopting memory: UnsafeMutableBufferPointer<Element>, count: Int) {
        precondition(count <= memory.count && memory.baseAddress != nil)
        start = UnsafePointer(memory.baseAddress!)
        self.count = count
        mappedLength = nil
    }

    /// Takes over a read-only mapping of `length` bytes holding `count` elements (of a
    /// trivial type: nothing is deinitialized, the mapping is unmapped).
    public init(mapped base: UnsafeRawPointer, length: Int, count: Int) {
        precondition(count * MemoryLayout<Element>.stride <= length)
        start = base.assumingMemoryBound(to: Element.self)
        self.count = count
        mappedLength = length
    }

    /// Lets the mapped pages go from this process's memory (they are read again from the
    /// file's cached pages when next touched); nothing for allocated memory.
    public func releasePages() {
        guard let mappedLength else { return }
        madvise(UnsafeMutableRawPointer(mutating: start), mappedLength, MADV_DONTNEED)
    }

    /// A copy of `elements`.
    public convenience init(_ elements: some Collection<Element>) {
        let memory = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = memory.initialize(fromContentsOf: elements)
        self.init(adopting: memory, count: elements.count)
    }

    deinit {
        if let mappedLength {
            munmap(UnsafeMutableRawPointer(mutating: start), mappedLength)
            return
        }
        let memory = UnsafeMutablePointer(mutating: start)
        memory.deinitialize(count: count)
        memory.deallocate()
    }
}

/// A run of bytes in a `FixedBuffer`, indexed by their offsets in it: how digests keep
/// the index's text (follow-ups, tags, contact names) without copying it out of the
/// shard it was read from. Equal when the bytes are, wherever they are kept.
public struct SharedBytes: RandomAccessCollection, Hashable, Sendable {
    private let owner: FixedBuffer<UInt8>?
    public let startIndex: Int
    public let endIndex: Int

    /// No bytes.
    public init() {
        (owner, startIndex, endIndex) = (nil, 0, 0)
    }

    /// All of `owner`'s bytes.
    public init(_ owner: FixedBuffer<UInt8>) {
        (self.owner, startIndex, endIndex) = (owner, 0, owner.count)
    }

    /// A copy of `bytes`.
    public init(_ bytes: some Collection<UInt8>) {
        self.init(FixedBuffer(bytes))
    }

    private init(_ owner: FixedBuffer<UInt8>?, _ bounds: Range<Int>) {
        (self.owner, startIndex, endIndex) = (owner, bounds.lowerBound, bounds.upperBound)
    }

    public subscript(i: Int) -> UInt8 {
        precondition(i >= startIndex && i < endIndex, "index out of range")
        return owner!.start[i]
    }

    public subscript(bounds: Range<Int>) -> SharedBytes {
        precondition(bounds.lowerBound >= startIndex && bounds.upperBound <= endIndex, "range out of range")
        return SharedBytes(owner, bounds)
    }

    /// The bytes as a buffer, for the duration of `body`.
    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R)
        throws(E) -> R
    {
        defer { withExtendedLifetime(owner) {} }
        return try body(UnsafeBufferPointer(start: owner.map { $0.start + startIndex }, count: count))
    }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows
        -> R?
    {
        try withUnsafeBufferPointer { buffer in try body(buffer) }
    }

    /// The owner's first byte, from which these bytes' indices count: valid while this
    /// value, or another holder of the same owner, lives (nil when there are no bytes).
    public var unsafeOrigin: UnsafePointer<UInt8>? { owner?.start }

    /// Lets a mapped owner's pages go from memory (see `FixedBuffer.releasePages`).
    public func releasePages() { owner?.releasePages() }

    public func hash(into hasher: inout Hasher) {
        withUnsafeBufferPointer { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (a: SharedBytes, b: SharedBytes) -> Bool {
        a.count == b.count
            && a.withUnsafeBufferPointer { x in
                b.withUnsafeBufferPointer { y in
                    x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
                }
            }
    }
}
