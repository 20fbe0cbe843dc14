/// Finds an account (or contact) from what a user typed: an exact id, an exact name
/// (case-insensitive), or an unambiguous case-insensitive name prefix.
public enum Lookup {
    /// The single match for `query` among `candidates`, or an error that lists the
    /// candidates when the query is ambiguous, or says nothing matched.
    public static func find<T>(
        _ query: String, in candidates: [T], kind: String,
        id: (T) -> RecordID, name: (T) -> String
    ) throws(InputError) -> T {
        guard !query.trimmingSpaces().isEmpty else {
            throw InputError("no \(kind) given; name one by id or name")
        }
        let prefixed = Self.candidates(query, in: candidates, id: id, name: name)
        switch prefixed.count {
        case 0:
            throw InputError("no \(kind) matches '\(query)'")
        case 1:
            return prefixed[0]
        default:
            let names = prefixed.prefix(8).map { "\(name($0)) (\(id($0)))" }.joined(separator: ", ")
            let more = prefixed.count > 8 ? ", and \(prefixed.count - 8) more" : ""
            throw InputError(
                "'\(query)' matches \(prefixed.count) \(kind)s: \(names)\(more); type more of the name or use the id"
            )
        }
    }

    /// What `query` could mean: the one with that id, else those of that exact name
    /// (case-insensitive) if there is exactly one, else those whose names start with it.
    public static func candidates<T>(
        _ query: String, in candidates: [T], id: (T) -> RecordID, name: (T) -> String
    ) -> [T] {
        let wanted = query.trimmingSpaces().lowercased()
        guard !wanted.isEmpty else { return [] }
        if let exact = candidates.first(where: { id($0).rawValue == wanted }) { return [exact] }
        let sameName = candidates.filter { name($0).lowercased() == wanted }
        if sameName.count == 1 { return sameName }
        return sameName.isEmpty ? candidates.filter { name($0).lowercased().hasPrefix(wanted) } : sameName
    }
}
