import RapportCore

/// What a screen or section reads of the app while it draws, and does not change: the
/// day, the currency, the due intervals. It is handed to them instead of `AppState`.
struct ScreenContext {
    var today: Day
    var currency: String
    var policy: DuePolicy
}

extension AppState {
    /// What screens and sections may read while they draw.
    var context: ScreenContext { ScreenContext(today: today, currency: currency, policy: policy) }
}
