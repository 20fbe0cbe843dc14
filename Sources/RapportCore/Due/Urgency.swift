/// The urgency formula. Every item's score is the sum of these parts, so the due
/// list can show why an item ranks where it does:
///
/// - band: overdue 3000, today 2000, this week 1000, later 0 — the band always wins;
/// - days: overdue items +1 per day overdue (at most 30 counted); items not yet due
///   −1 per day until due (at most 60), so sooner comes first;
/// - source: a concern awaiting our answer +30, an action or a touchpoint follow-up
///   +15, a plan item, an evaluation or a keep-in-touch +10, a litmus test or risk
///   review +5, readings 0;
/// - tier: key +30, core +15;
/// - value: annual value ≥ 1M +20, ≥ 250k +12, ≥ 50k +6;
/// - account at risk: +15;
/// - concern severity: critical +60, high +40, medium +20, low +5;
/// - keep in touch past the maximum interval (red): +25.
public enum Urgency {
    /// The score alone (no labels built) of an item due on `due` (after snoozes): what
    /// ranking a digest's entries needs, without building the items.
    public static func score(
        due: Day, source: DueSource, severity: Severity?, redFrom: Day?, _ basis: UrgencyBasis
    ) -> Int {
        var total = 0
        evaluate(due: due, source: source, severity: severity, redFrom: redFrom, basis) { _, points in
            total += points
        }
        return total
    }

    /// The parts with their labels, summing to `score`.
    public static func parts(of item: FollowUp, _ basis: UrgencyBasis) -> [UrgencyPart] {
        var parts: [UrgencyPart] = []
        evaluate(due: item.due, source: item.source, severity: item.severity, redFrom: item.redFrom, basis) {
            label, points in
            parts.append(UrgencyPart(label(), points))
        }
        return parts
    }

    /// The formula, once: each part is handed to `add` with a label built only if asked for.
    /// Inlined, so the score alone (a hundred thousand items at every start) adds numbers
    /// without a call per part.
    @inline(__always)
    private static func evaluate(
        due: Day, source: DueSource, severity: Severity?, redFrom: Day?, _ basis: UrgencyBasis,
        _ add: (_ label: () -> String, _ points: Int) -> Void
    ) {
        let (tier, value, status, today) = (basis.tier, basis.value, basis.status, basis.today)
        let band = DueBand.of(due, today: today)
        let bandPoints = [3000, 2000, 1000, 0][band.rawValue]
        if bandPoints > 0 { add({ band.title.lowercased() }, bandPoints) }
        let days = today.days(until: due)
        if days < 0 {
            add({ "\(-days) day\(days == -1 ? "" : "s") overdue" }, min(-days, 30))
        } else if days > 0 {
            add({ "due in \(days) day\(days == 1 ? "" : "s")" }, -min(days, 60))
        }
        let sourcePoints = sourceWeight(source)
        if sourcePoints > 0 { add({ source.label }, sourcePoints) }
        switch tier {
        case .key: add({ "key account" }, 30)
        case .core: add({ "core account" }, 15)
        case .standard: break
        }
        if value >= 1_000_000 {
            add({ "value ≥ 1M" }, 20)
        } else if value >= 250_000 {
            add({ "value ≥ 250k" }, 12)
        } else if value >= 50_000 {
            add({ "value ≥ 50k" }, 6)
        }
        if status == .atRisk { add({ "account at risk" }, 15) }
        if let severity {
            let points = [5, 20, 40, 60][severity.weight - 1]
            add({ "\(severity.rawValue) concern" }, points)
        }
        if let redFrom, today >= redFrom { add({ "past the maximum interval" }, 25) }
    }

    static func sourceWeight(_ source: DueSource) -> Int {
        switch source {
        case .concern, .mergeConflict, .renewalNotice: return 30
        case .renewalDay, .reconnect: return 20
        case .renewal: return 15
        case .action, .touchFollowUp: return 15
        case .plan, .evaluation, .keepInTouch: return 10
        case .litmus, .riskReview: return 5
        case .satisfaction, .reading: return 0
        }
    }
}

/// What an item's urgency depends on besides the item: its account and the day.
public struct UrgencyBasis: Hashable, Sendable {
    public var tier: Tier
    public var value: Int
    public var status: AccountStatus
    public var today: Day

    public init(tier: Tier, value: Int, status: AccountStatus, today: Day) {
        self.tier = tier
        self.value = value
        self.status = status
        self.today = today
    }
}
