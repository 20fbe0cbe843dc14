/// The stable identity of a record (account, contact, touchpoint, ...).
///
/// Ids are short lowercase strings drawn from `[a-z0-9-]`, so an id can name a file
/// safely: an account's file is `accounts/<id>.json` whatever the account is called.
public struct RecordID: Hashable, Comparable, Sendable, Codable, RawRepresentable {
    public let rawValue: String

    /// Accepts only safe ids (1–64 characters of `a-z`, `0-9`, `-`, not starting with `-`).
    public init?(rawValue: String) {
        guard RecordID.isSafe(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard RecordID.isSafe(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a valid id (a-z, 0-9 and '-' only)")
        }
        rawValue = text
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Accepts only safe ids, from UTF-8 bytes (as the store reads a file's ids).
    public init?(utf8: UnsafeBufferPointer<UInt8>) {
        guard RecordID.isSafe(utf8: utf8) else { return nil }
        rawValue = String(decoding: utf8, as: UTF8.self)
    }

    /// A new random id with a kind prefix, e.g. `acc-k3v9x2mq`.
    public static func generate(_ prefix: String, using random: inout some RandomNumberGenerator) -> RecordID
    {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var text = prefix + "-"
        for _ in 0..<8 { text.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
        return RecordID(rawValue: text)!
    }

    /// A new random id from the system generator.
    public static func generate(_ prefix: String) -> RecordID {
        var rng = SystemRandomNumberGenerator()
        return generate(prefix, using: &rng)
    }

    /// Read through a buffer: `String.UTF8View` byte by byte was half of decoding an id.
    public static func isSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isSafe(utf8: $0) }
    }

    /// The same check on UTF-8 bytes (the index checks references without strings).
    public static func isSafe<Bytes: Collection<UInt8>>(utf8: Bytes) -> Bool {
        guard (1...64).contains(utf8.count), utf8.first != UInt8(ascii: "-") else { return false }
        return utf8.allSatisfy(isIDByte)
    }

    /// Whether a byte may be in an id: a lower-case ASCII letter, a digit or a hyphen.
    @inline(__always)
    public static func isIDByte(_ b: UInt8) -> Bool { b &- 97 < 26 || b &- 48 < 10 || b == 45 }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RecordID: CustomStringConvertible {
    public var description: String { rawValue }
}

/// A small, fast, seedable generator (SplitMix64) so demo and synthetic stores are
/// the same for the same seed on every machine.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
