import RapportCore

/// The last delete, for `u`.
enum Undo: Equatable, Sendable {
    case account(Account)
    case record(account: RecordID, Mutation, what: String)

    /// Brings back the last thing deleted.
    static func perform(_ state: inout AppState) -> [Effect] {
        guard let undo = state.undo else {
            state.message = Message("Nothing to undo")
            return []
        }
        state.undo = nil
        switch undo {
        case .account(let account):
            return [.create(account, message: "Restored \(account.name)")]
        case .record(let id, let mutation, let what):
            return [.mutate(id, [mutation], message: "Restored \(what)")]
        }
    }
}
