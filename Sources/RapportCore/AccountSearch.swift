/// One place a searched text was found: the account, the kind of record, its day where it
/// has one, and the line that matched.
public struct SearchHit: Equatable, Sendable {
    public var accountID: RecordID
    public var accountName: String
    /// "account", "notes", "contact", "team", "touchpoint", "concern", "worksheet",
    /// "plan", "risk" or "expectations".
    public var kind: String
    /// The record's id (nil for the account's own fields and the plan's two states).
    public var recordID: RecordID?
    public var day: Day?
    /// The line of the matching text that holds the words (the whole text, its lines
    /// joined, when no one line does).
    public var line: String
}

/// Search across everything an account holds (README, "Search"): case- and
/// accent-insensitive (`TextFolding`), every word of the query somewhere in one field.
public struct AccountSearch: Sendable {
    /// The query's words, folded.
    public let words: [String]

    public init(_ query: String) {
        words = TextFolding.fold(query).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// The longest word when it is ASCII: what a file's bytes must contain for any field
    /// to match (`TextFolding.mayContain`); nil when no such shortcut is safe.
    public var asciiKey: [UInt8]? {
        guard let longest = words.max(by: { $0.utf8.count < $1.utf8.count }),
            longest.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x22 && $0 != 0x5C })
        else { return nil }
        return Array(longest.utf8)
    }

    /// Every field of `a` that holds all the words, in the account's order of records.
    public func hits(in a: Account) -> [SearchHit] {
        guard !words.isEmpty else { return [] }
        var hits: [SearchHit] = []
        func look(_ kind: String, _ id: RecordID?, _ day: Day?, _ texts: [String]) {
            for text in texts where matches(text) {
                hits.append(
                    SearchHit(
                        accountID: a.id, accountName: a.name, kind: kind, recordID: id, day: day,
                        line: line(of: text)))
            }
        }
        look("account", nil, a.createdOn, [a.name, a.market] + a.tags)
        look("notes", nil, nil, [a.notes])
        for c in a.contacts { look("contact", c.id, c.leftOn, [c.name, c.title, c.email, c.phone, c.notes]) }
        for m in a.team { look("team", m.id, nil, [m.name, m.responsibility]) }
        for t in a.touchpoints { look("touchpoint", t.id, t.day, [t.summary]) }
        for c in a.concerns { look("concern", c.id, c.raisedOn, [c.summary, c.detail, c.resolution]) }
        for w in a.worksheets {
            let d = w.define
            look(
                "worksheet", w.id, w.createdOn,
                [w.title, d.problem, d.dataWeHave, d.dataMissing, w.focus, w.evaluation.learned]
                    + w.causes.map(\.text) + w.options.flatMap { [$0.text, $0.ups, $0.downs] }
                    + [w.decision?.why ?? ""] + w.actions.flatMap { [$0.text, $0.measure, $0.owner] })
        }
        if let plan = a.plan {
            look("plan", nil, plan.createdOn, [plan.currentState, plan.targetState])
            for item in plan.items {
                look("plan", item.id, item.lastDone, [item.title, item.notes] + item.completions.map(\.note))
            }
        }
        for r in a.risks {
            let levels = [r.contact, r.company, r.market]
            look(
                "risk", r.id, r.identifiedOn,
                [r.disruption, r.ourResponse] + levels.flatMap { [$0.risk, $0.likelyResponse] })
        }
        for e in a.expectations {
            look(
                "expectations", e.id, e.agreedOn,
                [e.title] + e.answers.compactMap(\.answer)
                    + e.goals.flatMap { [$0.text] + $0.barriers.map(\.text) })
        }
        return hits
    }

    /// Whether one field holds every word.
    public func matches(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        let folded = TextFolding.fold(text)
        return words.allSatisfy { folded.contains($0) }
    }

    /// The line of a multi-line text that holds every word, else its lines joined.
    private func line(of text: String) -> String {
        let lines = text.split(separator: "\n").map(String.init)
        return lines.first { l in words.allSatisfy { TextFolding.fold(l).contains($0) } }
            ?? lines.joined(separator: " ")
    }
}
