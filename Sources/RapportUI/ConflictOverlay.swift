import RapportCore
import TUIKit

extension ConflictReview {
    /// Draws the review in a centred box: the account, each field with my value and
    /// theirs (the selected field marked, a made choice beside its name), and the keys.
    static func render(_ review: ConflictReview, into canvas: inout Canvas) {
        let fields = review.fields
        let rect = canvas.bounds.centered(
            width: min(canvas.width - 2, 76), height: min(canvas.height - 2, 3 * fields.count + 7))
        canvas.fill(rect)
        canvas.box(rect, title: "Changed meanwhile · \(review.conflict.account.name)", style: .warning)
        let inner = rect.inset(1)
        let x = inner.x + 1
        let width = inner.width - 2
        canvas.put(
            "Saved elsewhere while you were editing; both sides changed \(fields.count == 1 ? "this field" : "these fields"):",
            x: x, y: inner.y, limit: width)
        let shown = max(1, (inner.height - 4) / 3)
        let first = max(0, min(review.selection - shown + 1, fields.count - shown))
        var y = inner.y + 2
        for (i, field) in fields.enumerated().dropFirst(first).prefix(shown) {
            let selected = i == review.selection
            let choice = review.choices[field.key]
            canvas.put(selected ? "▸" : " ", x: x, y: y, style: .accent)
            canvas.put(field.field, x: x + 2, y: y, style: selected ? .title : .normal, limit: width - 14)
            if let choice {
                let label = choice == .mine ? "✓ mine" : "✓ theirs"
                canvas.put(label, x: inner.maxX - 1 - DisplayWidth.of(label), y: y, style: .good)
            }
            value("mine", field.mine, chosen: choice == .mine, x: x, y: y + 1, width: width, into: &canvas)
            value(
                "theirs", field.theirs, chosen: choice == .theirs, x: x, y: y + 2, width: width, into: &canvas
            )
            y += 3
        }
        if fields.count > shown {
            canvas.put(
                "\(review.selection + 1) of \(fields.count) fields · j/k move", x: x, y: inner.maxY - 2,
                style: .dim, limit: width)
        } else {
            canvas.put(
                "Your other changes are kept, and so are theirs.", x: x, y: inner.maxY - 2, style: .dim,
                limit: width)
        }
        canvas.put(
            "m mine · t theirs · M all mine · T or Esc all theirs", x: x, y: inner.maxY - 1, style: .dim,
            limit: width)
    }

    private static func value(
        _ side: String, _ text: String, chosen: Bool, x: Int, y: Int, width: Int, into canvas: inout Canvas
    ) {
        canvas.put(DisplayWidth.fit(side, to: 7), x: x + 4, y: y, style: .dim)
        canvas.put(text, x: x + 12, y: y, style: chosen ? .accent : .normal, limit: width - 12)
    }
}

/// Choices in an edit's conflict: per field, or for every field at once.
enum ConflictCommand: Sendable { case down, up, mine, theirs, allMine, allTheirs }

extension Keymaps {
    static let conflict = Keymap<ConflictCommand>(
        "Changed meanwhile (both sides changed a field)",
        [
            Binding([.char("m")], .mine, label: "mine", help: "Keep mine for the selected field"),
            Binding([.char("t")], .theirs, label: "theirs", help: "Keep theirs for the selected field"),
            Binding([.char("M")], .allMine, label: "all mine", help: "Keep mine for every field"),
            Binding(
                [.char("T"), .escape], .allTheirs, label: "all theirs",
                help: "Keep theirs for every field (Esc too): nothing of theirs is overwritten",
                hintLabel: "T/Esc"),
            Binding([.char("j"), .down], .down, help: "Next field"),
            Binding([.char("k"), .up], .up, help: "Previous field")
        ])
}
