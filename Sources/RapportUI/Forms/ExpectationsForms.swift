import RapportCore
import TUIKit

/// Writes down what the customer expects of a project (or of the account), or edits it.
enum ExpectationsForm: FormKind {
    case add(account: RecordID)
    /// Edits the set as it was when the form opened.
    case edit(account: RecordID, base: ExpectationSet)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case title, happy, unhappy, rave, reports, channel, inPerson, dates, datesAgreed
        case deliverables, howWeWork, needFromThem, responsibilities, metTeam, ifWeMiss
    }

    /// A yes/no question not asked yet.
    static let unknown = "not asked"

    static func make(_ e: ExpectationSet?) -> Form {
        func yesNo(_ b: Bool?) -> Int { b.map { $0 ? 1 : 2 } ?? 0 }
        return Form(
            title: e == nil ? "Expectations for a project" : "Expectations · \(e!.title)",
            fields: [
                FormField(
                    Field.title, "For", .text, value: e?.title ?? "",
                    hint: "Account-wide, or the project's name"),
                FormField(
                    Field.happy, "Liked before", .multiline, value: e?.previousSuppliersHappy ?? "",
                    hint: "what made them happy with previous suppliers"),
                FormField(
                    Field.unhappy, "Disliked before", .multiline, value: e?.previousSuppliersUnhappy ?? ""),
                FormField(Field.rave, "Rave reviews if", .multiline, value: e?.raveReviews ?? ""),
                FormField(
                    Field.reports, "Reports", .choice([Forms.notSet] + Forms.codes(ReportFrequency.self)),
                    choice: e?.reportFrequency.map { Forms.index($0, ReportFrequency.self) + 1 } ?? 0),
                FormField(
                    Field.channel, "Via", .choice([Forms.notSet] + Forms.codes(Channel.self)),
                    choice: e?.reportChannel.map { Forms.index($0, Channel.self) + 1 } ?? 0),
                FormField(
                    Field.inPerson, "Meet in person", .text, value: e?.inPersonWhen ?? "",
                    hint: "when in-person meetings are needed"),
                FormField(Field.dates, "Delivery dates", .text, value: e?.deliveryDates ?? ""),
                FormField(
                    Field.datesAgreed, "Dates agreed?", .choice([unknown, "yes", "no"]),
                    choice: yesNo(e?.deliveryDatesAgreed)),
                FormField(Field.deliverables, "What and how", .multiline, value: e?.deliverables ?? ""),
                FormField(Field.howWeWork, "How we work", .multiline, value: e?.howWeWork ?? ""),
                FormField(Field.needFromThem, "Need from them", .multiline, value: e?.weNeedFromThem ?? ""),
                FormField(
                    Field.responsibilities, "Who does what", .multiline, value: e?.responsibilities ?? ""),
                FormField(
                    Field.metTeam, "Met the team?", .choice([unknown, "yes", "no"]),
                    choice: yesNo(e?.metTheTeam)),
                FormField(
                    Field.ifWeMiss, "If we miss", .multiline, value: e?.ifWeMiss ?? "",
                    hint: "the agreed answer to: what if we don't get the results?")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .add(let account), .edit(let account, _): id = account
        }
        let title = r.required(.title, "What the expectations are for")
        var base: ExpectationSet?
        if case .edit(_, let existing) = self { base = existing }
        var e = base ?? ExpectationSet(title: title, agreedOn: state.today)
        func yesNo(_ field: Field) -> Bool? { ["yes": true, "no": false][r.text(field)] }
        e.title = title
        e.previousSuppliersHappy = r.text(.happy)
        e.previousSuppliersUnhappy = r.text(.unhappy)
        e.raveReviews = r.text(.rave)
        e.reportFrequency = ReportFrequency(rawValue: r.text(.reports))
        e.reportChannel = Channel(rawValue: r.text(.channel))
        e.inPersonWhen = r.text(.inPerson)
        e.deliveryDates = r.text(.dates)
        e.deliveryDatesAgreed = yesNo(.datesAgreed)
        e.deliverables = r.text(.deliverables)
        e.howWeWork = r.text(.howWeWork)
        e.weNeedFromThem = r.text(.needFromThem)
        e.responsibilities = r.text(.responsibilities)
        e.metTheTeam = yesNo(.metTeam)
        e.ifWeMiss = r.text(.ifWeMiss)
        let blank = e.blankAnswers.count
        let mutation = base.map { Mutation.editExpectations(base: $0, mine: e) } ?? .addExpectations(e)
        return [
            .mutate(
                id, [mutation],
                message: "Saved expectations for \(title)" + (blank == 0 ? "" : "; \(blank) still blank"))
        ]
    }
}

/// Adds a goal to an expectation set (an honest chance of success, and the barriers),
/// or edits one.
enum GoalForm: FormKind {
    case add(account: RecordID, set: RecordID)
    /// Edits the goal as it was when the form opened.
    case edit(account: RecordID, set: RecordID, base: Goal)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case text, probability, barriers
    }

    static func make(_ g: Goal?) -> Form {
        Form(
            title: g == nil ? "Add a goal" : "Edit goal",
            fields: [
                FormField(
                    Field.text, "Goal", .text, value: g?.text ?? "",
                    hint: "in detail: what, by when, measured how"),
                FormField(
                    Field.probability, "Chance", .number, value: g.map { String($0.probability) } ?? "",
                    hint: "honest % of success (aim for 90+)"),
                FormField(
                    Field.barriers, "Barriers", .multiline,
                    value: g?.barriers.map { $0.text + ($0.underOurControl ? "" : " (theirs)") }.joined(
                        separator: "\n") ?? "",
                    hint: "one per line; end with (theirs) if not in our control")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        let setID: RecordID
        switch self {
        case .add(let account, let set), .edit(let account, let set, _):
            id = account
            setID = set
        }
        let text = r.required(.text, "The goal")
        var probability: Int?
        do { probability = try Goal.parseProbability(r.text(.probability)) } catch {
            r.fail(.probability, error.message)
        }
        let barriers = r.text(.barriers).split(separator: "\n").map { $0.trimmingSpaces() }.filter {
            !$0.isEmpty
        }.map { line in
            line.lowercased().hasSuffix("(theirs)")
                ? Barrier(text: String(line.dropLast(8)).trimmingSpaces(), underOurControl: false)
                : Barrier(text: line, underOurControl: true)
        }
        var base: Goal?
        if case .edit(_, _, let goal) = self { base = goal }
        var goal = base ?? Goal(text: text, probability: 0)
        goal.text = text
        goal.probability = probability ?? 0
        goal.barriers = barriers
        let warning =
            goal.isLongShot
            ? " — \(goal.probability)% is a coin toss or worse: say so plainly, promise nothing" : ""
        let mutation =
            base.map { Mutation.editGoal(set: setID, base: $0, mine: goal) } ?? .addGoal(set: setID, goal)
        return [.mutate(id, [mutation], message: "Saved goal\(warning)")]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func addExpectations(account: RecordID) -> Self { Self(ExpectationsForm.add(account: account)) }
    static func editExpectations(account: RecordID, _ set: ExpectationSet) -> Self {
        Self(ExpectationsForm.edit(account: account, base: set))
    }
    static func addGoal(account: RecordID, set: RecordID) -> Self {
        Self(GoalForm.add(account: account, set: set))
    }
    static func editGoal(account: RecordID, set: RecordID, _ goal: Goal) -> Self {
        Self(GoalForm.edit(account: account, set: set, base: goal))
    }
}
