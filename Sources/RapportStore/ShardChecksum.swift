// An index shard's checksum, written in its header line: a shard edited by hand (or
// damaged) so that an entry still carries its file's stamp but says something else is
// then not trusted: readers rebuild it from the account files, and `check` names it (D41).
enum ShardChecksum {
    /// Sixteen hex digits.
    static let width = 16

    /// A 64-bit hash of `bytes`, eight bytes at a time in four lanes that do not wait on
    /// each other (it is computed on every read of every shard: one lane's multiplies,
    /// each waiting on the last, were 3% of a list's time). Not cryptographic: it notices
    /// edits and damage, not a forger, who could as well edit the account file.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let seed: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var lanes = (seed, seed ^ 1, seed ^ 2, seed ^ 3)
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 32 <= raw.count {
            lanes.0 = mix(lanes.0, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            lanes.1 = mix(lanes.1, raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        while i + 8 <= raw.count {
            hash = mix(hash, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        while i < raw.count {
            tail = tail << 8 | UInt64(raw[i])
            i += 1
        }
        return mix(hash, tail)
    }

    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        var h = (hash ^ word) &* 0x9e37_79b9_7f4a_7c15
        h ^= h >> 31
        return h
    }

    /// `value` as exactly `width` lowercase hex digits.
    static func hex(_ value: UInt64) -> [UInt8] {
        let digits = Array(String(value, radix: 16).utf8)
        return [UInt8](repeating: UInt8(ascii: "0"), count: width - digits.count) + digits
    }
}
