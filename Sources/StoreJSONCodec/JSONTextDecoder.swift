import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Decodes `Decodable` values from JSON text with a fifth of the work of Foundation's
/// `JSONDecoder` (about 1.0 against 5.3 million instructions for an account of 27 KB;
/// 2.1 before the records an account holds by the dozen were read through `JSONRecord`,
/// D55); `RapportJSON.decode` falls back to that for anything this one refuses, so
/// results and error messages are `JSONDecoder`'s.
///
/// The text is first indexed into a flat list of nodes (one per value and key, each
/// container knowing where it ends), then decoded from it: an object's member is found
/// by comparing key bytes, without a dictionary per object as `JSONDecoder` builds.
///
/// It refuses (`Refused`) rather than guess wherever `JSONDecoder` might decide
/// differently: an object whose keys repeat, an escaped key, a key outside ASCII
/// (`JSONDecoder` compares keys as `String`s, so a Kelvin sign is a `K` to it), invalid
/// UTF-8, a number with a fraction or exponent read as an integer, and the types
/// `JSONDecoder` reads in a form of its own (dates, data, URLs, decimals). It also
/// refuses what no JSON decoder accepts, a number read as a `Double` that does not fit
/// one (as `JSONDecoder` does), and a value that does not fit the type asked for.
enum JSONTextDecoder {
    /// This decoder does not decide; `JSONDecoder` will. `problem` says what is wrong
    /// where that is certain, for the message when `JSONDecoder` refuses the text too.
    struct Refused: Error {
        var problem: DecodingError.Context?
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { raw in
            let document = try JSONIndex(raw.bindMemory(to: UInt8.self))
            // Decoders hold the index unowned; it must live until decoding ends.
            return try withExtendedLifetime(document) {
                try NodeDecoder(document: document, node: 0).decodeValue(type)
            }
        }
    }

    /// Decodes a `T`, and notes the members of the text that it did not read.
    static func decodeNotingUnknown<T: Decodable>(
        _ type: T.Type, from data: Data, unknown: inout UnknownMembers
    ) throws -> T {
        try data.withUnsafeBytes { raw in
            let document = try JSONIndex(raw.bindMemory(to: UInt8.self))
            return try withExtendedLifetime(document) {
                let value = try NodeDecoder(document: document, node: 0).decodeValue(type)
                unknown = UnknownMembers(unread: document)
                return value
            }
        }
    }
}

/// One JSON value (or object key) in the index. For a string or number, `first` and
/// `second` are its bytes' bounds (a string's without the quotes); for an object or
/// array, its member count and the index of the node after its last member.
struct JSONNode {
    enum Kind: UInt8 { case object, array, string, escapedString, integer, number, `true`, `false`, null }

    var kind: Kind
    var first: Int32
    var second: Int32
}

/// A JSON text indexed into nodes, in document order: an object's members are its key
/// and value nodes by turns, each value followed by its own members.
final class JSONIndex {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The nodes, in memory of the index's own: read through an array held by a class,
    /// each access counted a reference to the array.
    let nodes: UnsafeMutableBufferPointer<JSONNode>
    /// For each key node, whether a decode looked it up (`UnknownMembers` keeps the rest).
    let looked: UnsafeMutableBufferPointer<Bool>
    /// How many key nodes there are.
    let keyCount: Int

    /// Indexes `bytes`, which must stay valid while this index is used. Keys outside
    /// ASCII are refused for decoding (see `JSONTextDecoder`), not for finding places.
    init(_ bytes: UnsafeBufferPointer<UInt8>, refusingNonASCIIKeys: Bool = true) throws {
        // Offsets are kept in 32 bits. Valid UTF-8 as a whole, so each string in it is
        // (strings end at ASCII quotes).
        let nonASCII = JSONIndex.hasNonASCII(bytes)
        guard bytes.count < Int32.max, !nonASCII || String(validating: bytes, as: UTF8.self) != nil else {
            throw JSONTextDecoder.Refused()
        }
        var parser = JSONParser(bytes: bytes, refusingNonASCIIKeys: nonASCII && refusingNonASCIIKeys)
        try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw JSONTextDecoder.Refused() }
        self.bytes = bytes
        keyCount = parser.keyCount
        nodes = parser.releaseNodes()
        looked = .allocate(capacity: nodes.count)
        looked.initialize(repeating: false)
    }

    deinit {
        nodes.deallocate()
        looked.deallocate()
    }

    /// Whether any byte is outside ASCII, sixteen at a time.
    static func hasNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        var any = SIMD16<UInt8>()
        while i + 16 <= bytes.count {
            any |= UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            i += 16
        }
        while i < bytes.count {
            any[0] |= base[i]
            i += 1
        }
        return any.max() >= 0x80
    }

    /// The node after `node` and all its members.
    func next(_ node: Int) -> Int {
        let n = nodes[node]
        return n.kind == .object || n.kind == .array ? Int(n.second) : node + 1
    }

    /// The value of `key` in the object at `object`, if it has that key.
    func member(_ key: String, of object: Int) -> Int? {
        var key = key
        return key.withUTF8 { member($0, of: object) }
    }

    /// The value of the key whose bytes are `wanted` in the object at `object`, if it has
    /// that key.
    func member(_ wanted: UnsafeBufferPointer<UInt8>, of object: Int) -> Int? {
        var at = object + 1
        for _ in 0..<nodes[object].first {
            if isKey(at, wanted) {
                looked[at] = true
                return at + 1
            }
            at = next(at + 1)
        }
        return nil
    }

    /// Whether the key node at `node` has the bytes `wanted`.
    func isKey(_ node: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let keyNode = nodes[node]
        // The first bytes are compared before calling memcmp: most keys of the same
        // length differ there.
        return keyNode.second - keyNode.first == wanted.count
            && (wanted.isEmpty
                || (bytes[Int(keyNode.first)] == wanted[0]
                    && memcmp(bytes.baseAddress! + Int(keyNode.first), wanted.baseAddress!, wanted.count) == 0))
    }

    /// The keys and value nodes of the object at `object`, in document order (all of
    /// them looked up: a dictionary is read whole).
    func members(of object: Int) -> [(key: String, value: Int)] {
        var result: [(key: String, value: Int)] = []
        var at = object + 1
        for _ in 0..<nodes[object].first {
            looked[at] = true
            result.append((text(at) ?? "", at + 1))
            at = next(at + 1)
        }
        return result
    }

    /// The elements of the array at `array`.
    func elements(of array: Int) -> [Int] {
        var result: [Int] = []
        var at = array + 1
        for _ in 0..<nodes[array].first {
            result.append(at)
            at = next(at)
        }
        return result
    }

    /// The string at `node`, nil if it is not a string or not valid UTF-8.
    func text(_ node: Int) -> String? {
        let n = nodes[node]
        let slice = UnsafeBufferPointer(rebasing: bytes[Int(n.first)..<Int(n.second)])
        switch n.kind {
        case .string: return String(decoding: slice, as: UTF8.self)
        case .escapedString:
            return JSONParser.unescaped(slice).flatMap { String(validating: $0, as: UTF8.self) }
        default: return nil
        }
    }

    /// The number at `node` as a Double; nil for one a Double cannot hold, as
    /// `JSONDecoder` refuses it: beyond the largest finite Double, or so small that it
    /// rounds to zero although a digit of it is not zero.
    func double(_ node: Int) -> Double? {
        let n = nodes[node]
        guard n.kind == .integer || n.kind == .number else { return nil }
        let digits = UnsafeBufferPointer(rebasing: bytes[Int(n.first)..<Int(n.second)])
        guard let value = Double(String(decoding: digits, as: UTF8.self)), value.isFinite else { return nil }
        guard value == 0, n.kind == .number else { return value }
        let mantissa = digits.prefix { $0 | 0x20 != UInt8(ascii: "e") }
        return mantissa.allSatisfy { $0 < UInt8(ascii: "1") || $0 > UInt8(ascii: "9") } ? value : nil
    }

    /// Why the number at `node` cannot be read as a `T`, where it is a number and `T` a
    /// number type: for the message when `JSONDecoder` refuses it too.
    func numberProblem<T>(_ node: Int, as type: T.Type) -> DecodingError.Context? {
        let n = nodes[node]
        guard n.kind == .integer || n.kind == .number else { return nil }
        let accepted: String
        if T.self == Double.self {
            accepted = "within ±1.7976931348623157e308 and not so small that it rounds to 0"
        } else if let integer = T.self as? any FixedWidthInteger.Type {
            accepted = "a whole number from \(integer.min) to \(integer.max)"
        } else {
            return nil
        }
        let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[Int(n.first)..<Int(n.second)]), as: UTF8.self)
        return DecodingError.Context(
            codingPath: path(to: node),
            debugDescription: "the number \(text) is out of range (accepted: \(accepted))")
    }

    /// The number at `node` as an integer of type `T`, if it is written as one (no
    /// fraction or exponent) and fits.
    func integer<T: FixedWidthInteger>(_ node: Int, as type: T.Type) -> T? {
        let n = nodes[node]
        guard n.kind == .integer else { return nil }
        var i = Int(n.first)
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value: T = 0
        while i < Int(n.second) {
            let digit = T(bytes[i] &- UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative
                ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = next
            i += 1
        }
        return value
    }

    /// The coding path from the top to `node`, for error messages.
    func path(to node: Int) -> [CodingKey] {
        var path: [CodingKey] = []
        var at = 0
        while at != node {
            let kind = nodes[at].kind
            guard kind == .object || kind == .array else { break }
            if kind == .object {
                guard let (key, value) = members(of: at).last(where: { $0.value <= node }) else { break }
                path.append(IndexKey(key))
                at = value
            } else {
                let elements = elements(of: at)
                guard let position = elements.lastIndex(where: { $0 <= node }) else { break }
                path.append(IndexKey(position))
                at = elements[position]
            }
        }
        return path
    }
}
