import StoreJSONCodec

// Synthesized `init(from:)` in this module resolves to these overloads, so a record
// written before a list or text field existed still decodes (as empty) instead of
// failing. Additive schema changes therefore need no migration; renames and
// reshapes still do (see RapportStore's migrations).
extension KeyedDecodingContainer {
    /// `decodeIfPresent(type, forKey: key) ?? []`, with the elements decoded one by one
    /// as `Array`'s own decoding does (the same errors, the same paths), into an array
    /// made the right size at once and compiled for `T`: `Array`'s generic decoding looked
    /// up type metadata for every element and grew the array step by step (D51).
    func decode<T: Decodable>(_ type: [T].Type, forKey key: Key) throws -> [T] {
        guard contains(key), try !decodeNil(forKey: key) else { return [] }
        return try Self.elements(T.self, of: superDecoder(forKey: key))
    }

    /// The same list of records a file holds by the dozen, each read straight from the
    /// store's JSON index (`JSONRecord`, D55) where it can be, else as above.
    func decode<T: JSONRecordDecodable>(_ type: [T].Type, forKey key: Key) throws -> [T] {
        guard contains(key), try !decodeNil(forKey: key) else { return [] }
        let decoder = try superDecoder(forKey: key)
        if let records = JSONRecord.elements(of: decoder, T.init(record:)) { return records }
        return try Self.elements(T.self, of: decoder)
    }

    private static func elements<T: Decodable>(_ type: T.Type, of decoder: any Decoder) throws -> [T] {
        var elements = try decoder.unkeyedContainer()
        var array: [T] = []
        array.reserveCapacity(elements.count ?? 0)
        while !elements.isAtEnd { array.append(try elements.decode(T.self)) }
        return array
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decodeIfPresent(type, forKey: key) ?? ""
    }
}
