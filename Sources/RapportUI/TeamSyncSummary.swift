/// The one-line message `:sync` leaves (the command line prints every line; the app has
/// one): the failure, else what came in and the merge conflicts to settle.
enum TeamSyncSummary {
    static func message(lines: [String], failure: String?) -> String {
        if let failure { return "Sync stopped: \(failure)" }
        let incoming = lines.filter { $0.hasPrefix("  ") }.count
        let conflicts = lines.filter { $0.hasPrefix("Merge conflict: ") }.count
        var parts: [String] = []
        if lines.contains(where: { $0.hasPrefix("Committed: ") }) { parts.append("your changes shared") }
        parts.append(
            incoming == 0
                ? "nothing new from others" : "\(incoming) change\(incoming == 1 ? "" : "s") came in")
        if conflicts > 0 {
            parts.append("\(conflicts) merge conflict\(conflicts == 1 ? "" : "s") to settle (due list)")
        }
        if let remote = lines.first(where: { $0.hasPrefix("No remote") }) {
            return "Committed here. \(remote)"
        }
        return "Synced: " + parts.joined(separator: "; ")
    }
}
