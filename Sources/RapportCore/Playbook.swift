/// The standard relationship-for-life steps, as a template a new plan starts from.
public struct Playbook: Codable, Equatable, Sendable {
    /// One template step.
    public struct Step: Codable, Equatable, Sendable {
        public var step: PlaybookStep
        public var title: String
        public var cadence: Cadence
        /// Which contacts it concerns: a contact level (`main`, `senior`, `indirect`) or empty.
        public var contacts: String
        public var notes: String
    }

    public var currentState: String
    public var targetState: String
    public var steps: [Step]

    /// A plan for `account` with every step, each pointed at the account's matching
    /// current contacts (its main contact, senior leaders or indirect contacts) and
    /// owned by `owner`. A step whose contacts the account lacks is kept, with no
    /// contact: the gap is the point.
    public func plan(
        for account: Account, owner: String, startingOn day: Day,
        using random: inout some RandomNumberGenerator
    ) -> RelationshipPlan {
        RelationshipPlan(
            currentState: currentState, targetState: targetState, createdOn: day,
            items: steps.map { item($0, for: account, owner: owner, startingOn: day, using: &random) })
    }

    /// One step as a plan item for `account`.
    public func item(
        _ step: Step, for account: Account, owner: String, startingOn day: Day,
        using random: inout some RandomNumberGenerator
    ) -> PlanItem {
        PlanItem(
            id: .generate("pi", using: &random), title: step.title, step: step.step, owner: owner,
            cadence: step.cadence, contactIDs: contacts(for: step, in: account), startOn: day,
            notes: step.notes)
    }

    /// The account's current contacts a step concerns.
    public func contacts(for step: Step, in account: Account) -> [RecordID] {
        guard let level = ContactLevel(rawValue: step.contacts) else { return [] }
        return account.currentContacts.filter { $0.level == level }.map(\.id)
    }

    public func step(_ kind: PlaybookStep) -> Step? { steps.first { $0.step == kind } }
}

/// A file of litmus questions as bundled in Resources (the first version's content).
public struct LitmusQuestionFile: Codable, Sendable {
    public var note: String
    public var questions: [LitmusQuestion]

    public init(note: String, questions: [LitmusQuestion]) {
        self.note = note
        self.questions = questions
    }

    /// This file as question-set `version`, introduced on `day`.
    public func questionSet(version: Int, introducedOn day: Day) -> LitmusQuestionSet {
        LitmusQuestionSet(version: version, introducedOn: day, questions: questions, note: note)
    }
}
