import RapportCore

/// What a touchpoint's summary says it was: the kinds its words allow, or nil when the
/// words do not say ("Planned the phase-three rollout" could be a call or a meeting).
enum TouchKindChecker {
    static func kinds(for summary: String) -> Set<TouchKind>? {
        let text = summary.lowercased()
        let words = text.split { !$0.isLetter && $0 != "-" }.map(String.init)
        guard let first = words.first else { return nil }
        let pair = words.prefix(2).joined(separator: " ")
        if words.contains("call") || first == "phoned" { return [.call] }
        if ["lunch", "breakfast", "dinner"].contains(first) { return [.meal] }
        if first == "visited" || ["site visit", "lab visit"].contains(pair) { return [.siteVisit] }
        if text.contains("report sent") { return [.report] }
        if first == "sent" { return words.contains("report") ? [.report] : [.email] }
        if first == "emailed" || text.hasSuffix(" email") || text.contains("by email") { return [.email] }
        if ["met", "meeting", "workshop"].contains(first) || pair == "worked through"
            || pair == "monthly meeting" || words.last == "workshop"
        {
            return [.meeting]
        }
        if words.last == "review" || words.contains("reviewed") || pair.hasSuffix(" review")
            || first == "review"
        {
            return [.review, .meeting]
        }
        if first == "escalation" { return [.meeting, .call] }
        return nil
    }
}
