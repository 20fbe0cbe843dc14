/// A record whose edits merge field by field, three ways: the record as the edit began
/// (base), as the user left it (mine), and as the newest file holds it (current).
///
/// A field I changed is applied, unless the current file changed it meanwhile to a
/// different value: that is a conflict, and the field keeps the current value until
/// the user says otherwise. A field I did not change keeps the current value, so
/// whatever the other side changed survives.
public protocol FieldMergeable: Equatable {
    /// Every stored field but the id, each with the name the user reads. A field not
    /// listed is never changed by a merge: it keeps the current value.
    static var mergeFields: [MergeField<Self>] { get }
}

/// A field both sides changed, to different values.
public struct FieldConflict: Hashable, Sendable {
    /// Names the field within its record across merges: "Owner", or for an entry of a
    /// list, "Causes/ca-x" and "Causes/ca-x/Text".
    public var key: String
    /// What the user reads: "Owner", "Action “Call the CFO”: Owner".
    public var field: String
    /// My value, as text.
    public var mine: String
    /// Theirs (the current file's), as text.
    public var theirs: String

    public init(key: String, field: String, mine: String, theirs: String) {
        self.key = key
        self.field = field
        self.mine = mine
        self.theirs = theirs
    }
}

/// Names of the records a value may point at (contacts, by id), so a conflict shows
/// "Helena Voss" rather than "con-helena".
public typealias MergeNames = [RecordID: String]

/// One field of a record: its name, and how it merges (built from a key path: an
/// equality check, a copy from mine, and its value as text).
public struct MergeField<Record> {
    /// The name the user reads, and the field's key in conflicts.
    public let name: String
    /// Merges the field of `mine` into `merged` (which starts as `current`); the
    /// conflicts, whose fields keep the current value unless their key is in `keepingMine`.
    let merge:
        (
            _ base: Record, _ mine: Record, _ current: Record, _ merged: inout Record,
            _ keepingMine: Set<String>, _ names: MergeNames
        ) -> [FieldConflict]

    /// A field merged as one value, shown by `text` (which may look at the whole record).
    public init<Value: Equatable>(
        _ name: String, _ path: WritableKeyPath<Record, Value>,
        text: @escaping (Record, MergeNames) -> String
    ) {
        self.name = name
        merge = { base, mine, current, merged, keepingMine, names in
            let b = base[keyPath: path]
            let m = mine[keyPath: path]
            let c = current[keyPath: path]
            guard m != b else { return [] }
            if c != b && c != m && !keepingMine.contains(name) {
                return [
                    FieldConflict(
                        key: name, field: name, mine: text(mine, names), theirs: text(current, names))
                ]
            }
            merged[keyPath: path] = m
            return []
        }
    }

    /// A field merged as one value, shown by `show`.
    public init<Value: Equatable>(
        _ name: String, _ path: WritableKeyPath<Record, Value>, show: @escaping (Value) -> String
    ) {
        self.init(name, path) { record, _ in show(record[keyPath: path]) }
    }

    /// A text field.
    public init(_ name: String, _ path: WritableKeyPath<Record, String>) {
        self.init(name, path, show: MergeText.text)
    }

    /// A choice, shown by its label.
    public init<C: Choice>(_ name: String, _ path: WritableKeyPath<Record, C>) {
        self.init(name, path, show: \.label)
    }

    /// A choice that may not be made yet.
    public init<C: Choice>(_ name: String, _ path: WritableKeyPath<Record, C?>) {
        self.init(name, path) { $0?.label ?? MergeText.none }
    }

    /// A day.
    public init(_ name: String, _ path: WritableKeyPath<Record, Day>) {
        self.init(name, path, show: \.iso)
    }

    /// A day that may not be set.
    public init(_ name: String, _ path: WritableKeyPath<Record, Day?>) {
        self.init(name, path) { $0?.iso ?? MergeText.none }
    }

    /// A yes or no.
    public init(_ name: String, _ path: WritableKeyPath<Record, Bool>) {
        self.init(name, path) { $0 ? "yes" : "no" }
    }

    /// A record pointed at (a contact, a worksheet), shown by its name where known.
    public init(_ name: String, _ path: WritableKeyPath<Record, RecordID?>) {
        self.init(name, path) { record, names in
            record[keyPath: path].map { names[$0] ?? $0.rawValue } ?? MergeText.none
        }
    }

    /// Records pointed at (contacts), shown by their names where known.
    public init(_ name: String, _ path: WritableKeyPath<Record, [RecordID]>) {
        self.init(name, path) { record, names in
            MergeText.list(record[keyPath: path].map { names[$0] ?? $0.rawValue })
        }
    }
}

extension FieldMergeable {
    /// Merges my edit of `base` into `current`: every field I changed is taken, unless
    /// `current` changed it to something else (a conflict: the field keeps the current
    /// value, or mine when its key is in `keepingMine`); every other field keeps the
    /// current value.
    public static func merge(
        base: Self, mine: Self, current: Self, keepingMine: Set<String> = [], names: MergeNames = [:]
    ) -> (merged: Self, conflicts: [FieldConflict]) {
        var merged = current
        var conflicts: [FieldConflict] = []
        for field in mergeFields {
            conflicts += field.merge(base, mine, current, &merged, keepingMine, names)
        }
        return (merged, conflicts)
    }
}

/// How merged values read in a conflict.
enum MergeText {
    static let none = "none"
    static let empty = "(empty)"

    static func text(_ s: String) -> String { s.isEmpty ? empty : s.replacingText("\n", with: " ⏎ ") }

    static func list(_ items: [String]) -> String { items.isEmpty ? none : items.joined(separator: ", ") }
}
