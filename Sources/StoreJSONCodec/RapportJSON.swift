import FoundationEssentials

/// The one JSON form Rapport writes: pretty-printed with sorted keys, so files are
/// readable, diff cleanly and merge well in git.
public enum RapportJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder { JSONDecoder() }

    /// Decodes a `T` from JSON text. `JSONTextDecoder` reads it; `JSONDecoder` reads what
    /// that refuses, and its error says what is wrong with text that is not a `T`.
    /// Decodes a `T` as `decode` does, with the members of the text it did not read (keys
    /// a newer Rapport wrote), for a save to put back (`UnknownMembers.graft`). A text only
    /// `JSONDecoder` reads (escaped, repeated or non-ASCII keys) keeps none.
    public static func decodeKeepingUnknown<T: Decodable>(_ type: T.Type, from data: Data) throws -> (
        value: T, unknown: UnknownMembers
    ) {
        var unknown = UnknownMembers.none
        do {
            let value = try JSONTextDecoder.decodeNotingUnknown(type, from: data, unknown: &unknown)
            return (value, unknown)
        } catch {
            return (try decode(type, from: data), .none)
        }
    }

    /// Where `JSONDecoder` only says the text is not valid JSON and the fast decoder knows
    /// why (a number out of range), the error says that, with the field's path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let refusal: JSONTextDecoder.Refused
        do {
            return try JSONTextDecoder.decode(type, from: data)
        } catch {
            refusal = error as? JSONTextDecoder.Refused ?? JSONTextDecoder.Refused()
        }
        do {
            return try decoder().decode(type, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            throw refusal.problem.map(DecodingError.dataCorrupted) ?? DecodingError.dataCorrupted(context)
        }
    }

    /// Encodes `value` and ends the text with a newline. `JSONTextEncoder` writes it;
    /// `JSONEncoder` writes what that refuses and reports what cannot be encoded.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let data = try? JSONTextEncoder.encode(value) { return data }
        var data = try encoder().encode(value)
        data.append(0x0A)
        return data
    }

    /// A one-line explanation of a decoding failure naming the field path.
    public static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "top level" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = context.codingPath.isEmpty ? "" : " in \(path(context.codingPath))"
            return "missing field '\(key.stringValue)'\(parent)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type), \(context.debugDescription.lowercased())"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)): value is null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "not valid JSON"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
