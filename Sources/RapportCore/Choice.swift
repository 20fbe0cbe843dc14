/// A fixed set of named values stored by a short code (`at-risk`, `in-person`).
///
/// One protocol gives every enum the same parsing (case-insensitive code or label),
/// the same list of accepted values for error messages, and a label for screens.
public protocol Choice: CaseIterable, Codable, Hashable, Sendable, RawRepresentable where RawValue == String {
    /// Words shown to the user.
    var label: String { get }
}

extension Choice {
    public var label: String { rawValue.replacingText("-", with: " ") }

    /// Decodes the code as the standard library's `RawRepresentable` decoding does, with
    /// its error, but compiled for each choice: the shared generic one looked up type
    /// metadata for every value read (a twentieth of rebuilding the index, D51).
    public init(from decoder: Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: code) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "Cannot initialize \(Self.self) from invalid String value \(code)"))
        }
        self = value
    }

    /// Matches a code or label, ignoring case, spaces versus dashes.
    public init?(parsing text: String) {
        let wanted = text.lowercased().trimmingSpaces()
            .replacingText(" ", with: "-").replacingText("_", with: "-")
        guard
            let found = Self.allCases.first(where: {
                $0.rawValue == wanted || $0.label.lowercased().replacingText(" ", with: "-") == wanted
            })
        else { return nil }
        self = found
    }

    /// "key, core or standard".
    public static var acceptedList: String {
        let codes = allCases.map(\.rawValue)
        guard codes.count > 1 else { return codes.joined() }
        return codes.dropLast().joined(separator: ", ") + " or " + codes.last!
    }
}
