import RapportCore

/// One step that turns a document of schema `from` into schema `from + 1`.
public struct MigrationStep: Sendable {
    public let from: Int
    public let apply: @Sendable (inout JSONValue) throws -> Void

    public init(from: Int, apply: @escaping @Sendable (inout JSONValue) throws -> Void) {
        self.from = from
        self.apply = apply
    }
}

/// Brings account documents from any older schema version to the current one.
///
/// Every account file records the schema it was written with, so a file pulled from
/// a teammate's older Rapport is migrated when read, and written back in the current
/// schema on its next save. Additive changes (a new list or text field) need no step:
/// missing lists and texts decode as empty.
public struct Migrator: Sendable {
    public let current: Int
    public let steps: [MigrationStep]

    public init(current: Int, steps: [MigrationStep]) {
        self.current = current
        self.steps = steps
    }

    /// The migrations of this version of Rapport (none yet: schema 1 is the first).
    public static let standard = Migrator(current: 1, steps: [])

    public enum Failure: Error, Equatable {
        case tooNew(Int)
        case missingStep(Int)
        case noVersion
    }

    /// Migrates `document` (with its `schema` member) in place to `current`.
    /// Returns whether anything changed.
    @discardableResult
    public func migrate(_ document: inout JSONValue) throws -> Bool {
        guard let version = document["schema"]?.intValue else { throw Failure.noVersion }
        if version > current { throw Failure.tooNew(version) }
        guard version < current else { return false }
        for from in version..<current {
            guard let step = steps.first(where: { $0.from == from }) else { throw Failure.missingStep(from) }
            try step.apply(&document)
            document["schema"] = .number(Double(from + 1))
        }
        return true
    }
}
