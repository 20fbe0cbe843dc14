/// Many short byte strings kept in one buffer and made on every core: sort keys for ten
/// thousand names, escaped names for the due list's JSON. Piece `i` is
/// `bytes[starts[i]..<starts[i + 1]]`; one array each rather than one per piece.
public struct PackedBytes: Sendable {
    public let bytes: [UInt8]
    /// Where each piece starts, and after the last, where the bytes end.
    public let starts: [Int]

    /// `count` pieces made a thousand at a time on every core: `make(range)` returns a
    /// chunk's pieces one after another and where each of them ends.
    public init(count: Int, _ make: @Sendable (Range<Int>) -> (bytes: [UInt8], ends: [Int])) {
        let chunk = 1024
        let parts = Parallel.map((count + chunk - 1) / chunk) { c in
            make(c * chunk..<min(count, (c + 1) * chunk))
        }
        var bytes: [UInt8] = []
        var starts = [0]
        bytes.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        starts.reserveCapacity(count + 1)
        for part in parts {
            let offset = bytes.count
            bytes += part.bytes
            starts += part.ends.map { $0 + offset }
        }
        (self.bytes, self.starts) = (bytes, starts)
    }

    /// Piece `i`'s bytes.
    @inlinable
    public func withPiece<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[i]..<starts[i + 1]])) }
    }
}
