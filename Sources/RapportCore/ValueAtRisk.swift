/// Why an account's value is at risk (D50): each reason a rule on the record, never a score.
/// Lost and former accounts have none (their value is gone, not at risk).
public enum RiskReason: String, CaseIterable, Codable, Sendable {
    /// Its status is at risk.
    case statusAtRisk = "status-at-risk"
    /// The latest litmus score is lower than the one before.
    case healthFalling = "health-falling"
    /// The latest litmus score is below `ValueAtRisk.lowHealth`.
    case healthLow = "health-low"
    /// A critical or high concern is past its respond-by day.
    case lateSeriousConcern = "late-serious-concern"
    /// A main contact or senior leader left and nobody has reconnected since.
    case championLeft = "champion-left"
    /// It renews within `ValueAtRisk.renewalWindow` days and shows a warning flag.
    case renewingWithFlags = "renewing-with-flags"

    /// The reason in a sentence.
    public var explanation: String {
        switch self {
        case .statusAtRisk: return "its status is at risk"
        case .healthFalling: return "its health is falling"
        case .healthLow: return "its health is below \(ValueAtRisk.lowHealth)"
        case .lateSeriousConcern: return "a critical or high concern is past its response date"
        case .championLeft: return "a champion left"
        case .renewingWithFlags:
            return "it renews within \(ValueAtRisk.renewalWindow) days with a warning flag"
        }
    }

    /// The reason as tables show it.
    public var short: String { rawValue.replacingText("-", with: " ") }
}

/// The value-at-risk rule's thresholds.
public enum ValueAtRisk {
    /// A litmus score below this is low.
    public static let lowHealth = 50
    /// A renewal this many days away or nearer, with any warning flag, puts the value at risk.
    public static let renewalWindow = 90
}

extension AccountDigest {
    /// The reasons its value is at risk on `today`, in `RiskReason` order; empty when it is not.
    public func riskReasons(on today: Day, flags: [WarningFlag]? = nil) -> [RiskReason] {
        guard status == .active || status == .atRisk else { return [] }
        let flags = flags ?? self.flags(on: today)
        var reasons: [RiskReason] = []
        if status == .atRisk { reasons.append(.statusAtRisk) }
        if fixedFlags.contains(.healthFalling) { reasons.append(.healthFalling) }
        if let health, health < ValueAtRisk.lowHealth { reasons.append(.healthLow) }
        if let late = traits.lateSeriousConcernFrom, today >= late { reasons.append(.lateSeriousConcern) }
        if fixedFlags.contains(.championLeft) { reasons.append(.championLeft) }
        if let renews = traits.renewsOn, (0...ValueAtRisk.renewalWindow).contains(today.days(until: renews)),
            !flags.isEmpty
        {
            reasons.append(.renewingWithFlags)
        }
        return reasons
    }
}
