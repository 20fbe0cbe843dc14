import RapportCore
import TUIKit

/// The accounts table's columns at one terminal width: which show and how wide.
///
/// Every column starts at its narrowest useful width. When they do not all fit, whole
/// columns are dropped, least important first (`dropOrder`: renewal, season, tier,
/// owner, status, last touch); account, value, health, next due and flags always stay.
/// The renewal column shows only when some account shown has a renewal day. Room
/// left over widens, in turn and up to a cap each (`growth`), the account name, the
/// flags, the owner (full names instead of first names), the season, then the flags
/// and the name again; the flags take the rest.
struct AccountsTableLayout: Equatable {
    enum Field: CaseIterable {
        case name, tier, owner, value, status, season, health, last, next, renews, flags
    }

    /// The order columns are dropped in when the width is short (README, "The app").
    static let dropOrder: [Field] = [.renews, .season, .tier, .owner, .status, .last]

    /// Where room left over goes, in turn: each field grows up to its cap.
    static let growth: [(Field, Int)] = [
        (.name, 20), (.flags, 16), (.owner, 14), (.season, 12), (.flags, 36), (.name, 48)
    ]

    /// The fields shown, in table order, with their widths.
    let fields: [Field]
    let widths: [Int]

    /// `renewals`: some account shown has a renewal day (else the column is left out).
    init(width: Int, renewals: Bool = true) {
        var shown = Field.allCases.filter { renewals || $0 != .renews }
        var size = Dictionary(uniqueKeysWithValues: shown.map { ($0, Self.narrowest($0)) })
        func used() -> Int { shown.reduce(0) { $0 + size[$1]! } + shown.count - 1 }
        for field in Self.dropOrder where used() > width {
            shown.removeAll { $0 == field }
        }
        for (field, cap) in Self.growth where shown.contains(field) {
            size[field]! += min(max(0, width - used()), cap - size[field]!)
        }
        size[.flags]! += max(0, width - used())
        fields = shown
        widths = shown.map { size[$0]! }
    }

    static func narrowest(_ field: Field) -> Int {
        switch field {
        case .name: 16
        case .tier: 4
        case .owner: 7
        case .value: 6
        case .status: 7
        case .season: 10
        case .health: 4
        case .last, .next: 5
        case .renews: 6
        case .flags: 10
        }
    }

    func width(of field: Field) -> Int? { fields.firstIndex(of: field).map { widths[$0] } }

    func column(of field: Field) -> Int? { fields.firstIndex(of: field) }

    /// The table's columns (fixed to the widths worked out here).
    var columns: [Column] {
        zip(fields, widths).map { field, width in
            switch field {
            case .name: Column("Account", .fixed(width))
            case .tier: Column("Tier", .fixed(width))
            case .owner: Column("Owner", .fixed(width))
            case .value: Column("Value", .fixed(width), alignRight: true)
            case .status: Column("Status", .fixed(width))
            case .season: Column("Season", .fixed(width))
            case .health: Column("Hlth", .fixed(width), alignRight: true)
            case .last: Column("Last", .fixed(width), alignRight: true)
            case .next: Column("Next", .fixed(width), alignRight: true)
            case .renews: Column("Renews", .fixed(width), alignRight: true)
            case .flags: Column("Flags", .fixed(width))
            }
        }
    }

    /// One account's cells, in the layout's order.
    func cells(_ s: AccountSummary, today: Day, currency: String) -> [String] {
        zip(fields, widths).map { field, width in
            switch field {
            case .name: return s.name
            case .tier: return AccountsScreen.tierShort(s.tier)
            case .owner:
                return DisplayWidth.of(s.owner) <= width ? s.owner : AccountsScreen.firstName(s.owner)
            case .value: return Money.short(s.annualValue, currency: currency)
            case .status: return s.status.label
            case .season: return width >= 12 || s.season != .reconnection ? s.season.rawValue : "reconnect"
            case .health: return s.health.map { "\($0)\(AccountsScreen.arrow(s.healthChange))" } ?? "-"
            case .last: return s.lastTouch.map { "\($0.days(until: today))d" } ?? "never"
            case .next: return AccountsScreen.nextDueText(s.nextDue, today)
            case .renews: return s.renewsInDays.map { $0 < 0 ? "\(-$0)d ago" : "\($0)d" } ?? "-"
            case .flags: return AccountsScreen.flagText(s.flags, width: width)
            }
        }
    }
}
