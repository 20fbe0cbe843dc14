import FoundationEssentials

/// A field two people changed to different values, found when git merged their copies of
/// the account (`rapport merge-file`, D47). The file stays valid: one value is in the
/// account, the other is kept here until the user settles which one stands. Until then
/// it is a follow-up on the due list.
public struct MergeConflict: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    /// What changed, as the user knows it: "owner", "contact Ana Ruiz: email".
    public var field: String
    /// Where in the account: member names and, in lists of records, `[id]` steps.
    public var path: [String]
    /// The value the account holds now, as JSON text; nil when it was removed or deleted.
    public var kept: String?
    /// Who wrote the kept value (the last author of the file on that side), as git knew it.
    public var keptFrom: String
    /// The value set aside, as JSON text; nil when that side removed or deleted it.
    public var other: String?
    public var otherFrom: String
    public var foundOn: Day

    public init(
        id: RecordID = .generate("mc"), field: String, path: [String], kept: String?, keptFrom: String,
        other: String?, otherFrom: String, foundOn: Day
    ) {
        self.id = id
        self.field = field
        self.path = path
        self.kept = kept
        self.keptFrom = keptFrom
        self.other = other
        self.otherFrom = otherFrom
        self.foundOn = foundOn
    }

    /// A value as the user reads it: a string without its quotes, a record by its name,
    /// "(removed)" for none.
    public static func display(_ json: String?) -> String {
        guard let json else { return "(removed)" }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else {
            return json
        }
        switch value {
        case .string(let text): return text
        case .object:
            return Self.recordName(value).map { "\"\($0)\" (the whole record)" } ?? json
        default: return json
        }
    }

    /// The name a record goes by: its name, title, summary or text.
    public static func recordName(_ value: JSONValue) -> String? {
        for key in ["name", "title", "summary", "text", "disruption"] {
            if case .string(let text)? = value[key], !text.isEmpty { return text }
        }
        return nil
    }

    /// Whether the conflict is about a whole record (deleted on one side, edited on the other).
    public var isRecord: Bool { path.last?.hasPrefix("[") == true }

    /// The one-line summary the due list and `check` show.
    public var summary: String {
        if isRecord {
            let (edited, deleted) = kept == nil ? (otherFrom, keptFrom) : (keptFrom, otherFrom)
            return "\(field): deleted by \(deleted), edited by \(edited); "
                + (kept == nil ? "deleted until settled" : "kept until settled")
        }
        return
            "\(field): kept \(Self.display(kept)) (by \(keptFrom)), set aside \(Self.display(other)) (by \(otherFrom))"
    }
}

extension Account {
    /// Settles a merge conflict: keeps the value the account holds, or puts the one set
    /// aside in its place. Refused, naming why, when the place is gone (its record was
    /// deleted since).
    mutating func settle(_ conflictID: RecordID, takingOther: Bool) throws {
        guard let conflict = mergeConflicts?.first(where: { $0.id == conflictID }) else {
            throw InputError("no merge conflict \(conflictID) on \(name); it may be settled already")
        }
        if takingOther {
            try put(conflict.other, at: conflict.path.map(JSONThreeWayMerge.Step.init))
        }
        mergeConflicts?.removeAll { $0.id == conflictID }
        if mergeConflicts?.isEmpty == true { mergeConflicts = nil }
    }

    /// Replaces (or removes, for nil) the value at `path` in this account, through its JSON.
    private mutating func put(_ json: String?, at path: [JSONThreeWayMerge.Step]) throws {
        let encoder = JSONEncoder()
        var document = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(self))
        let value = try json.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
        guard document.replace(at: path[...], with: value) else {
            throw InputError(
                "the place of this conflict (\(path.map(\.description).joined(separator: "."))) "
                    + "is no longer in \(name); settle it by keeping what is there")
        }
        do {
            self = try JSONDecoder().decode(Account.self, from: try encoder.encode(document))
        } catch {
            throw InputError("the value set aside no longer fits \(name): \(error)")
        }
    }
}

extension JSONValue {
    /// Replaces the value at `path` (nil removes a member or a record); false when a step
    /// is not there, except the last member, which is added.
    mutating func replace(at path: ArraySlice<JSONThreeWayMerge.Step>, with value: JSONValue?) -> Bool {
        guard let step = path.first else {
            guard let value else { return false }
            self = value
            return true
        }
        let rest = path.dropFirst()
        switch (self, step) {
        case (.object(var object), .member(let key)):
            if rest.isEmpty {
                object[key] = value
            } else {
                guard var inner = object[key], inner.replace(at: rest, with: value) else { return false }
                object[key] = inner
            }
            self = .object(object)
            return true
        case (.array(var array), .record(let id)):
            let index = array.firstIndex { element in
                if case .string(let found)? = element["id"] { return found == id }
                return false
            }
            if rest.isEmpty {
                if let index {
                    if let value { array[index] = value } else { array.remove(at: index) }
                } else {
                    guard let value else { return true }
                    array.append(value)
                }
            } else {
                guard let index, array[index].replace(at: rest, with: value) else { return false }
            }
            self = .array(array)
            return true
        default:
            return false
        }
    }
}
