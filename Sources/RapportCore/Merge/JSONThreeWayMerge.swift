/// A three-way merge of two JSON documents that both grew from one base: git's merge of
/// two copies of an account file, done record by record instead of line by line (D47).
///
/// - Objects merge key by key: a side equal to the base yields to the side that changed.
/// - Arrays whose elements are all objects with an `id` are records: a union by id, each
///   record merged three ways inside. A record deleted on one side and untouched on the
///   other is deleted; deleted on one side and edited on the other, it is kept and the
///   deletion is a clash (a member removed on one side and changed on the other too).
/// - Arrays of plain values (tags, contact ids) are sets: what either side added is
///   added, what either side removed is removed.
/// - Other arrays (id-less histories: season changes, readings) are the base's elements
///   both kept, plus what each side added.
/// - A value changed to different values on both sides is a clash: the other side's
///   (`theirs`, what git merges in) is kept and ours is reported, never both as markers.
public enum JSONThreeWayMerge {
    /// One step into a document: an object's member, or the record with an id in an array.
    public enum Step: Hashable, Sendable, CustomStringConvertible {
        case member(String)
        case record(id: String)

        public var description: String {
            switch self {
            case .member(let key): return key
            case .record(let id): return "[\(id)]"
            }
        }

        /// Reads back what `description` wrote.
        public init(_ text: String) {
            if text.hasPrefix("["), text.hasSuffix("]") {
                self = .record(id: String(text.dropFirst().dropLast()))
            } else {
                self = .member(text)
            }
        }
    }

    /// A place both sides changed to different values. A missing value (nil) is a removed
    /// member or a deleted record.
    public struct Clash: Hashable, Sendable {
        public var path: [Step]
        /// The value in the merged document.
        public var kept: JSONValue?
        /// The value set aside.
        public var other: JSONValue?
        /// Whether the kept value is ours (only when theirs removed what ours changed).
        public var keptOurs: Bool
    }

    /// The merged document and the clashes in it, in document order.
    public static func merge(base: JSONValue?, ours: JSONValue?, theirs: JSONValue?) -> (
        merged: JSONValue?, clashes: [Clash]
    ) {
        var clashes: [Clash] = []
        let merged = merge(base, ours, theirs, at: [], &clashes)
        return (merged, clashes)
    }

    private static func merge(
        _ base: JSONValue?, _ ours: JSONValue?, _ theirs: JSONValue?, at path: [Step],
        _ clashes: inout [Clash]
    ) -> JSONValue? {
        if ours == theirs { return ours }
        if ours == base { return theirs }
        if theirs == base { return ours }
        switch (ours, theirs) {
        case (.object(let o)?, .object(let t)?):
            var b: [String: JSONValue] = [:]
            if case .object(let object)? = base { b = object }
            return .object(mergeObjects(b, o, t, at: path, &clashes))
        case (.array(let o)?, .array(let t)?):
            var b: [JSONValue] = []
            if case .array(let array)? = base { b = array }
            return .array(mergeArrays(b, o, t, at: path, &clashes))
        case (let kept?, nil):
            // Removed on their side, changed on ours: the change is kept.
            clashes.append(Clash(path: path, kept: kept, other: nil, keptOurs: true))
            return kept
        default:
            clashes.append(Clash(path: path, kept: theirs, other: ours, keptOurs: false))
            return theirs
        }
    }

    private static func mergeObjects(
        _ base: [String: JSONValue], _ ours: [String: JSONValue], _ theirs: [String: JSONValue],
        at path: [Step], _ clashes: inout [Clash]
    ) -> [String: JSONValue] {
        var merged: [String: JSONValue] = [:]
        let keys = Set(base.keys).union(ours.keys).union(theirs.keys).sorted()
        for key in keys {
            let value = merge(base[key], ours[key], theirs[key], at: path + [.member(key)], &clashes)
            if let value { merged[key] = value }
        }
        return merged
    }

    private static func mergeArrays(
        _ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue], at path: [Step],
        _ clashes: inout [Clash]
    ) -> [JSONValue] {
        let all = base + ours + theirs
        if !all.isEmpty, all.allSatisfy({ recordID($0) != nil }) {
            return mergeRecords(base, ours, theirs, at: path, &clashes)
        }
        if !all.contains(where: isObject) { return mergeSets(base, ours, theirs) }
        return mergeBags(base, ours, theirs)
    }

    private static func isObject(_ value: JSONValue) -> Bool {
        if case .object = value { return true }
        return false
    }

    /// Plain values (tags, contact ids): each once, what either side added kept and what
    /// either side removed gone; ours in our order, then theirs.
    private static func mergeSets(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue])
        -> [JSONValue]
    {
        let (b, o, t) = (Set(base), Set(ours), Set(theirs))
        var seen = Set<JSONValue>()
        return (ours + theirs).filter { value in
            let removed = b.contains(value) && !(o.contains(value) && t.contains(value))
            return !removed && seen.insert(value).inserted
        }
    }

    /// The `id` of a record: an object with a string `id`.
    private static func recordID(_ value: JSONValue) -> String? {
        guard case .string(let id)? = value["id"] else { return nil }
        return id
    }

    private static func mergeRecords(
        _ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue], at path: [Step],
        _ clashes: inout [Clash]
    ) -> [JSONValue] {
        func byID(_ records: [JSONValue]) -> [String: JSONValue] {
            var found: [String: JSONValue] = [:]
            for record in records {
                if let id = recordID(record), found[id] == nil { found[id] = record }
            }
            return found
        }
        let (b, o, t) = (byID(base), byID(ours), byID(theirs))
        // Ours in our order, then what only they have, in their order.
        var order: [String] = []
        var seen = Set<String>()
        for record in ours + theirs {
            if let id = recordID(record), seen.insert(id).inserted { order.append(id) }
        }
        var merged: [JSONValue] = []
        for id in order {
            let step = path + [.record(id: id)]
            if let value = merge(b[id], o[id], t[id], at: step, &clashes) { merged.append(value) }
        }
        return merged
    }

    /// Id-less records (histories): each element counted, the base's kept as many
    /// times as both sides kept it, plus what each side added.
    private static func mergeBags(_ base: [JSONValue], _ ours: [JSONValue], _ theirs: [JSONValue])
        -> [JSONValue]
    {
        func counts(_ values: [JSONValue]) -> [JSONValue: Int] {
            var counts: [JSONValue: Int] = [:]
            for value in values { counts[value, default: 0] += 1 }
            return counts
        }
        let (b, o, t) = (counts(base), counts(ours), counts(theirs))
        var wanted: [JSONValue: Int] = [:]
        for value in Set(b.keys).union(o.keys).union(t.keys) {
            let (inBase, inOurs, inTheirs) = (b[value] ?? 0, o[value] ?? 0, t[value] ?? 0)
            let kept = min(inBase, inOurs, inTheirs)
            wanted[value] = kept + max(0, inOurs - inBase) + max(0, inTheirs - inBase)
        }
        var merged: [JSONValue] = []
        for value in ours + theirs where (wanted[value] ?? 0) > 0 {
            merged.append(value)
            wanted[value]! -= 1
        }
        return merged
    }
}
