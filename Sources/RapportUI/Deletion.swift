import RapportCore

/// Deleting after a yes, and bringing back the last thing deleted.
enum Deletion {
    static func confirm(_ purpose: ConfirmPurpose, state: inout AppState) -> [Effect] {
        switch purpose {
        case .deleteAccount(let id):
            guard let account = state.account(id) else { return [] }
            state.undo = .account(account)
            return [.delete(id, message: "Deleted \(account.name) (u brings it back)")]
        case .deleteRecord(let id, let mutation, let undo, let what):
            state.undo = .record(account: id, undo, what: what)
            state.view.table.move(-1, count: Int.max)
            return [.mutate(id, [mutation], message: "Deleted \(what) (u brings it back)")]
        case .countForPlan, .seasonToDisruption:
            return []
        }
    }

    static func undo(_ state: inout AppState) -> [Effect] {
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
