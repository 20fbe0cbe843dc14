// Synthesized `init(from:)` in this module resolves to these overloads, so a record
// written before a list or text field existed still decodes (as empty) instead of
// failing. Additive schema changes therefore need no migration; renames and
// reshapes still do (see RapportStore's migrations).
extension KeyedDecodingContainer {
    func decode<T: Decodable>(_ type: [T].Type, forKey key: Key) throws -> [T] {
        try decodeIfPresent(type, forKey: key) ?? []
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try decodeIfPresent(type, forKey: key) ?? ""
    }
}
