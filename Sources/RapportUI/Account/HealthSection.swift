import RapportCore
import TUIKit

/// Relationship health: the litmus score with its trend, the tracked measures, the
/// season history.
enum HealthSection: AccountSectionContent {
    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int { a.measures.count }

    /// `a`: a measure to track.
    static func add(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        state.overlay = .form(.addMeasure(account: a.id), MeasureForm.make(nil))
    }

    static func edit(_ state: inout AppState, _ a: Account, _ view: AccountViewState) {
        guard let m = a.measures[safe: view.table.selection] else { return }
        state.overlay = .form(.editMeasure(account: a.id, m), MeasureForm.make(m))
    }

    static func deletion(_ a: Account, _ view: AccountViewState) -> ConfirmPurpose? {
        a.measures[safe: view.table.selection].map {
            .deleteRecord(
                account: a.id, .removeMeasure($0.id), undo: .addMeasure($0),
                what: "measure \($0.name) and its readings")
        }
    }

    static let keymap: Keymap<HealthCommand>? = Keymaps.health

    static func handle(
        _ state: inout AppState, _ a: Account, _ view: AccountViewState, _ command: HealthCommand
    ) -> [Effect] {
        let measure = a.measures[safe: view.table.selection]
        switch command {
        case .litmus:
            LitmusRunner.start(&state, a)
        case .reading:
            guard let measure else {
                state.message = Message("Add a measure first (m)")
                return []
            }
            state.overlay = .form(
                .addReading(account: a.id, measure.id), ReadingForm.make(measure, state: state))
        case .addMeasure:
            add(&state, a, view)
        }
        return []
    }

    static func render(
        _ a: Account, _ view: inout AccountViewState, _ context: ScreenContext, into canvas: inout Canvas,
        rect: Rect
    ) {
        var y = rect.y
        let interval = context.policy.checkupDays(for: a)
        if let last = a.litmusHistory.last {
            var line = "Litmus \(last.score)"
            if let change = a.healthChange { line += " (\(change >= 0 ? "+" : "")\(change))" }
            line +=
                " on \(last.day.iso) · questions v\(last.version) · every \(interval) days, next \(last.day.adding(days: interval).iso)"
            canvas.put(
                line, x: 0, y: y, style: (a.healthChange ?? 0) < 0 ? .danger : .title, limit: rect.width)
        } else {
            canvas.put(
                "No litmus test yet: t runs it (every \(interval) days for this account)", x: 0, y: y,
                style: .warning, limit: rect.width)
        }
        y += 1
        let segments = a.litmusSegments
        if !segments.isEmpty {
            let breaks =
                segments.count > 1
                ? "  (│ = new question set: v" + segments.map { String($0.version) }.joined(separator: ", v")
                    + ")" : ""
            canvas.put(
                "Trend  " + Sparkline.litmus(segments) + breaks, x: 0, y: y, style: .accent, limit: rect.width
            )
            y += 1
            let recent = a.litmusHistory.suffix(4).reversed().map {
                "\($0.day.iso) \($0.score) v\($0.version)"
            }
            canvas.put(
                "Recent " + recent.joined(separator: " · "), x: 0, y: y, style: .dim, limit: rect.width)
            y += 1
        }
        if let season = a.seasonHistory.last {
            let earlier = a.seasonHistory.dropLast().suffix(2).reversed().map {
                "\($0.season.rawValue) from \($0.day.iso)"
            }
            canvas.put(
                "Season \(season.season.rawValue) since \(season.day.iso)"
                    + (season.reason.isEmpty ? "" : " (\(season.reason))")
                    + (earlier.isEmpty ? "" : " · before: " + earlier.joined(separator: ", ")), x: 0, y: y,
                style: .normal, limit: rect.width)
            y += 1
        }
        y += 1
        let last = YearMonth(context.today).adding(months: -1)
        let rows = a.measures.map { m -> TableRow in
            let latest = m.latest
            let value = latest.map { "\(Measure.format($0.reading.value)) \(m.unit)".trimmingSpaces() } ?? "-"
            let change = latest?.change.map { ($0 >= 0 ? "+" : "") + Measure.format($0) } ?? "-"
            let good = latest?.change.map { m.direction == .higherIsBetter ? $0 >= 0 : $0 <= 0 }
            let missing =
                m.isSatisfaction
                ? "" : (m.readings.contains { $0.month == last } ? "" : "\(last.name) missing")
            return TableRow(
                [
                    m.name + (m.isSatisfaction ? " ★" : ""), value, change,
                    Sparkline.line(m.values(months: 12, endingAt: last)), missing
                ],
                cellStyles: [2: good.map { $0 ? .good : .danger } ?? .dim, 3: .accent, 4: .warning])
        }
        let tableRect = Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y)
        table(
            &view, rows,
            [
                Column("Measure", .flexible(min: 14)), Column("Latest", .fixed(12), alignRight: true),
                Column("Change", .fixed(7), alignRight: true), Column("Last 12 months", .fixed(14)),
                Column("", .fixed(16))
            ],
            empty: "No measures tracked. m adds one (usage, consumption, discount requests, satisfaction).",
            into: &canvas, rect: tableRect)
    }
}

/// Commands of the Health section (besides add/edit/delete).
enum HealthCommand: Sendable { case litmus, reading, addMeasure }

extension Keymaps {
    static let health = Keymap<HealthCommand>(
        "Health section",
        [
            Binding([.char("t")], .litmus, label: "litmus", help: "Run the litmus test (one key per answer)"),
            Binding(
                [.char("r")], .reading, label: "reading",
                help: "Enter a monthly reading for the selected measure"),
            Binding([.char("m")], .addMeasure, label: "measure", help: "Track a new measure")
        ])
}
