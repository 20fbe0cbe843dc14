/// Finds an account (or contact) from what a user typed: an exact id, an exact name
/// (case-insensitive), or an unambiguous case-insensitive name prefix.
public enum Lookup {
    /// The single match for `query` among `candidates`, or an error that lists the
    /// candidates when the query is ambiguous, or says nothing matched and what there is.
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
            throw InputError(
                "no \(kind) matches '\(query)'; " + nearest(query, in: candidates, id: id, name: name))
        case 1:
            return prefixed[0]
        default:
            throw InputError(
                "'\(query)' matches \(prefixed.count) \(kind)s: \(list(prefixed, id: id, name: name)); "
                    + "type more of the name or use the id"
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

    /// What there is instead of a `query` nothing matches: the names containing it, else
    /// every name when there are a few, else how to name one.
    private static func nearest<T>(
        _ query: String, in candidates: [T], id: (T) -> RecordID, name: (T) -> String
    ) -> String {
        let wanted = query.trimmingSpaces().lowercased()
        let near = candidates.filter { name($0).lowercased().contains(wanted) }
        if !near.isEmpty { return "names containing it: " + list(near, id: id, name: name) }
        if candidates.isEmpty { return "there is none yet" }
        if candidates.count <= 8 { return "there are " + list(candidates, id: id, name: name) }
        return "give its id or the start of its name"
    }

    /// Up to eight of `some` as "Name (id)", then how many more.
    private static func list<T>(_ some: [T], id: (T) -> RecordID, name: (T) -> String) -> String {
        let names = some.prefix(8).map { "\(name($0)) (\(id($0)))" }.joined(separator: ", ")
        return names + (some.count > 8 ? ", and \(some.count - 8) more" : "")
    }
}
