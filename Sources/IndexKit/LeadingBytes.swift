extension UInt64 {
    /// The first eight bytes as a big-endian number, zeros after a shorter run: two runs
    /// whose numbers differ order as the numbers do, so most comparisons of sort keys
    /// end at one integer comparison.
    @inlinable
    public init(leadingBytes bytes: UnsafeBufferPointer<UInt8>) {
        var value: UInt64 = 0
        for i in 0..<8 { value = value << 8 | UInt64(i < bytes.count ? bytes[i] : 0) }
        self = value
    }
}
