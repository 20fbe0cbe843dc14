/// One JSON object of a text `RapportJSON` is decoding, read member by member without
/// `Codable`'s containers: for the records an account file holds by the dozen
/// (touchpoints, litmus checks, measures), whose `Codable` decoding was most of the work
/// of rebuilding the index (D55). Members are noted as read for `UnknownMembers` as
/// `Codable`'s are. Read in the order Rapport writes them (keys sorted by their bytes),
/// each is found at once, where the key after the last one found is; any other order, or
/// a missing key, costs a look through the object's keys.
///
/// A reading refuses (`Refused`) whatever it does not expect: a member of another type, a
/// value the record's own checks refuse, a missing member that must be there. The caller
/// then decodes the same value through `Codable`, which decides, with its errors.
public struct JSONRecord {
    /// This reading does not decide; `Codable` will.
    public struct Refused: Error {
        public init() {}
    }

    // Held strongly (unlike the decoders): each call on an unowned(unsafe) one counted a
    // reference to it, where a record is made once per object.
    let document: JSONIndex
    let node: Int
    /// The key node after the member found last, and the node after the object's members.
    private var cursor: Int
    private let end: Int

    init(document: JSONIndex, node: Int) {
        self.document = document
        self.node = node
        cursor = node + 1
        end = Int(document.nodes[node].second)
    }

    /// Reads each element of the array `decoder` is at with `read`: nil unless `decoder`
    /// is this codec's, at an array of objects, and `read` takes every one of them.
    public static func elements<T>(of decoder: any Decoder, _ read: (JSONRecord) throws(Refused) -> T) -> [T]?
    {
        guard let decoder = decoder as? NodeDecoder else { return nil }
        return try? JSONRecord.elements(decoder.document, decoder.node, read)
    }

    private static func elements<T>(
        _ document: JSONIndex, _ array: Int, _ read: (JSONRecord) throws(Refused) -> T
    ) throws(Refused) -> [T] {
        let head = document.nodes[array]
        guard head.kind == .array else { throw Refused() }
        var result: [T] = []
        result.reserveCapacity(Int(head.first))
        var at = array + 1
        for _ in 0..<head.first {
            guard document.nodes[at].kind == .object else { throw Refused() }
            result.append(try read(JSONRecord(document: document, node: at)))
            at = document.next(at)
        }
        return result
    }

    /// The node of `key`'s value; nil if the object has no such member or it is null.
    private mutating func present(_ key: StaticString) -> Int? {
        let wanted = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        let member: Int
        if cursor < end, document.isKey(cursor, wanted) {
            document.looked[cursor] = true
            member = cursor + 1
        } else {
            guard let found = document.member(wanted, of: node) else { return nil }
            member = found
        }
        cursor = document.next(member)
        return document.nodes[member].kind == .null ? nil : member
    }

    /// The text of `key`; nil if it is missing or null.
    public mutating func string(_ key: StaticString) throws(Refused) -> String? {
        guard let member = present(key) else { return nil }
        guard let text = document.text(member) else { throw Refused() }
        return text
    }

    /// The bytes of the text at `key` (valid while the decode lasts); nil if it is missing
    /// or null. A text with an escape in it is refused: `Codable` reads it.
    public mutating func bytes(_ key: StaticString) throws(Refused) -> UnsafeBufferPointer<UInt8>? {
        guard let member = present(key) else { return nil }
        return try plainText(member)
    }

    /// The bytes of each text of the array at `key`; empty if it is missing or null.
    /// Refused as `bytes` is.
    public mutating func byteList(_ key: StaticString) throws(Refused) -> [UnsafeBufferPointer<UInt8>] {
        guard let member = present(key) else { return [] }
        let head = document.nodes[member]
        guard head.kind == .array else { throw Refused() }
        var result: [UnsafeBufferPointer<UInt8>] = []
        result.reserveCapacity(Int(head.first))
        for at in (member + 1)..<(member + 1 + Int(head.first)) { result.append(try plainText(at)) }
        return result
    }

    private func plainText(_ node: Int) throws(Refused) -> UnsafeBufferPointer<UInt8> {
        let n = document.nodes[node]
        guard n.kind == .string else { throw Refused() }
        return UnsafeBufferPointer(rebasing: document.bytes[Int(n.first)..<Int(n.second)])
    }

    /// The whole number of `key`; nil if it is missing or null.
    public mutating func int(_ key: StaticString) throws(Refused) -> Int? {
        guard let member = present(key) else { return nil }
        guard let value = document.integer(member, as: Int.self) else { throw Refused() }
        return value
    }

    /// The number of `key`; nil if it is missing or null.
    public mutating func double(_ key: StaticString) throws(Refused) -> Double? {
        guard let member = present(key) else { return nil }
        guard let value = document.double(member) else { throw Refused() }
        return value
    }

    /// The truth value of `key`; nil if it is missing or null.
    public mutating func bool(_ key: StaticString) throws(Refused) -> Bool? {
        guard let member = present(key) else { return nil }
        switch document.nodes[member].kind {
        case .true: return true
        case .false: return false
        default: throw Refused()
        }
    }

    /// The objects of the array at `key`, each read with `read`; empty if it is missing
    /// or null.
    public mutating func records<T>(
        _ key: StaticString, _ read: (JSONRecord) throws(Refused) -> T
    ) throws(Refused) -> [T] {
        guard let member = present(key) else { return [] }
        return try JSONRecord.elements(document, member, read)
    }

    /// The object at `key`, read with `read`; nil if it is missing or null.
    public mutating func record<T>(
        _ key: StaticString, _ read: (JSONRecord) throws(Refused) -> T
    ) throws(Refused) -> T? {
        guard let member = present(key) else { return nil }
        guard document.nodes[member].kind == .object else { throw Refused() }
        return try read(JSONRecord(document: document, node: member))
    }
}

/// A type read from a `JSONRecord` where it can be, its `Codable` decoding deciding
/// wherever that refuses.
public protocol JSONRecordDecodable: Decodable {
    /// The value the object holds, exactly as `init(from:)` would decode it, or `Refused`.
    init(record: JSONRecord) throws(JSONRecord.Refused)
}
