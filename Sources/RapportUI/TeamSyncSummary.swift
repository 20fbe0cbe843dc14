import RapportStore

/// The one-line message `:sync` leaves (the command line prints every line; the app has
/// one): the failure, else what was shared, what came in and the merge conflicts to settle.
enum TeamSyncSummary {
    static func message(_ report: TeamSync.Report) -> String {
        if let failure = report.failure { return "Sync stopped: \(failure)" }
        if report.noRemote {
            return "Committed here. No remote to share with yet: run 'rapport sync --init URL' once"
        }
        var parts: [String] = []
        if report.committed != nil { parts.append("your changes shared") }
        let incoming = report.incoming.count
        parts.append(
            incoming == 0
                ? "nothing new from others" : "\(incoming) change\(incoming == 1 ? "" : "s") came in")
        let conflicts = report.conflicts.count
        if conflicts > 0 {
            parts.append("\(conflicts) merge conflict\(conflicts == 1 ? "" : "s") to settle (due list)")
        }
        return "Synced: " + parts.joined(separator: "; ")
    }
}
