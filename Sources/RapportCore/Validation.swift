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
    /// Every inconsistency in the account on `today`: dangling references, duplicate
    /// ids, values out of range, days that cannot be. An empty result means it is sound.
    public func validate(today: Day) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func check(_ condition: Bool, _ location: String, _ message: String) {
            if !condition { issues.append(ValidationIssue(location, message)) }
        }
        check(!name.trimmingSpaces().isEmpty, "name", "the account has no name")
        check(annualValue >= 0, "annualValue", "is negative (\(annualValue))")
        check(lifetimeValue >= 0, "lifetimeValue", "is negative (\(lifetimeValue))")
        if let since = customerSince {
            check(since <= today, "customerSince", "\(since.iso) is in the future")
        }
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
            if let due = c.respondBy {
                check(
                    due >= c.raisedOn, "concerns[\(c.id)]",
                    "responds by \(due.iso), before it was raised (\(c.raisedOn.iso))")
            }
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
                    Goal.probabilities.contains(g.probability), "expectations[\(e.id)].goals[\(g.id)]",
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
    /// Someone became a customer on a day that has come: not after today.
    public static func validateCustomerSince(_ day: Day, today: Day) throws(InputError) {
        guard day <= today else {
            throw InputError("\(day.iso) is in the future; say since when they are a customer")
        }
    }

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

    /// A response falls due on or after the day the concern was raised.
    public static func validateRespondBy(_ respondBy: Day, raisedOn: Day) throws(InputError) {
        guard respondBy >= raisedOn else {
            throw InputError("\(respondBy.iso) is before the day the concern was raised, \(raisedOn.iso)")
        }
    }

    /// A concern was raised on a day that has come: not after today.
    public static func validateRaisedOn(_ day: Day, today: Day) throws(InputError) {
        guard day <= today else { throw InputError("\(day.iso) is in the future") }
    }
}

// MARK: What a typed day or number must be

/// Every value accepted must be writable, readable back and drawable. So a day outside
/// the supported ones, or a number that is not finite or is absurdly large, is refused
/// where it is typed (the command line and the app's forms call these rules) and, for
/// days and months, where a file is read.
extension Day {
    /// The days Rapport keeps: 1900-01-01 to 2199-12-31, each written `YYYY-MM-DD`.
    public static let supported = Day(year: 1900, month: 1, day: 1)!...Day(year: 2199, month: 12, day: 31)!

    /// A day typed as `typed` must be one of the `supported` days; `day` is what it
    /// means, nil when it is too far out even to compute.
    public static func validateSupported(_ day: Day?, typed: String) throws(InputError) {
        if let day, supported.contains(day) { return }
        throw InputError(unsupported(typed, means: day))
    }

    /// Why `text` is refused, naming the day it means when that is not what it says.
    static func unsupported(_ text: String, means day: Day? = nil) -> String {
        let means = day.map { $0.iso == text ? "" : " (\($0.iso))" } ?? ""
        return "'\(text)'\(means) is outside the supported days, "
            + "\(supported.lowerBound.iso) to \(supported.upperBound.iso)"
    }
}

extension YearMonth {
    /// The months of the supported days: 1900-01 to 2199-12.
    public static let supported = YearMonth(Day.supported.lowerBound)...YearMonth(Day.supported.upperBound)

    /// A month typed (a reading's) must be one of the `supported` months.
    public static func validateSupported(_ month: YearMonth) throws(InputError) {
        guard supported.contains(month) else { throw InputError(unsupported(month.iso)) }
    }

    /// Why the month `text` is refused.
    static func unsupported(_ text: String) -> String {
        "'\(text)' is outside the supported months, \(supported.lowerBound.iso) to \(supported.upperBound.iso)"
    }
}

extension MeasureReading {
    /// The largest reading either side of zero: a trillion (the messages say 1e12).
    public static let limit = 1e12

    /// A reading as typed (`82`, `-3.5`, or `8,5` with a decimal comma): a finite number
    /// within ±`limit`.
    public static func parseValue(_ raw: String) throws(InputError) -> Double {
        let text = raw.trimmingWhitespace()
        guard let value = Double(text.replacingText(",", with: ".")) else {
            throw InputError("'\(text)' is not a number")
        }
        guard value.isFinite, abs(value) <= limit else {
            throw InputError("'\(text)' is out of range; a reading is within ±1e12")
        }
        return value
    }
}

extension Goal {
    /// A goal's chance of success, in percent.
    public static let probabilities = 0...100

    /// A chance of success as typed (`80` or `80%`): a whole number of percent, 0–100.
    public static func parseProbability(_ raw: String) throws(InputError) -> Int {
        let text = raw.trimmingWhitespace().replacingText("%", with: "")
        guard let value = Int(text), probabilities.contains(value) else {
            throw InputError("give the chance of success as 0–100, not '\(text)'")
        }
        return value
    }
}

extension Contact {
    /// A contact has a name.
    public static func validateName(_ name: String) throws(InputError) {
        guard !name.trimmingWhitespace().isEmpty else { throw InputError("the contact's name is empty") }
    }
}

extension KeepInTouch {
    /// The days either interval may be: one day to ten years.
    public static let days = 1...3650

    /// The rhythm from its two intervals: each within `days`, the maximum at least the ideal.
    public static func validated(ideal: Int, maximum: Int) throws(InputError) -> KeepInTouch {
        for n in [ideal, maximum] where !days.contains(n) {
            throw InputError("'\(n)' is not a number of days (\(days.lowerBound)–\(days.upperBound))")
        }
        guard maximum >= ideal else {
            throw InputError("the maximum (\(maximum) days) must be at least the ideal interval (\(ideal))")
        }
        return KeepInTouch(idealDays: ideal, maximumDays: maximum)
    }

    /// `IDEAL:MAX` as typed, in days (`30:60`: in touch every 30 days, overdue after 60).
    public static func parse(_ raw: String) throws(InputError) -> KeepInTouch {
        let parts = raw.trimmingSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let ideal = Int(parts[0]), let maximum = Int(parts[1]) else {
            throw InputError("'\(raw)' is not IDEAL:MAX in days, e.g. 30:60 (every 30 days, at most 60)")
        }
        return try validated(ideal: ideal, maximum: maximum)
    }
}

extension AccountFacts {
    /// A changed season says why (the history keeps the reason); `mine` is the edit of `base`.
    public static func validateSeasonChange(base: AccountFacts, mine: AccountFacts) throws(InputError) {
        guard mine.season != base.season, mine.seasonReason.trimmingWhitespace().isEmpty else { return }
        throw InputError("why does the season change to \(mine.season.rawValue)? (kept in its history)")
    }
}
