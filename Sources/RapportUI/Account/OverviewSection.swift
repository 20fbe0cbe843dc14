import RapportCore
import TUIKit

/// The account at a glance: merge conflicts to settle, its season, facts, people, open
/// concerns, expectations and recent touchpoints. It has no rows: `e` edits the account's
/// facts, `d` deletes it, `x` settles a merge conflict.
enum OverviewSection: AccountSectionContent {
    static var keymap: Keymap<OverviewCommand>? { Keymaps.overview }

    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: OverviewCommand
    ) -> [Effect] {
        switch command {
        case .settle: MergeConflictSettlement.open(&state, a)
        case .review: DefectionReviewScreen.open(&state, a, from: view)
        case .loss: LossForm.open(&state, a)
        }
        return []
    }

    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { 0 }

    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.message = Message("Go to Contacts (2) or Team (3) to add people; l logs a touch, c a concern")
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.editAccount(a), AccountForm.make(a))
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? { .deleteAccount(a.id) }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        var lines: [(String, Style)] = []
        if let conflicts = a.mergeConflicts, !conflicts.isEmpty {
            let n = conflicts.count
            lines.append(
                (
                    "\(n) merge conflict\(n == 1 ? "" : "s") to settle (x): teammates changed \(n == 1 ? "this" : "these") on two sides",
                    .danger
                ))
            for c in conflicts.prefix(3) { lines.append(("  \(c.summary)", .warning)) }
        }
        lines.append(("Season: \(a.season.rawValue) — \(a.season.approach)", .normal))
        var facts = "Market: \(a.market.isEmpty ? "-" : a.market)"
        if let since = a.customerSince { facts += " · customer since \(since.iso)" }
        if !a.tags.isEmpty { facts += " · tags: " + a.tags.joined(separator: ", ") }
        lines.append((facts, .normal))
        let current = a.currentContacts
        let byLevel = ContactLevel.allCases.compactMap { level -> String? in
            let n = current.filter { $0.level == level }.count
            return n == 0 ? nil : "\(n) \(level.label)"
        }
        lines.append(
            (
                "People: " + (byLevel.isEmpty ? "no contacts" : byLevel.joined(separator: ", "))
                    + " · team of \(a.team.count)", .normal
            ))
        let open = a.openConcerns
        if open.isEmpty {
            lines.append(("No open concerns", .good))
        } else {
            let overdue = open.filter { $0.isOverdue(on: context.today) }.count
            lines.append(
                (
                    "\(open.count) open concern\(open.count == 1 ? "" : "s")"
                        + (overdue > 0 ? ", \(overdue) past its response date" : ""),
                    overdue > 0 ? .danger : .warning
                ))
            for c in open.prefix(3) { lines.append(("  [\(c.severity.rawValue)] \(c.summary)", .normal)) }
        }
        if let e = a.expectations.first {
            let blank = e.blankAnswers
            lines.append(
                (
                    blank.isEmpty
                        ? "Expectations agreed: checklist complete"
                        : "Expectations still blank (0): " + blank.joined(separator: ", "),
                    blank.isEmpty ? .good : .warning
                ))
        } else {
            lines.append(("No expectations written down yet (0)", .warning))
        }
        lines.append(("", .normal))
        lines.append(("Recent touchpoints", .title))
        let recent = a.touchpoints.sorted { $0.day > $1.day }.prefix(max(0, rect.height - lines.count - 1))
        if recent.isEmpty { lines.append(("  none yet: l logs one", .dim)) }
        for t in recent {
            lines.append(("  \(t.day.iso)  \(DisplayWidth.fit(t.kind.label, to: 15)) \(t.summary)", .normal))
        }
        for (i, line) in lines.prefix(rect.height).enumerated() {
            canvas.put(line.0, x: rect.x, y: rect.y + i, style: line.1, limit: rect.width)
        }
    }
}

/// The Overview's own command.
enum OverviewCommand: Sendable { case settle, review, loss }

extension Keymaps {
    static let overview = Keymap<OverviewCommand>(
        "Overview section",
        [
            Binding(
                [.char("x")], .settle,
                help: "Settle a merge conflict (a field two teammates changed): keep it or take the other"),
            Binding(
                [.char("R")], .review, help: "A lost account's defection review: the signs before the loss"),
            Binding([.char("L")], .loss, help: "Record or change a lost or former account's loss")
        ])
}
