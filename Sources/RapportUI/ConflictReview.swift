import RapportCore
import TUIKit

/// An edit the store refused because both sides changed some fields: the fields with
/// both values, and the user's choice for each so far. Once every field has a choice,
/// the edit goes to the store again, based on the record as it is now: what I changed
/// elsewhere and what they changed elsewhere are both kept.
struct ConflictReview: Equatable, Sendable {
    /// Which value a field keeps.
    enum Side: Equatable, Sendable { case mine, theirs }

    let conflict: EditConflict
    /// The save's mutations, sent again with the edit settled.
    let mutations: [Mutation]
    /// What the save says once done.
    let message: String
    /// The choices made, by conflict key.
    var choices: [String: Side] = [:]
    /// The field selected.
    var selection = 0

    init(_ conflict: EditConflict, mutations: [Mutation], message: String) {
        self.conflict = conflict
        self.mutations = mutations
        self.message = message
    }

    var fields: [FieldConflict] { conflict.conflicts }

    /// The same review with `side` chosen for every field.
    func choosingAll(_ side: Side) -> ConflictReview {
        var review = self
        for field in fields { review.choices[field.key] = side }
        return review
    }

    /// Chooses `side` for the selected field and selects the next one without a choice.
    mutating func choose(_ side: Side) {
        guard let field = fields[safe: selection] else { return }
        choices[field.key] = side
        let order = (1...fields.count).map { (selection + $0) % fields.count }
        selection = order.first { choices[fields[$0].key] == nil } ?? selection
    }

    var isSettled: Bool { fields.allSatisfy { choices[$0.key] != nil } }

    /// The keys of the conflict's fields.
    static func handle(_ state: inout AppState, _ review: ConflictReview, _ key: Key) -> [Effect] {
        guard let command = Keymaps.conflict.command(for: key) else { return [] }
        var review = review
        switch command {
        case .down: review.selection = min(review.fields.count - 1, review.selection + 1)
        case .up: review.selection = max(0, review.selection - 1)
        case .mine: review.choose(.mine)
        case .theirs: review.choose(.theirs)
        case .allMine: review = review.choosingAll(.mine)
        case .allTheirs: review = review.choosingAll(.theirs)
        }
        guard review.isSettled else {
            state.overlay = .conflict(review)
            return []
        }
        return settle(review, state: &state)
    }

    /// Sends the edit again with the choices made (every field must have one): mine
    /// where chosen, theirs elsewhere, the rest of my changes as they were.
    static func settle(_ review: ConflictReview, state: inout AppState) -> [Effect] {
        state.overlay = nil
        let mine = review.fields.filter { review.choices[$0.key] == .mine }
        let theirs = review.fields.filter { review.choices[$0.key] != .mine }
        let settled = review.conflict.settled(keepingMine: Set(mine.map(\.key)))
        var note: [String] = []
        if !mine.isEmpty { note.append("yours kept for " + names(mine)) }
        if !theirs.isEmpty { note.append("theirs kept for " + names(theirs)) }
        if mine.isEmpty { note.append("nothing of theirs was overwritten") }
        let mutations = review.mutations.compactMap { m -> Mutation? in
            guard m == review.conflict.mutation else { return m }
            return settled.changesNothing ? nil : settled
        }
        guard !mutations.isEmpty else {
            state.message = Message("Nothing else to save: " + note.joined(separator: "; "))
            return []
        }
        return [
            .mutate(
                review.conflict.account.id, mutations,
                message: review.message + ": " + note.joined(separator: "; "))
        ]
    }

    private static func names(_ fields: [FieldConflict]) -> String {
        fields.map(\.field).joined(separator: ", ")
    }
}
