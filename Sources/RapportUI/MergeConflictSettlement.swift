import RapportCore
import TUIKit

/// The question a merge conflict asks (D47): a field two teammates changed to different
/// values, the one the account holds and the one set aside, settled with one key.
struct MergeConflictSettlement: Equatable, Sendable {
    var account: RecordID
    var accountName: String
    var conflict: MergeConflict
    /// Where it stands among the account's conflicts (from 1), and how many there are.
    var position: Int
    var count: Int

    /// The conflict `id` of `account` (its first when nil, or gone), or nil when it has none.
    init?(_ account: Account, conflict id: RecordID? = nil) {
        let conflicts = account.mergeConflicts ?? []
        guard let at = conflicts.firstIndex(where: { $0.id == id }) ?? conflicts.indices.first else {
            return nil
        }
        self.account = account.id
        self.accountName = account.name
        self.conflict = conflicts[at]
        self.position = at + 1
        self.count = conflicts.count
    }

    /// Opens the question on the account's conflict `id` (its first when nil), or says
    /// there is none.
    static func open(_ state: inout AppState, _ account: Account, conflict id: RecordID? = nil) {
        if let settlement = MergeConflictSettlement(account, conflict: id) {
            state.overlay = .settle(settlement)
        } else {
            state.message = Message("\(account.name) has no merge conflicts")
        }
    }

    static func handle(_ state: inout AppState, _ settlement: MergeConflictSettlement, _ key: Key) -> [Effect]
    {
        guard let command = Keymaps.settle.command(for: key) else { return [] }
        state.overlay = nil
        let conflict = settlement.conflict
        switch command {
        case .later:
            state.message = Message("Left for later: it stays on the due list")
            return []
        case .keep, .takeOther:
            let other = command == .takeOther
            let value = MergeConflict.display(other ? conflict.other : conflict.kept)
            return [
                .mutate(
                    settlement.account, [.settleMergeConflict(conflict.id, takingOther: other)],
                    message: "Settled: \(conflict.field) is \(value)")
            ]
        }
    }

    /// Draws the question in a centred box.
    static func render(_ settlement: MergeConflictSettlement, into canvas: inout Canvas) {
        let conflict = settlement.conflict
        let lines: [(String, Style)]
        if conflict.isRecord {
            let (edited, deleted) =
                conflict.kept == nil
                ? (conflict.otherFrom, conflict.keptFrom) : (conflict.keptFrom, conflict.otherFrom)
            lines = [
                ("\(conflict.field) (found \(conflict.foundOn.iso))", .title),
                ("  deleted by \(deleted), edited by \(edited)", .normal),
                (
                    conflict.kept == nil
                        ? "  deleted now: k leaves it deleted, o brings the edited one back"
                        : "  kept now: k keeps it, o deletes it", .accent
                )
            ]
        } else {
            lines = [
                ("\(conflict.field): changed on two sides (found \(conflict.foundOn.iso))", .title),
                ("  kept        \(MergeConflict.display(conflict.kept))  (by \(conflict.keptFrom))", .accent),
                (
                    "  set aside   \(MergeConflict.display(conflict.other))  (by \(conflict.otherFrom))",
                    .normal
                )
            ]
        }
        let rect = canvas.bounds.centered(
            width: min(canvas.width - 2, 76), height: min(canvas.height - 2, lines.count + 4))
        canvas.fill(rect)
        let of = settlement.count > 1 ? " (\(settlement.position) of \(settlement.count))" : ""
        canvas.box(rect, title: "Merge conflict\(of) · \(settlement.accountName)", style: .warning)
        let inner = rect.inset(1)
        let x = inner.x + 1
        let width = inner.width - 2
        for (i, line) in lines.enumerated() where inner.y + i < inner.maxY - 1 {
            canvas.put(line.0, x: x, y: inner.y + i, style: line.1, limit: width)
        }
        canvas.put(
            "k keep what is there · o take the other · Esc later", x: x, y: inner.maxY - 1, style: .dim,
            limit: width)
    }
}

/// Answers to a merge conflict.
enum MergeConflictCommand: Sendable { case keep, takeOther, later }

extension Keymaps {
    static let settle = Keymap<MergeConflictCommand>(
        "Merge conflict (two teammates changed a field)",
        [
            Binding([.char("k")], .keep, label: "keep", help: "Keep the value the account holds"),
            Binding([.char("o")], .takeOther, label: "other", help: "Take the value set aside in its place"),
            Binding([.escape, .char("q")], .later, label: "later", help: "Leave it for later (it stays due)")
        ])
}
