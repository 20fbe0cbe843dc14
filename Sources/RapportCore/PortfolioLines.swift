/// The portfolio as lines of text, for the app's screen and `rapport portfolio` alike:
/// each line with the accounts behind it, so the screen's Enter opens exactly those.
public enum PortfolioLines {
    /// One line: its text, how it is shown, and the accounts it stands for (nil: none).
    public struct Line: Equatable, Sendable {
        public enum Kind: Sendable { case heading, normal, warning, dim }
        public var text: String
        public var kind: Kind
        public var ids: [RecordID]?
        /// What the accounts table says it shows when opened from here.
        public var label: String

        init(_ text: String, _ kind: Kind = .normal, ids: [RecordID]? = nil, label: String = "") {
            self.text = text
            self.kind = kind
            self.ids = ids
            self.label = label
        }
    }

    public static func lines(_ p: Portfolio, currency: String, width: Int) -> [Line] {
        func money(_ v: Int) -> String { Money.short(v, currency: currency) }
        func percent(_ part: Int, _ whole: Int) -> String {
            whole > 0 ? " (\(Int((Double(part) / Double(whole) * 100).rounded()))%)" : ""
        }
        func row(_ name: String, _ b: Portfolio.Bucket, at: Bool = true) -> String {
            let accounts = "\(b.count) account\(b.count == 1 ? "" : "s")"
            return "  " + name.padded(to: 22) + money(b.value).padded(to: 9, left: true) + "  "
                + accounts.padded(to: 12)
                + (at && b.valueAtRisk > 0 ? "  \(money(b.valueAtRisk)) at risk" : "")
        }
        var out: [Line] = []
        let book = p.current
        var head = "\(book.count) accounts · \(money(book.value)) a year · lifetime \(money(p.lifetimeValue))"
        if p.lostOrFormer > 0 { head += " · \(p.lostOrFormer) lost or former" }
        out.append(Line(head, .heading, ids: book.ids, label: "current accounts"))
        out.append(
            Line(
                "Value at risk: \(money(p.atRisk.value))\(percent(p.atRisk.value, book.value)) on "
                    + "\(p.atRisk.count) account\(p.atRisk.count == 1 ? "" : "s")",
                p.atRisk.count > 0 ? .warning : .normal, ids: p.atRisk.ids, label: "value at risk"))
        for (reason, bucket) in p.byReason {
            out.append(
                Line(row(reason.short, bucket, at: false), .normal, ids: bucket.ids, label: reason.short))
        }
        out.append(Line(""))
        out.append(
            Line(
                "Renewals".padded(to: 24) + "value".padded(to: 9, left: true) + "  "
                    + "accounts".padded(to: 12)
                    + "  of it at risk", .heading))
        for (days, bucket) in p.renewing {
            out.append(
                Line(
                    row("next \(days) days", bucket), bucket.valueAtRisk > 0 ? .warning : .normal,
                    ids: bucket.ids,
                    label: "renewing within \(days) days"))
        }
        if p.renewalsPassed.count > 0 {
            out.append(
                Line(
                    row("passed, not marked", p.renewalsPassed), .warning, ids: p.renewalsPassed.ids,
                    label: "renewal passed"))
        }
        out.append(Line(""))
        out.append(Line("Health (value by band)", .heading))
        let largest = max(1, p.byHealthBand.map(\.bucket.value).max() ?? 1)
        let barWidth = max(4, min(24, width - 60))
        for (band, bucket) in p.byHealthBand where bucket.count > 0 {
            let filled = Int((Double(bucket.value) / Double(largest) * Double(barWidth)).rounded())
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: barWidth - filled)
            out.append(
                Line(
                    "  " + band.label.padded(to: 18) + bar + " "
                        + money(bucket.value).padded(to: 8, left: true)
                        + "  \(bucket.count)",
                    band == .poor ? .warning : .normal, ids: bucket.ids, label: "health \(band.label)"))
        }
        let scores = p.health.map(\.score)
        if scores.contains(where: { $0 != nil }) {
            var spark = ""
            for (i, month) in p.health.enumerated() {
                if month.versionBreak { spark += "│" }
                spark += Sparkline.line([scores[i]], low: 0, high: 100)
            }
            let now = scores.last.flatMap { $0 }.map { " now \(Int($0.rounded()))" } ?? ""
            out.append(Line("  last 12 months " + spark + now + " (value-weighted litmus score)", .dim))
        }
        out.append(Line(""))
        if !p.byFlag.isEmpty {
            out.append(Line("Warning flags", .heading))
            for (flag, bucket) in p.byFlag {
                out.append(Line(row(flag.short, bucket), .normal, ids: bucket.ids, label: flag.short))
            }
            out.append(Line(""))
        }
        out.append(Line("Seasons", .heading))
        for (season, bucket) in p.bySeason {
            out.append(
                Line(
                    row(season.rawValue, bucket), .normal, ids: bucket.ids, label: "season \(season.rawValue)"
                ))
        }
        out.append(Line(""))
        out.append(Line("Owners", .heading))
        for (owner, bucket) in p.byOwner {
            out.append(Line(row(owner, bucket), .normal, ids: bucket.ids, label: "owner \(owner)"))
        }
        out.append(Line(""))
        out.append(Line("Last 7 days", .heading))
        if p.changes.isEmpty { out.append(Line("  nothing changed", .dim)) }
        for change in p.changes {
            let what: String
            switch change.kind {
            case .healthDrop: what = "health fell"
            case .newConcern: what = "new concern"
            case .championLost: what = "a champion left"
            case .renewed: what = "renewed"
            case .lost: what = "lost"
            }
            out.append(
                Line(
                    "  \(change.day.iso)  " + change.name.padded(to: 28) + what,
                    change.kind == .renewed ? .normal : .warning, ids: [change.id], label: change.name))
        }
        return out
    }
}
