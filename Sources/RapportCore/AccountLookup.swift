/// Finds an account (or contact) from what a user typed: an exact id, an exact name
/// (case-insensitive), or an unambiguous case-insensitive name prefix.
public enum Lookup {
    /// The single match for `query` among `candidates`, or an error that lists the
    /// candidates when the query is ambiguous, or says nothing matched.
    public static func find<T>(
        _ query: String, in candidates: [T], kind: String,
        id: (T) -> RecordID, name: (T) -> String
    ) throws(InputError) -> T {
        let wanted = query.trimmingSpaces().lowercased()
        guard !wanted.isEmpty else { throw InputError("no \(kind) given; name one by id or name") }
        if let exact = candidates.first(where: { id($0).rawValue == wanted }) { return exact }
        let sameName = candidates.filter { name($0).lowercased() == wanted }
        if sameName.count == 1 { return sameName[0] }
        let prefixed =
            sameName.isEmpty ? candidates.filter { name($0).lowercased().hasPrefix(wanted) } : sameName
        switch prefixed.count {
        case 0:
            throw InputError(
                "no \(kind) matches '\(query)'; " + nearest(wanted, in: candidates, id: id, name: name))
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

    /// What there is instead: the names containing the query, else every name when there
    /// are a few, else how to name one.
    private static func nearest<T>(
        _ wanted: String, in candidates: [T], id: (T) -> RecordID, name: (T) -> String
    ) -> String {
        let near = candidates.filter { name($0).lowercased().contains(wanted) }
        func list(_ some: [T]) -> String {
            let names = some.prefix(8).map { "\(name($0)) (\(id($0)))" }.joined(separator: ", ")
            return names + (some.count > 8 ? ", and \(some.count - 8) more" : "")
        }
        if !near.isEmpty { return "names containing it: " + list(near) }
        if candidates.isEmpty { return "there is none yet" }
        if candidates.count <= 8 { return "there are " + list(candidates) }
        return "give its id or the start of its name"
    }
}
