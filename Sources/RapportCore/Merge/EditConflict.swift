/// An edit that met fields the newest file changed meanwhile to other values: nothing
/// was saved. It names the fields with both values; `settled(keepingMine:)` makes the
/// edit again once the user has chosen, per field, mine or theirs.
public struct EditConflict: Error, Equatable, Sendable, CustomStringConvertible {
    /// The account as the edit found it, the other side's changes in it.
    public let account: Account
    /// The edit that could not be applied.
    public let mutation: Mutation
    /// The fields both sides changed, in the record's field order.
    public let conflicts: [FieldConflict]

    public init(account: Account, mutation: Mutation, conflicts: [FieldConflict]) {
        self.account = account
        self.mutation = mutation
        self.conflicts = conflicts
    }

    /// The edit again, based on the record as it is now: every change of mine that did
    /// not conflict, mine for the conflicting fields whose key is in `keepingMine`, and
    /// theirs for the rest.
    public func settled(keepingMine: Set<String>) -> Mutation {
        var account = self.account  // a scratch copy: only the rebased edit is kept, not the day
        let merged = try? mutation.merge(into: &account, keepingMine: keepingMine, today: account.createdOn)
        return merged?.rebased ?? mutation
    }

    public var description: String {
        let fields = conflicts.map { "\($0.field) (yours: \($0.mine); theirs: \($0.theirs))" }
        return "\(account.name) was changed meanwhile: "
            + fields.joined(separator: ", ") + "; nothing was saved"
    }
}
