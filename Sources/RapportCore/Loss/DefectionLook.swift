/// The look back's rules, one function per kind of sign (D48 states each one). Each
/// finds the sign's occurrences: the day it first showed, the last day it showed, a line.
struct DefectionLook {
    let account: Account
    /// Only what showed before this day counts.
    let day: Day
    let questions: [LitmusQuestionSet]
    private(set) var found: [DefectionSign] = []

    init(account: Account, day: Day, questions: [LitmusQuestionSet]) {
        self.account = account
        self.day = day
        self.questions = questions
    }

    typealias Occurrence = (since: Day, latest: Day, detail: String)

    mutating func findAll() {
        add(.lateConcern, lateConcerns)
        add(.negativeTouch, negativeTouches)
        add(.fallingScore, fallingScores)
        add(.championLeft, departures(champions: true))
        add(.contactLeft, departures(champions: false))
        add(.noSenior, noSenior)
        add(.singleThreaded, singleThreaded)
        add(.outOfTouch, outOfTouch)
        add(.planOverdue, planOverdue)
        add(.riskOccurred, risksOccurred)
        add(.tension, seasons(.tension))
        add(.disruption, seasons(.disruption))
    }

    /// Adds the sign when any occurrence showed before the day.
    private mutating func add(_ kind: DefectionSignKind, _ occurrences: [Occurrence]) {
        let shown = occurrences.filter { $0.since < day }.sorted { $0.since < $1.since }
        guard let first = shown.first, let latest = shown.map(\.latest).max() else { return }
        found.append(
            DefectionSign(
                kind: kind, since: first.since, latest: min(latest, day), details: shown.map(\.detail)))
    }

    /// A concern not answered by its respond-by day (its severity's default when none
    /// was agreed): late from the day after; a resolution counts as an answer.
    var lateConcerns: [Occurrence] {
        account.concerns.compactMap { c in
            let due = c.respondBy ?? Concern.defaultRespondBy(raisedOn: c.raisedOn, severity: c.severity)
            let answered = [c.respondedOn, c.resolvedOn].compactMap { $0 }.min()
            if let answered, answered <= due { return nil }
            let late = due.adding(days: 1)
            if let answered, answered < day {
                return (late, answered, "“\(c.summary)” answered \(due.days(until: answered)) days late")
            }
            return (late, day, "“\(c.summary)” never answered (due \(due.iso))")
        }
    }

    var negativeTouches: [Occurrence] {
        account.touchpoints.filter { $0.sentiment == .negative }.map {
            ($0.day, $0.day, "\($0.day.iso) \($0.kind.rawValue): \($0.summary)")
        }
    }

    /// A check scoring lower than the one before it of the same question-set version.
    var fallingScores: [Occurrence] {
        let history = account.litmusHistory
        return history.enumerated().compactMap { i, check in
            guard let previous = history[..<i].last(where: { $0.version == check.version }),
                check.score < previous.score
            else { return nil }
            let before = Dictionary(previous.answers.map { ($0.questionID, $0.value) }) { a, _ in a }
            let dropped = check.answers.compactMap { a -> String? in
                guard let was = before[a.questionID], a.value < was else { return nil }
                return "\(question(a.questionID, version: check.version)) \(was)→\(a.value)"
            }
            var line = "\(check.day.iso): score \(previous.score) → \(check.score)"
            if !dropped.isEmpty { line += "; dropped: " + dropped.joined(separator: ", ") }
            return (check.day, check.day, line)
        }
    }

    private func question(_ id: String, version: Int) -> String {
        let set = questions.first { $0.version == version }
        return set?.questions.first { $0.id == id }.map { "“\($0.text)”" } ?? id
    }

    /// Contacts who left: champions (main contacts and senior leaders) or the others.
    func departures(champions: Bool) -> [Occurrence] {
        account.contacts.compactMap { c in
            guard let left = c.leftOn, (c.level == .main || c.level == .senior) == champions else {
                return nil
            }
            return (left, left, "\(c.name) (\(c.level.label)) left on \(left.iso)")
        }
    }

    private func isCurrent(_ c: Contact) -> Bool { c.leftOn.map { $0 > day } ?? true }

    /// Nobody senior at the customer on the day: since the last senior leader left, or
    /// since the account was created when there never was one.
    var noSenior: [Occurrence] {
        let seniors = account.contacts.filter { $0.level == .senior }
        guard !seniors.contains(where: isCurrent) else { return [] }
        guard let left = seniors.compactMap(\.leftOn).max() else {
            return [(account.createdOn, day, "no senior leader on record")]
        }
        return [(left, day, "nobody senior since \(left.iso)")]
    }

    /// One contact or none on the day: since the departure that left one (contacts only
    /// leave; a contact's first day is not recorded), or since the account was created.
    var singleThreaded: [Occurrence] {
        let current = account.contacts.filter(isCurrent)
        guard current.count <= 1 else { return [] }
        let departures = account.contacts.compactMap(\.leftOn).filter { $0 <= day }.sorted(by: >)
        let since = departures.dropFirst(current.isEmpty ? 1 : 0).first ?? account.createdOn
        let line =
            current.first.map { "only \($0.name) since \(since.iso)" }
            ?? "never more than one contact since \(since.iso), and none at the end"
        return [(since, day, line)]
    }

    /// A gap between touches with a contact (or from the last one to the day, or to the
    /// day they left) longer than their keep-in-touch maximum; counted from their first touch.
    var outOfTouch: [Occurrence] {
        account.contacts.flatMap { c -> [Occurrence] in
            guard let keep = c.keepInTouch else { return [] }
            let end = min(c.leftOn ?? day, day)
            let touches = account.touchpoints.filter { $0.contactIDs.contains(c.id) }.map(\.day)
                .filter { $0 < end }.sorted()
            return zip(touches, touches.dropFirst() + [end]).compactMap { from, to in
                let gap = from.days(until: to)
                guard gap > keep.maximumDays else { return nil }
                let line =
                    "\(c.name): \(gap) days without a touch from \(from.iso) (at most \(keep.maximumDays))"
                return (from.adding(days: keep.maximumDays + 1), to, line)
            }
        }
    }

    /// A plan item not done by its due day: its start, then one cadence after each time done.
    var planOverdue: [Occurrence] {
        (account.plan?.items ?? []).filter { !$0.paused }.flatMap { item -> [Occurrence] in
            var found: [Occurrence] = []
            var due: Day? = item.startOn
            for done in item.completions.map(\.day).sorted() {
                guard let d = due else { break }
                if done > d {
                    found.append(
                        (d.adding(days: 1), done, "“\(item.title)” done \(d.days(until: done)) days late")
                    )
                }
                due = item.cadence.next(after: done)
            }
            if let d = due, d.adding(days: 1) < day {
                found.append((d.adding(days: 1), day, "“\(item.title)” due \(d.iso), not done"))
            }
            return found
        }
    }

    var risksOccurred: [Occurrence] {
        account.risks.filter { $0.state == .occurred }.map { r in
            let on = r.occurredOn ?? r.identifiedOn
            return (on, on, "“\(r.disruption)” occurred on \(on.iso)")
        }
    }

    func seasons(_ season: Season) -> [Occurrence] {
        account.seasonHistory.filter { $0.season == season }.map { change in
            let why = change.reason.isEmpty ? "" : ": \(change.reason)"
            return (change.day, change.day, "\(change.day.iso) \(season.rawValue)\(why)")
        }
    }
}
