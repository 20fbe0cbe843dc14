/// The encoder each value is given: where it writes, and at what depth. A struct, so
/// handing one to a value allocates nothing.
struct ValueEncoder: Encoder {
    unowned(unsafe) let output: JSONOutput
    let depth: Int

    var codingPath: [CodingKey] { output.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        output.open(depth: depth, isObject: true)
        return KeyedEncodingContainer(ObjectWriter<Key>(output: output))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        output.open(depth: depth, isObject: false)
        return ArrayWriter(output: output)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleValueWriter(encoder: self) }
}

/// A keyed container writing the members of the innermost open object.
struct ObjectWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    unowned(unsafe) let output: JSONOutput

    var codingPath: [CodingKey] { output.path }

    mutating func encodeNil(forKey key: Key) throws { try output.put(JSONNull(), key: key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try output.put(value, key: key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try output.encode(value, key: key)
    }

    // Skipping nil here, where the default implementations go through a generic call.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try output.put(value, key: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try output.put(value, key: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try output.put(value, key: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try output.encode(value, key: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        ValueEncoder(output: output.deferredMember(key), depth: output.frames.last!.depth + 1).container(
            keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        ValueEncoder(output: output.deferredMember(key), depth: output.frames.last!.depth + 1)
            .unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder { superEncoder(IndexKey("super")) }
    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(key) }

    private func superEncoder(_ key: CodingKey) -> Encoder {
        let depth = output.frames.last!.depth + 1
        return ValueEncoder(output: output.deferredMember(key), depth: depth)
    }
}

/// An unkeyed container writing the elements of the innermost open array.
struct ArrayWriter: UnkeyedEncodingContainer {
    unowned(unsafe) let output: JSONOutput

    var codingPath: [CodingKey] { output.path }
    var count: Int { output.frames.last!.count }

    private var nextKey: IndexKey { IndexKey(count) }

    mutating func encodeNil() throws { try output.put(JSONNull(), key: nextKey) }
    mutating func encode(_ value: Bool) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: String) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: Double) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: Float) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: Int) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: Int8) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: Int16) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: Int32) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: Int64) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: UInt) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: UInt8) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: UInt16) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: UInt32) throws { try output.put(value, key: nextKey) }
    mutating func encode(_ value: UInt64) throws { try output.put(value, key: nextKey) }
    mutating func encode<T: Encodable>(_ value: T) throws { try output.encode(value, key: nextKey) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let depth = output.frames.last!.depth + 1
        return ValueEncoder(output: output.deferredMember(nextKey), depth: depth).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let depth = output.frames.last!.depth + 1
        return ValueEncoder(output: output.deferredMember(nextKey), depth: depth).unkeyedContainer()
    }

    mutating func superEncoder() -> Encoder {
        let depth = output.frames.last!.depth + 1
        return ValueEncoder(output: output.deferredMember(nextKey), depth: depth)
    }
}

/// The container of a value that is one scalar, or one value written in its place.
struct SingleValueWriter: SingleValueEncodingContainer {
    let encoder: ValueEncoder

    var codingPath: [CodingKey] { encoder.codingPath }

    private func put(_ value: some JSONScalar) throws { try value.write(to: encoder.output) }

    mutating func encodeNil() throws { try put(JSONNull()) }
    mutating func encode(_ value: Bool) throws { try put(value) }
    mutating func encode(_ value: String) throws { try put(value) }
    mutating func encode(_ value: Double) throws { try put(value) }
    mutating func encode(_ value: Float) throws { try put(value) }
    mutating func encode(_ value: Int) throws { try put(value) }
    mutating func encode(_ value: Int8) throws { try put(value) }
    mutating func encode(_ value: Int16) throws { try put(value) }
    mutating func encode(_ value: Int32) throws { try put(value) }
    mutating func encode(_ value: Int64) throws { try put(value) }
    mutating func encode(_ value: UInt) throws { try put(value) }
    mutating func encode(_ value: UInt8) throws { try put(value) }
    mutating func encode(_ value: UInt16) throws { try put(value) }
    mutating func encode(_ value: UInt32) throws { try put(value) }
    mutating func encode(_ value: UInt64) throws { try put(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try encoder.output.encode(value, depth: encoder.depth)
    }
}

/// JSON's null, written like the scalars.
struct JSONNull: JSONScalar {
    func write(to output: JSONOutput) { output.write("null") }
}

/// A coding key the coders make: an array position, or a member named by text (a super
/// encoder's, or one on a decoding error's path). A position's text is made only when
/// asked for, not for every element.
struct IndexKey: CodingKey {
    let intValue: Int?
    private let name: String?

    init(_ index: Int) { (intValue, name) = (index, nil) }
    init(_ name: String) { (intValue, self.name) = (nil, name) }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }

    var stringValue: String { name ?? "Index \(intValue ?? 0)" }
}
