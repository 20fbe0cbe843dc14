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
    public static func parts(of item: FollowUp, tier: Tier, value: Int, status: AccountStatus, today: Day) -> [UrgencyPart] {
        var parts: [UrgencyPart] = []
        let band = item.band(on: today)
        let bandPoints = [DueBand.overdue: 3000, .today: 2000, .thisWeek: 1000, .later: 0][band]!
        if bandPoints > 0 { parts.append(UrgencyPart(band.title.lowercased(), bandPoints)) }
        let days = today.days(until: item.due)
        if days < 0 {
            parts.append(UrgencyPart("\(-days) day\(days == -1 ? "" : "s") overdue", min(-days, 30)))
        } else if days > 0 {
            parts.append(UrgencyPart("due in \(days) day\(days == 1 ? "" : "s")", -min(days, 60)))
        }
        let sourcePoints = sourceWeight[item.source] ?? 0
        if sourcePoints > 0 { parts.append(UrgencyPart(item.source.label, sourcePoints)) }
        switch tier {
        case .key: parts.append(UrgencyPart("key account", 30))
        case .core: parts.append(UrgencyPart("core account", 15))
        case .standard: break
        }
        if value >= 1_000_000 { parts.append(UrgencyPart("value ≥ 1M", 20)) }
        else if value >= 250_000 { parts.append(UrgencyPart("value ≥ 250k", 12)) }
        else if value >= 50_000 { parts.append(UrgencyPart("value ≥ 50k", 6)) }
        if status == .atRisk { parts.append(UrgencyPart("account at risk", 15)) }
        if let severity = item.severity {
            let points = [Severity.critical: 60, .high: 40, .medium: 20, .low: 5][severity]!
            if points > 0 { parts.append(UrgencyPart("\(severity.rawValue) concern", points)) }
        }
        if item.isRed(on: today) { parts.append(UrgencyPart("past the maximum interval", 25)) }
        return parts
    }

    static let sourceWeight: [DueSource: Int] = [
        .concern: 30, .action: 15, .touchFollowUp: 15, .plan: 10, .evaluation: 10, .keepInTouch: 10,
        .litmus: 5, .riskReview: 5,
    ]
}
