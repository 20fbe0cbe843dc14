import RapportCore
import RapportStore

/// Applying an import's plan to the store and saying what it did, one way for every
/// import (`csv`, `vcard`, `ics`): a line per record created or updated (every record on a
/// dry run), a line per account that could not be saved, and the counts.
struct ImportReport {
    /// The file imported, as the user named it.
    let file: String
    /// What was imported: "accounts", "contacts", "touchpoints".
    let what: String
    /// What one record of the file is, for the count of bad ones: "row", "card", "event".
    var unit = "row"

    /// Writes the plan's changes, with a progress line on a terminal; what could not be
    /// saved, by account.
    static func apply(_ plan: ImportPlan, to store: FileStore, _ context: CommandContext) throws
        -> [RecordID: String]
    {
        let total = plan.changes.count
        let line = ProgressLine(total: total, atLeast: 501) { done, total in
            "importing: \(done) of \(total) accounts written"
        }
        // Cleared whatever happens: an error is not printed after a half-drawn line.
        defer { line?.finish() }
        let outcomes = try store.apply(plan.changes, today: context.today) { line?.update($0, of: total) }
        var failed: [RecordID: String] = [:]
        for (change, outcome) in zip(plan.changes, outcomes) {
            if let outcome { failed[change.accountID] = outcome }
        }
        return failed
    }

    /// Prints what the plan did (or would do, on a dry run), and the counts.
    func show(_ plan: ImportPlan, failed: [RecordID: String], dryRun: Bool, unmatched: Int = 0) {
        let verb = dryRun ? "would " : ""
        var lines = ""
        for o in plan.outcomes where dryRun || o.action != .skip {
            let changed = o.changed.isEmpty ? "" : ": " + o.changed.joined(separator: ", ")
            lines += "  \(verb)\(o.action.rawValue)  line \(o.line)  \(o.record)\(changed)\n"
        }
        print(lines, terminator: "")
        for (id, reason) in failed.sorted(by: { $0.key < $1.key }) {
            System.writeError("\(file): not saved (\(id)): \(reason)\n")
        }
        let (create, update) = dryRun ? ("would create", "update") : ("created", "updated")
        var summary =
            (dryRun ? "Dry run, nothing changed: " : "Imported \(what) from \(file): ")
            + "\(create) \(plan.count(.create)), \(update) \(plan.count(.update)), \(plan.count(.skip)) unchanged"
        if unmatched > 0 { summary += "; \(unmatched) matching no contact" }
        let bad = plan.issues.count
        if bad > 0 { summary += "; \(bad) bad \(unit)\(bad == 1 ? "" : "s") not imported" }
        if !failed.isEmpty { summary += "; \(failed.count) account\(failed.count == 1 ? "" : "s") not saved" }
        print(summary)
    }
}
