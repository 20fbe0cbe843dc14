/// The standard relationship-for-life steps, as a template a new plan starts from.
public struct Playbook: Codable, Sendable {
    /// One template step.
    public struct Step: Codable, Sendable {
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
    public func plan(for account: Account, owner: String, startingOn day: Day,
                     using random: inout some RandomNumberGenerator) -> RelationshipPlan {
        let items = steps.map { step -> PlanItem in
            let level = ContactLevel(rawValue: step.contacts)
            let contactIDs = level.map { level in account.currentContacts.filter { $0.level == level }.map(\.id) } ?? []
            return PlanItem(id: .generate("pi", using: &random), title: step.title, step: step.step, owner: owner,
                            cadence: step.cadence, contactIDs: contactIDs, startOn: day, notes: step.notes)
        }
        return RelationshipPlan(currentState: currentState, targetState: targetState, createdOn: day, items: items)
    }
}

/// A file of litmus questions as bundled in Resources (the first version's content).
public struct LitmusQuestionFile: Codable, Sendable {
    public var note: String
    public var questions: [LitmusQuestion]

    /// This file as question-set `version`, introduced on `day`.
    public func questionSet(version: Int, introducedOn day: Day) -> LitmusQuestionSet {
        LitmusQuestionSet(version: version, introducedOn: day, questions: questions, note: note)
    }
}
