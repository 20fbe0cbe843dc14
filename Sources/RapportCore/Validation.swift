/// A problem found in an account's data: what is wrong and where.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where in the account, e.g. `touchpoints[tp-abc]`.
    public var location: String
    public var message: String

    public init(_ location: String, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

extension Account {
    /// Every inconsistency in the account: dangling references, duplicate ids,
    /// values out of range. An empty result means the account is sound.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func check(_ condition: Bool, _ location: String, _ message: String) {
            if !condition { issues.append(ValidationIssue(location, message)) }
        }
        check(!name.trimmingSpaces().isEmpty, "name", "the account has no name")
        check(annualValue >= 0, "annualValue", "is negative (\(annualValue))")
        check(lifetimeValue >= 0, "lifetimeValue", "is negative (\(lifetimeValue))")
        if let days = checkupIntervalDays {
            check(days > 0, "checkupIntervalDays", "must be at least 1 (is \(days))")
        }
        check(
            seasonHistory.last?.season == season, "seasonHistory",
            "the last season in the history is not the current season '\(season.rawValue)'")

        var seen = Set<RecordID>()
        func unique(_ id: RecordID, _ location: String) {
            check(seen.insert(id).inserted, location, "duplicate id \(id)")
        }
        let contactIDs = Set(contacts.map(\.id))
        for c in contacts {
            unique(c.id, "contacts[\(c.id)]")
            check(!c.name.isEmpty, "contacts[\(c.id)]", "contact has no name")
            if let k = c.keepInTouch {
                check(
                    k.idealDays > 0 && k.maximumDays >= k.idealDays, "contacts[\(c.id)].keepInTouch",
                    "needs 0 < ideal (\(k.idealDays)) <= maximum (\(k.maximumDays))")
            }
        }
        for m in team { unique(m.id, "team[\(m.id)]") }
        for t in touchpoints {
            unique(t.id, "touchpoints[\(t.id)]")
            for cid in t.contactIDs where !contactIDs.contains(cid) {
                issues.append(ValidationIssue("touchpoints[\(t.id)]", "refers to unknown contact \(cid)"))
            }
        }
        let worksheetIDs = Set(worksheets.map(\.id))
        for c in concerns {
            unique(c.id, "concerns[\(c.id)]")
            if let by = c.raisedBy {
                check(contactIDs.contains(by), "concerns[\(c.id)]", "raised by unknown contact \(by)")
            }
            if let ws = c.worksheetID {
                check(worksheetIDs.contains(ws), "concerns[\(c.id)]", "links unknown worksheet \(ws)")
            }
        }
        for l in litmusChecks {
            unique(l.id, "litmusChecks[\(l.id)]")
            for a in l.answers {
                check(
                    (0...LitmusQuestionSet.maxAnswer).contains(a.value), "litmusChecks[\(l.id)]",
                    "answer to '\(a.questionID)' is \(a.value), outside 0–\(LitmusQuestionSet.maxAnswer)")
            }
        }
        for m in measures {
            unique(m.id, "measures[\(m.id)]")
            let months = m.readings.map(\.month)
            check(
                Set(months).count == months.count, "measures[\(m.id)]", "has two readings for the same month")
        }
        for r in risks { unique(r.id, "risks[\(r.id)]") }
        let concernIDs = Set(concerns.map(\.id))
        for w in worksheets {
            unique(w.id, "worksheets[\(w.id)]")
            if let cid = w.concernID {
                check(concernIDs.contains(cid), "worksheets[\(w.id)]", "links unknown concern \(cid)")
            }
            if let d = w.decision {
                check(
                    w.options.contains { $0.id == d.optionID }, "worksheets[\(w.id)].decision",
                    "chooses option \(d.optionID), which is not among the worksheet's options")
            }
            if w.status == .closed {
                check(w.evaluation.outcome != nil, "worksheets[\(w.id)]", "is closed without an outcome")
            }
            for c in w.causes { unique(c.id, "worksheets[\(w.id)].causes[\(c.id)]") }
            for o in w.options { unique(o.id, "worksheets[\(w.id)].options[\(o.id)]") }
            for a in w.actions { unique(a.id, "worksheets[\(w.id)].actions[\(a.id)]") }
        }
        if let plan {
            for item in plan.items {
                unique(item.id, "plan.items[\(item.id)]")
                for cid in item.contactIDs where !contactIDs.contains(cid) {
                    issues.append(
                        ValidationIssue("plan.items[\(item.id)]", "concerns unknown contact \(cid)"))
                }
            }
        }
        for e in expectations {
            unique(e.id, "expectations[\(e.id)]")
            for g in e.goals {
                check(
                    (0...100).contains(g.probability), "expectations[\(e.id)].goals[\(g.id)]",
                    "probability \(g.probability) is outside 0–100")
            }
        }
        return issues
    }
}

// MARK: What a new or changed record must be

/// The rules a record typed in by a user must meet, one function and one message each,
/// for the command line and the app's forms alike. The message says what is wrong in
/// the record's terms; a caller may add where the value came from (`--on`).
extension Touchpoint {
    /// A touchpoint says in a line what happened: its summary cannot be empty.
    public static func validateSummary(_ summary: String) throws(InputError) {
        guard !summary.trimmingWhitespace().isEmpty else {
            throw InputError("the summary is empty; say in a line what happened")
        }
    }

    /// A touchpoint records something that happened: its day cannot be after today.
    public static func validateDay(_ day: Day, today: Day) throws(InputError) {
        guard day <= today else {
            throw InputError("\(day.iso) is in the future; a touchpoint records something that happened")
        }
    }
}

extension Account {
    /// An account has a name, and no other account has it (ignoring case): `others` are
    /// the names of every other account in the store.
    public static func validateName(_ name: String, among others: some Sequence<String>) throws(InputError) {
        guard !name.trimmingWhitespace().isEmpty else { throw InputError("the account name is empty") }
        let wanted = name.lowercased()
        if others.contains(where: { $0.lowercased() == wanted }) {
            throw InputError("an account named '\(name)' already exists")
        }
    }
}

extension Concern {
    /// A concern says in a line what the customer raised: its summary cannot be empty.
    public static func validateSummary(_ summary: String) throws(InputError) {
        guard !summary.trimmingWhitespace().isEmpty else {
            throw InputError("the concern is empty; say in a line what the customer raised")
        }
    }

    /// A concern was raised on a day that has come: not after today.
    public static func validateRaisedOn(_ day: Day, today: Day) throws(InputError) {
        guard day <= today else { throw InputError("\(day.iso) is in the future") }
    }
}
