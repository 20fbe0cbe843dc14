import RapportCore
import TUIKit

/// Risks from named disruptions, each seen at three levels with the likely response.
enum RiskSection {
    static func risks(_ a: Account) -> [Risk] {
        a.risks.sorted {
            ($0.state == .occurred ? 0 : 1, $0.reviewOn ?? Day(ordinal: Int.max)) < (
                $1.state == .occurred ? 0 : 1, $1.reviewOn ?? Day(ordinal: Int.max)
            )
        }
    }

    static func handle(_ state: inout AppState, _ a: Account, _ command: RiskCommand) -> [Effect] {
        guard var risk = risks(a)[safe: state.view.table.selection] else { return [] }
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
            return [.mutate(a.id, [.upsertRisk(risk)], message: "Marked as occurred: \(risk.disruption)")]
        }
    }

    static func render(_ state: inout AppState, _ a: Account, into canvas: inout Canvas, rect: Rect) {
        let list = risks(a)
        let tableHeight = min(max(2, list.count + 1), max(2, rect.height - 8))
        let rows = list.map { r -> TableRow in
            let late = r.reviewOn.map { $0 < state.today } ?? false
            return TableRow(
                [r.disruption, r.kind.label, r.state.label, r.reviewOn?.iso ?? "-"],
                cellStyles: [2: r.state == .occurred ? .danger : .warning, 3: late ? .danger : .normal])
        }
        AccountScreen.table(
            &state, rows,
            [
                Column("Disruption", .flexible(min: 20)), Column("Kind", .fixed(12)),
                Column("State", .fixed(12)),
                Column("Review", .fixed(10))
            ],
            empty:
                "No risks recorded. a adds one: a disruption, and what it means for our contact, their company, their market.",
            into: &canvas, rect: Rect(x: rect.x, y: rect.y, width: rect.width, height: tableHeight))
        guard let risk = list[safe: state.view.table.selection] else { return }
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

/// Expectations agreed up front: the checklist, goals with an honest chance, barriers.
enum ExpectationsSection {
    static func handle(_ state: inout AppState, _ a: Account, _ command: ExpectationCommand) -> [Effect] {
        let set = a.expectations[safe: state.view.expectationSet]
        switch command {
        case .newSet:
            state.overlay = .form(.addExpectations(account: a.id), ExpectationsForm.make(nil))
        case .checklist:
            if let set {
                state.overlay = .form(.editExpectations(account: a.id, set.id), ExpectationsForm.make(set))
            } else {
                state.overlay = .form(.addExpectations(account: a.id), ExpectationsForm.make(nil))
            }
        case .nextSet, .previousSet:
            guard !a.expectations.isEmpty else { return [] }
            let n = a.expectations.count
            state.view.expectationSet = (state.view.expectationSet + (command == .nextSet ? 1 : n - 1)) % n
            state.view.table = TableView()
        }
        return []
    }

    static func render(_ state: inout AppState, _ a: Account, into canvas: inout Canvas, rect: Rect) {
        guard let e = a.expectations[safe: state.view.expectationSet] else {
            canvas.put(
                "No expectations recorded. n writes them down: what they liked and disliked before, what would earn",
                x: 0, y: rect.y, style: .dim, limit: rect.width)
            canvas.put(
                "rave reviews, reports, dates, who does what, and the agreed answer to \"what if we miss?\"",
                x: 0, y: rect.y + 1, style: .dim, limit: rect.width)
            return
        }
        var y = rect.y
        let which =
            a.expectations.count > 1
            ? " (\(state.view.expectationSet + 1) of \(a.expectations.count); [ ] switch)" : ""
        canvas.put(
            "\(e.title)\(which)" + (e.agreedOn.map { " · agreed \($0.iso)" } ?? ""), x: 0, y: y,
            style: .title, limit: rect.width)
        y += 1
        let blank = e.blankAnswers
        canvas.put(
            blank.isEmpty ? "Checklist complete" : "Still blank (w): " + blank.joined(separator: ", "), x: 0,
            y: y,
            style: blank.isEmpty ? .good : .warning, limit: rect.width)
        y += 1
        canvas.put(
            "If we miss: "
                + (e.ifWeMiss.isEmpty ? "not agreed yet" : e.ifWeMiss.replacingText("\n", with: " ")), x: 0,
            y: y,
            style: e.ifWeMiss.isEmpty ? .warning : .normal, limit: rect.width)
        y += 2
        let rows = e.goals.map { g -> TableRow in
            let ours = g.barriers.filter(\.underOurControl).count
            let theirs = g.barriers.count - ours
            return TableRow(
                [
                    g.text, "\(g.probability)%",
                    g.isLongShot ? "coin toss or worse" : (g.probability >= 90 ? "" : "below 90%"),
                    "\(ours) ours, \(theirs) not"
                ],
                cellStyles: [1: g.isLongShot ? .danger : (g.probability >= 90 ? .good : .warning), 2: .danger]
            )
        }
        AccountScreen.table(
            &state, rows,
            [
                Column("Goal", .flexible(min: 16)), Column("Chance", .fixed(6), alignRight: true),
                Column("", .fixed(18)), Column("Barriers", .fixed(15))
            ],
            empty: "No goals yet: a adds one with an honest chance of success.", into: &canvas,
            rect: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y))
    }
}
