import RapportCore
import TUIKit

/// Risks from named disruptions, each seen at three levels with the likely response.
enum RiskSection: AccountSectionContent {
    static func risks(_ a: Account) -> [Risk] {
        a.risks.sorted {
            ($0.state == .occurred ? 0 : 1, $0.reviewOn ?? Day(ordinal: Int.max)) < (
                $1.state == .occurred ? 0 : 1, $1.reviewOn ?? Day(ordinal: Int.max)
            )
        }
    }

    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { a.risks.count }

    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.addRisk(account: a.id), RiskForm.make(nil))
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let r = risks(a)[safe: view.table.selection] else { return }
        state.overlay = .form(.editRisk(account: a.id, r), RiskForm.make(r))
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        risks(a)[safe: view.table.selection].map {
            .deleteRecord(
                account: a.id, .removeRisk($0.id), undo: .addRisk($0), what: "risk \"\($0.disruption)\"")
        }
    }

    static let keymap: Keymap<RiskCommand>? = Keymaps.risks

    /// `o`: the selected risk happened.
    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: RiskCommand
    ) -> [Effect] {
        guard let shown = risks(a)[safe: view.table.selection] else { return [] }
        var risk = shown
        switch command {
        case .occurred:
            guard risk.state != .occurred else {
                state.message = Message("Already marked as occurred")
                return []
            }
            risk.state = .occurred
            risk.occurredOn = state.today
            if a.season != .disruption {
                state.overlay = .confirm(.seasonToDisruption(account: a.id, risk: risk.disruption))
            }
            return [
                .mutate(
                    a.id, [.editRisk(base: shown, mine: risk)],
                    message: "Marked as occurred: \(risk.disruption)")
            ]
        }
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        let list = risks(a)
        let tableHeight = min(max(2, list.count + 1), max(2, rect.height - 8))
        let rows = list.map { r -> TableRow in
            let late = r.reviewOn.map { $0 < context.today } ?? false
            return TableRow(
                [r.disruption, r.kind.label, r.state.label, r.reviewOn?.iso ?? "-"],
                cellStyles: [2: r.state == .occurred ? .danger : .warning, 3: late ? .danger : .normal])
        }
        table(
            &view, rows,
            [
                Column("Disruption", .flexible(min: 20)), Column("Kind", .fixed(12)),
                Column("State", .fixed(12)),
                Column("Review", .fixed(10))
            ],
            empty:
                "No risks recorded. a adds one: a disruption, and what it means for our contact, their company, their market.",
            into: &canvas, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: tableHeight))
        guard let risk = list[safe: view.table.selection] else { return }
        var y = rect.y + tableHeight + 1
        guard y < rect.maxY else { return }
        let width = (rect.width - 2) / 3
        let levels = [
            ("Our contact", risk.contact), ("Their company", risk.company), ("Their market", risk.market)
        ]
        for (i, level) in levels.enumerated() {
            canvas.put(level.0, x: rect.x + i * (width + 1), y: y, style: .header, limit: width)
        }
        y += 1
        let columns = levels.map { level -> [(String, Style)] in
            Chrome.wrap(level.1.risk.isEmpty ? "risk: ?" : level.1.risk, width: width).map { ($0, .normal) }
                + Chrome.wrap(
                    "→ " + (level.1.likelyResponse.isEmpty ? "likely response: ?" : level.1.likelyResponse),
                    width: width
                ).map { ($0, .accent) }
        }
        let height = min(columns.map(\.count).max() ?? 0, rect.maxY - y - 1)
        for line in 0..<max(0, height) {
            for (i, column) in columns.enumerated() where line < column.count {
                canvas.put(
                    column[line].0, x: rect.x + i * (width + 1), y: y + line, style: column[line].1,
                    limit: width)
            }
        }
        y += max(0, height)
        if y < rect.maxY, !risk.ourResponse.isEmpty {
            canvas.put(
                "We will: " + risk.ourResponse.replacingText("\n", with: " "), x: rect.x, y: y, style: .good,
                limit: rect.width)
        }
    }
}

/// Commands of the Risks section (besides add/edit/delete).
enum RiskCommand: Sendable { case occurred }

extension Keymaps {
    static let risks = Keymap<RiskCommand>(
        "Risks section",
        [
            Binding(
                [.char("o")], .occurred, label: "occurred",
                help: "Mark the selected risk as occurred (offers the disruption season)")
        ])
}
