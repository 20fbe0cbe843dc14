import FoundationEssentials

/// A value `JSONIndex` reads directly: booleans, numbers and strings.
protocol JSONIndexScalar {
    static func read(_ index: JSONIndex, _ node: Int) -> Self?
}

extension String: JSONIndexScalar {
    static func read(_ index: JSONIndex, _ node: Int) -> String? { index.text(node) }
}
extension Bool: JSONIndexScalar {
    static func read(_ index: JSONIndex, _ node: Int) -> Bool? {
        switch index.nodes[node].kind {
        case .true: true
        case .false: false
        default: nil
        }
    }
}
extension Double: JSONIndexScalar {
    static func read(_ index: JSONIndex, _ node: Int) -> Double? { index.double(node) }
}
extension Float: JSONIndexScalar {
    /// Never read here (Rapport stores none): how `JSONDecoder` rounds one is left to it.
    static func read(_ index: JSONIndex, _ node: Int) -> Float? { nil }
}
extension FixedWidthInteger {
    static func read(_ index: JSONIndex, _ node: Int) -> Self? { index.integer(node, as: Self.self) }
}
extension Int: JSONIndexScalar {}
extension Int8: JSONIndexScalar {}
extension Int16: JSONIndexScalar {}
extension Int32: JSONIndexScalar {}
extension Int64: JSONIndexScalar {}
extension UInt: JSONIndexScalar {}
extension UInt8: JSONIndexScalar {}
extension UInt16: JSONIndexScalar {}
extension UInt32: JSONIndexScalar {}
extension UInt64: JSONIndexScalar {}

/// The decoder one value is given: a node of the index.
struct NodeDecoder: Decoder {
    // Unowned: the index outlives every decoder and container made from it (it is held
    // for the whole decode), and counting references to it was a tenth of the time.
    unowned(unsafe) let document: JSONIndex
    let node: Int

    var codingPath: [CodingKey] { document.path(to: node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.nodes[node].kind == .object else { throw JSONTextDecoder.Refused() }
        return KeyedDecodingContainer(ObjectReader<Key>(document: document, node: node))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard document.nodes[node].kind == .array else { throw JSONTextDecoder.Refused() }
        return ArrayReader(document: document, node: node)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { ValueReader(decoder: self) }

    func scalar<T: JSONIndexScalar>(_ type: T.Type = T.self) throws -> T {
        guard let value = T.read(document, node) else { throw refusal(T.self) }
        return value
    }

    /// Why the value here is not a `T` where that is certain; apart, so that reading a
    /// scalar stays small.
    @inline(never)
    private func refusal<T>(_ type: T.Type) -> JSONTextDecoder.Refused {
        JSONTextDecoder.Refused(problem: document.numberProblem(node, as: T.self))
    }

    var isNull: Bool { document.nodes[node].kind == .null }

    /// Decodes the value here as `type`: the common scalars straight from the index,
    /// anything else through its `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return unsafeBitCast(try scalar(String.self), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try scalar(Int.self), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try scalar(Bool.self), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try scalar(Double.self), to: T.self) }
        // Types JSONDecoder reads in a form of its own.
        if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self {
            throw JSONTextDecoder.Refused()
        }
        return try T(from: self)
    }
}

/// A keyed container over an object node.
struct ObjectReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    unowned(unsafe) let document: JSONIndex
    let node: Int

    var codingPath: [CodingKey] { document.path(to: node) }
    var allKeys: [Key] { document.members(of: node).compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { document.member(key.stringValue, of: node) != nil }

    private func value(_ key: Key) throws -> NodeDecoder {
        guard let member = document.member(key.stringValue, of: node) else { throw JSONTextDecoder.Refused() }
        return NodeDecoder(document: document, node: member)
    }

    /// The member for `key` unless it is missing or null.
    private func presentValue(_ key: Key) -> NodeDecoder? {
        guard let member = document.member(key.stringValue, of: node), document.nodes[member].kind != .null
        else { return nil }
        return NodeDecoder(document: document, node: member)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try value(key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try value(key).scalar() }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try value(key).scalar() }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try value(key).scalar() }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try value(key).scalar() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try value(key).scalar() }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try value(key).scalar() }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try value(key).scalar() }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try value(key).scalar() }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try value(key).scalar() }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try value(key).scalar() }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try value(key).scalar() }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try value(key).scalar() }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try value(key).scalar() }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try value(key).scalar() }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try value(key).decodeValue(type)
    }

    // One lookup each, where the default implementations look the key up three times.
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try presentValue(key)?.scalar()
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentValue(key)?.scalar() }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try presentValue(key)?.scalar()
    }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try presentValue(key)?.scalar()
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try presentValue(key)?.decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try value(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try value(key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder {
        guard let member = document.member("super", of: node) else { throw JSONTextDecoder.Refused() }
        return NodeDecoder(document: document, node: member)
    }

    func superDecoder(forKey key: Key) throws -> Decoder { try value(key) }
}

/// An unkeyed container over an array node.
struct ArrayReader: UnkeyedDecodingContainer {
    unowned(unsafe) let document: JSONIndex
    let node: Int
    private(set) var currentIndex = 0
    /// The node of the element at `currentIndex`.
    private var cursor: Int

    init(document: JSONIndex, node: Int) {
        (self.document, self.node, cursor) = (document, node, node + 1)
    }

    var codingPath: [CodingKey] { document.path(to: node) }
    var count: Int? { Int(document.nodes[node].first) }
    var isAtEnd: Bool { currentIndex >= Int(document.nodes[node].first) }

    /// The current element, and moves past it.
    private mutating func take() throws -> NodeDecoder {
        guard !isAtEnd else { throw JSONTextDecoder.Refused() }
        let element = NodeDecoder(document: document, node: cursor)
        cursor = document.next(cursor)
        currentIndex += 1
        return element
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw JSONTextDecoder.Refused() }
        guard document.nodes[cursor].kind == .null else { return false }
        _ = try take()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try take().scalar() }
    mutating func decode(_ type: String.Type) throws -> String { try take().scalar() }
    mutating func decode(_ type: Double.Type) throws -> Double { try take().scalar() }
    mutating func decode(_ type: Float.Type) throws -> Float { try take().scalar() }
    mutating func decode(_ type: Int.Type) throws -> Int { try take().scalar() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try take().scalar() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try take().scalar() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try take().scalar() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try take().scalar() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try take().scalar() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try take().scalar() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try take().scalar() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try take().scalar() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try take().scalar() }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        // The element is taken only once it has decoded, as JSONDecoder does.
        guard !isAtEnd else { throw JSONTextDecoder.Refused() }
        let value = try NodeDecoder(document: document, node: cursor).decodeValue(type)
        _ = try take()
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try take().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try take().unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder { try take() }
}

/// The container of a value read as one scalar or one value in place.
struct ValueReader: SingleValueDecodingContainer {
    let decoder: NodeDecoder

    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.scalar() }
    func decode(_ type: String.Type) throws -> String { try decoder.scalar() }
    func decode(_ type: Double.Type) throws -> Double { try decoder.scalar() }
    func decode(_ type: Float.Type) throws -> Float { try decoder.scalar() }
    func decode(_ type: Int.Type) throws -> Int { try decoder.scalar() }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.scalar() }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.scalar() }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.scalar() }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.scalar() }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.scalar() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.scalar() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.scalar() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.scalar() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.scalar() }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
}
