import RapportCore
import TUIKit

/// What a yes/no question is about.
enum ConfirmPurpose: Equatable, Sendable {
    case deleteAccount(RecordID)
    case deleteRecord(account: RecordID, Mutation, undo: Mutation, what: String)
    /// A touchpoint just logged could count as a plan item's completion.
    case countForPlan(account: RecordID, touch: RecordID, item: RecordID, title: String)
    /// A risk just marked as occurred: move the account's season to disruption?
    case seasonToDisruption(account: RecordID, risk: String)
}

/// Every yes/no question the app asks: its wording, and what yes and no do.
enum Confirmation {
    static func question(_ purpose: ConfirmPurpose, _ state: AppState) -> String {
        switch purpose {
        case .deleteAccount(let id):
            return "Delete \(state.digest(id)?.name ?? "this account") and all its records?"
        case .deleteRecord(_, _, _, let what): return "Delete \(what)?"
        case .countForPlan(_, _, _, let title): return "Count this as done for the plan item \"\(title)\"?"
        case .seasonToDisruption(_, let risk):
            return "\"\(risk)\" happened: move the account's season to disruption?"
        }
    }

    static func answer(_ purpose: ConfirmPurpose, yes: Bool, state: inout AppState) -> [Effect] {
        state.overlay = nil
        switch purpose {
        case .deleteAccount(let id):
            guard yes else {
                state.message = Message("Nothing deleted")
                return []
            }
            guard let account = state.account(id) else { return [] }
            state.undo = .account(account)
            return [.delete(id, message: "Deleted \(account.name) (u brings it back)")]
        case .deleteRecord(let id, let mutation, let undo, let what):
            guard yes else {
                state.message = Message("Nothing deleted")
                return []
            }
            state.undo = .record(account: id, undo, what: what)
            state.accountView?.table.move(-1, count: Int.max)
            return [.mutate(id, [mutation], message: "Deleted \(what) (u brings it back)")]
        case .countForPlan(let id, let touch, let item, let title):
            guard yes else {
                state.message = Message("Kept as a touchpoint only")
                return []
            }
            return [
                .mutate(
                    id, [.countTouchForPlan(touch: touch, item: item)], message: "Counted as done: \(title)")
            ]
        case .seasonToDisruption(let id, let risk):
            guard yes else {
                state.message = Message("Season unchanged")
                return []
            }
            return [
                .mutate(
                    id, [.changeSeason(.disruption, reason: "Risk occurred: \(risk)")],
                    message: "Season: disruption")
            ]
        }
    }
}

/// Answers to a yes/no question.
enum ConfirmCommand: Sendable { case yes, no }

extension Keymaps {
    static let confirm = Keymap<ConfirmCommand>(
        "Questions",
        [
            Binding([.char("y"), .char("Y")], .yes, help: "Yes"),
            Binding([.char("n"), .char("N"), .escape, .char("q")], .no, help: "No")
        ])
}
