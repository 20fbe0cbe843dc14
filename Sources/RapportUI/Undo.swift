import RapportCore

/// Bringing back the last thing deleted (`u`).
extension Undo {
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
