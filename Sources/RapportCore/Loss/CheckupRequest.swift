extension Account {
    /// Whether a check-up was asked for (by a sweep after a loss, D48) and no litmus test
    /// has been taken since it was asked.
    public var checkupIsRequested: Bool {
        guard let requested = checkupRequestedOn else { return false }
        return litmusHistory.last.map { $0.day < requested } ?? true
    }

    /// The litmus test's due day: the regular one, or the requested check-up's day when
    /// that is sooner.
    func litmusDue(_ regular: Day) -> Day {
        guard checkupIsRequested, let requested = checkupRequestedOn else { return regular }
        return min(regular, requested)
    }

    /// What the litmus item's reason adds for a requested check-up.
    var checkupRequestNote: String {
        guard checkupIsRequested, let requested = checkupRequestedOn else { return "" }
        return "; a check-up was asked for by \(requested.iso) (signs like a lost account's)"
    }
}
