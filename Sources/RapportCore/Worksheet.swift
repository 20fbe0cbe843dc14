/// A 7-step root-cause worksheet: Define, Explore, Solution, Implications (root cause),
/// then Decision, Action, Evaluation (execution), with the execution frame:
/// the one thing that matters most, who is accountable, and how often people talk.
public struct Worksheet: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var title: String
    public var createdOn: Day
    /// The concern this worksheet works through, if any.
    public var concernID: RecordID?
    public var status: WorksheetStatus
    public var define: ProblemDefinition
    public var causes: [Cause]
    public var options: [SolutionOption]
    public var decision: Decision?
    public var actions: [WorksheetAction]
    public var evaluation: Evaluation
    /// The one thing that matters most (get focused).
    public var focus: String
    /// Who is accountable, and why each matters (get accountable).
    public var accountable: [Accountable]
    /// How often the people involved communicate (get connected).
    public var communication: CommunicationRhythm
    /// The day of the loss this worksheet looks into (D48), if it was started from a
    /// defection review; nil otherwise, and then absent from the file.
    public var lossOn: Day?

    public init(
        id: RecordID = .generate("ws"), title: String, createdOn: Day, concernID: RecordID? = nil,
        status: WorksheetStatus = .open, define: ProblemDefinition = .init(), causes: [Cause] = [],
        options: [SolutionOption] = [], decision: Decision? = nil, actions: [WorksheetAction] = [],
        evaluation: Evaluation = .init(), focus: String = "", accountable: [Accountable] = [],
        communication: CommunicationRhythm = .init()
    ) {
        self.id = id
        self.title = title
        self.createdOn = createdOn
        self.concernID = concernID
        self.status = status
        self.define = define
        self.causes = causes
        self.options = options
        self.decision = decision
        self.actions = actions
        self.evaluation = evaluation
        self.focus = focus
        self.accountable = accountable
        self.communication = communication
    }
}

/// Step 1: what the problem really is, and what we know and don't.
public struct ProblemDefinition: Codable, Hashable, Sendable {
    public var problem: String
    public var dataWeHave: String
    public var dataMissing: String

    public init(problem: String = "", dataWeHave: String = "", dataMissing: String = "") {
        self.problem = problem
        self.dataWeHave = dataWeHave
        self.dataMissing = dataMissing
    }
}

/// Step 2: a possible cause.
public struct Cause: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var text: String
    public var isLikelyRoot: Bool

    public init(id: RecordID = .generate("ca"), text: String, isLikelyRoot: Bool = false) {
        self.id = id
        self.text = text
        self.isLikelyRoot = isLikelyRoot
    }
}

/// Step 3 (the option) and step 4 (its ups and downs).
public struct SolutionOption: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var text: String
    public var ups: String
    public var downs: String

    public init(id: RecordID = .generate("op"), text: String, ups: String = "", downs: String = "") {
        self.id = id
        self.text = text
        self.ups = ups
        self.downs = downs
    }
}

/// Step 5: the chosen option and why.
public struct Decision: Codable, Hashable, Sendable {
    public var optionID: RecordID
    public var why: String
    public var decidedOn: Day?

    public init(optionID: RecordID, why: String = "", decidedOn: Day? = nil) {
        self.optionID = optionID
        self.why = why
        self.decidedOn = decidedOn
    }
}

/// Step 6: an action with an owner, a due day and how progress is measured.
public struct WorksheetAction: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var text: String
    public var owner: String
    public var due: Day?
    /// How progress is tracked and measured.
    public var measure: String
    public var status: ActionStatus
    public var doneOn: Day?

    public init(
        id: RecordID = .generate("ac"), text: String, owner: String = "", due: Day? = nil,
        measure: String = "", status: ActionStatus = .planned, doneOn: Day? = nil
    ) {
        self.id = id
        self.text = text
        self.owner = owner
        self.due = due
        self.measure = measure
        self.status = status
        self.doneOn = doneOn
    }
}

/// Step 7: the review — did it work, and what we learned.
public struct Evaluation: Codable, Hashable, Sendable {
    public var reviewOn: Day?
    public var outcome: Outcome?
    public var learned: String
    public var evaluatedOn: Day?

    public init(reviewOn: Day? = nil, outcome: Outcome? = nil, learned: String = "", evaluatedOn: Day? = nil)
    {
        self.reviewOn = reviewOn
        self.outcome = outcome
        self.learned = learned
        self.evaluatedOn = evaluatedOn
    }
}

/// A person accountable for the worksheet's execution and why they matter.
public struct Accountable: Codable, Hashable, Sendable {
    public var name: String
    public var why: String

    public init(name: String, why: String = "") {
        self.name = name
        self.why = why
    }
}

/// How often the people involved communicate, and how.
public struct CommunicationRhythm: Codable, Hashable, Sendable {
    public var cadence: Cadence?
    public var how: String

    public init(cadence: Cadence? = nil, how: String = "") {
        self.cadence = cadence
        self.how = how
    }
}

/// The seven steps, in order, with their phase.
public enum WorksheetStep: Int, CaseIterable, Sendable {
    case define = 1
    case explore, solution, implications, decision, action, evaluation

    public var title: String {
        switch self {
        case .define: return "Define"
        case .explore: return "Explore"
        case .solution: return "Solution"
        case .implications: return "Implications"
        case .decision: return "Decision"
        case .action: return "Action"
        case .evaluation: return "Evaluation"
        }
    }
}

/// How far a step has been filled in.
public enum StepProgress: String, Sendable {
    case empty
    case inProgress = "in-progress"
    case complete
}

extension Worksheet {
    /// How far each step is filled in, from the worksheet's content.
    public func progress(of step: WorksheetStep) -> StepProgress {
        func grade(_ filled: Int, of total: Int) -> StepProgress {
            filled == 0 ? .empty : (filled >= total ? .complete : .inProgress)
        }
        func has(_ s: String) -> Bool { !s.trimmingWhitespace().isEmpty }
        switch step {
        case .define:
            return grade([define.problem, define.dataWeHave, define.dataMissing].filter(has).count, of: 3)
        case .explore:
            if causes.isEmpty { return .empty }
            return causes.contains(where: \.isLikelyRoot) ? .complete : .inProgress
        case .solution:
            return options.isEmpty ? .empty : (options.count >= 2 ? .complete : .inProgress)
        case .implications:
            let weighed = options.filter { has($0.ups) || has($0.downs) }.count
            return options.isEmpty ? .empty : grade(weighed, of: options.count)
        case .decision:
            guard let decision else { return .empty }
            return has(decision.why) ? .complete : .inProgress
        case .action:
            if actions.isEmpty { return .empty }
            let planned = actions.filter { has($0.owner) && $0.due != nil }.count
            return planned == actions.count ? .complete : .inProgress
        case .evaluation:
            if evaluation.outcome != nil && has(evaluation.learned) { return .complete }
            return (evaluation.reviewOn == nil && evaluation.outcome == nil && !has(evaluation.learned))
                ? .empty : .inProgress
        }
    }

    /// The first step not yet complete (the one to work on), or evaluation when all are.
    public var currentStep: WorksheetStep {
        WorksheetStep.allCases.first { progress(of: $0) != .complete } ?? .evaluation
    }

    /// The option the decision chose, if it still exists.
    public var chosenOption: SolutionOption? {
        guard let decision else { return nil }
        return options.first { $0.id == decision.optionID }
    }
}
