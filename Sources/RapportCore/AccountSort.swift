/// The orders an accounts list can take, the same in the app (`s`, `r`) and in
/// `rapport accounts --sort --reverse`. Ties keep name order.
public enum AccountSort: String, Choice {
    case name, value, health
    case lastTouch = "last touch"
    case nextDue = "next due"
    case flags, tier, renewal

    /// `positions` (indices into `rows`, in name order) in this order; `reversed` turns
    /// the whole order round.
    public func order(_ positions: [Int], of rows: [AccountSummary], reversed: Bool = false) -> [Int] {
        var shown = positions
        func sort(by key: (AccountSummary) -> Int) {
            shown = shown.map { (key(rows[$0]), $0) }.sorted { $0 < $1 }.map(\.1)
        }
        switch self {
        case .name: break
        case .value: sort { -$0.annualValue }
        case .health: sort { $0.health ?? 101 }
        case .lastTouch: sort { $0.lastTouch?.ordinal ?? Int.min }
        case .nextDue: sort { $0.nextDue?.ordinal ?? Int.max }
        case .flags: sort { -$0.flags.count }
        case .renewal: sort { $0.renewsOn?.ordinal ?? Int.max }
        case .tier:
            shown = shown.map { (Tier.allCases.firstIndex(of: rows[$0].tier)!, -rows[$0].annualValue, $0) }
                .sorted { $0 < $1 }.map(\.2)
        }
        return reversed ? shown.reversed() : shown
    }
}
