/// What changed in an account between two versions of its file, in the words of the work
/// done: "Logged a call with Ana Ruiz at Atlas Manufacturing", "1 new concern at
/// Greenfield Foods". `rapport sync` writes them into its commits and prints those that
/// came in from others (D47).
public enum AccountChangeDescription {
    /// The sentences for one account's change; `before` nil is a new account, `after` nil
    /// a removed one.
    public static func describe(before: Account?, after: Account?) -> [String] {
        guard let after else { return before.map { ["Removed account \($0.name)"] } ?? [] }
        guard let before else { return ["Added account \(after.name)"] }
        var lines: [String] = []
        let at = " at \(after.name)"

        let touches = added(before.touchpoints, after.touchpoints)
        if touches.count == 1, let touch = touches.first {
            let names = touch.contactIDs.compactMap { after.contact($0)?.name }
            let with = names.isEmpty ? "" : " with " + names.joined(separator: " and ")
            lines.append("Logged \(article(touch.kind.label)) \(touch.kind.label)\(with)\(at)")
        } else if touches.count > 1 {
            lines.append("Logged \(touches.count) touchpoints\(at)")
        }
        count(added(before.concerns, after.concerns).count, "new concern", at, &lines)
        count(added(before.contacts, after.contacts).count, "new contact", at, &lines)
        count(added(before.litmusChecks, after.litmusChecks).count, "litmus test", at, &lines)
        count(added(before.worksheets, after.worksheets).count, "new worksheet", at, &lines)
        count(added(before.risks, after.risks).count, "new risk", at, &lines)

        let facts = changedFacts(AccountFacts(before), AccountFacts(after))
        if !facts.isEmpty { lines.append("Changed \(facts.joined(separator: ", "))\(at)") }
        let edited = [
            ("contacts", changed(before.contacts, after.contacts)),
            ("touchpoints", changed(before.touchpoints, after.touchpoints)),
            ("concerns", changed(before.concerns, after.concerns)),
            ("worksheets", changed(before.worksheets, after.worksheets)),
            ("risks", changed(before.risks, after.risks)),
            ("the plan", before.plan != after.plan),
            ("measures", before.measures != after.measures),
            ("expectations", before.expectations != after.expectations),
            ("snoozes", before.snoozes != after.snoozes),
            ("the team", before.team != after.team)
        ].filter(\.1).map(\.0)
        if !edited.isEmpty { lines.append("Updated \(edited.joined(separator: ", "))\(at)") }
        let settled = (before.mergeConflicts ?? []).count - (after.mergeConflicts ?? []).count
        if settled > 0 { lines.append("Settled \(settled) merge conflict\(settled == 1 ? "" : "s")\(at)") }
        if lines.isEmpty && before != after { lines.append("Edited \(after.name)") }
        return lines
    }

    /// A commit's subject: the first sentences that fit in `width` columns, then "and N more".
    public static func subject(_ lines: [String], width: Int = 72) -> String {
        guard let first = lines.first else { return "Rapport sync" }
        for (verb, noun) in [("Added account ", "accounts"), ("Removed account ", "accounts")]
        where lines.count > 3 && lines.allSatisfy({ $0.hasPrefix(verb) }) {
            return "\(verb.split(separator: " ")[0]) \(lines.count) \(noun)"
        }
        var subject = first
        var used = 1
        for line in lines.dropFirst() {
            let more = lines.count - used - 1
            let tail = more > 0 ? "; and \(more) more" : ""
            guard subject.count + 2 + line.count + tail.count <= width else { break }
            subject += "; " + line
            used += 1
        }
        return used < lines.count ? subject + "; and \(lines.count - used) more" : subject
    }

    private static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeio".contains(first) ? "an" : "a"
    }

    private static func count(_ n: Int, _ what: String, _ at: String, _ lines: inout [String]) {
        if n > 0 { lines.append("\(n) \(what)\(n == 1 ? "" : "s")\(at)") }
    }

    private static func added<T: Identifiable>(_ before: [T], _ after: [T]) -> [T] {
        let known = Set(before.map(\.id))
        return after.filter { !known.contains($0.id) }
    }

    /// Whether a record that was there before is different now or gone.
    private static func changed<T: Identifiable & Equatable>(_ before: [T], _ after: [T]) -> Bool {
        var now: [T.ID: T] = [:]
        for record in after { now[record.id] = record }
        return before.contains { now[$0.id] != $0 }
    }

    private static func changedFacts(_ before: AccountFacts, _ after: AccountFacts) -> [String] {
        var names: [String] = []
        if before.name != after.name { names.append("name") }
        if before.owner != after.owner { names.append("owner") }
        if before.tier != after.tier { names.append("tier") }
        if before.status != after.status { names.append("status") }
        if before.season != after.season { names.append("season") }
        if before.annualValue != after.annualValue { names.append("annual value") }
        if before.lifetimeValue != after.lifetimeValue { names.append("lifetime value") }
        if before.market != after.market { names.append("market") }
        if before.customerSince != after.customerSince { names.append("customer since") }
        if before.tags != after.tags { names.append("tags") }
        return names
    }
}
