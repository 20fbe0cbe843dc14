/// One question of the litmus test.
public struct LitmusQuestion: Codable, Hashable, Sendable, Identifiable {
    /// A stable key such as `senior-access`; answers refer to it.
    public var id: String
    public var text: String
    /// What a good answer looks like, shown while answering.
    public var hint: String

    public init(id: String, text: String, hint: String = "") {
        self.id = id
        self.text = text
        self.hint = hint
    }
}

/// A numbered, immutable version of the litmus questions. Editing the questions
/// makes a new version; checks record the version they answered, so trends never
/// silently mix different question sets.
public struct LitmusQuestionSet: Codable, Hashable, Sendable {
    public var version: Int
    public var introducedOn: Day
    public var questions: [LitmusQuestion]
    /// Why this version replaced the previous one.
    public var note: String

    public init(version: Int, introducedOn: Day, questions: [LitmusQuestion], note: String = "") {
        self.version = version
        self.introducedOn = introducedOn
        self.questions = questions
        self.note = note
    }

    /// The answer scale, 0 (worst) to 4 (best).
    public static let scale = ["No", "Rarely", "Partly", "Mostly", "Yes"]
    public static let maxAnswer = scale.count - 1
}

/// The answer to one litmus question.
public struct LitmusAnswer: Codable, Hashable, Sendable {
    public var questionID: String
    /// 0...4 on `LitmusQuestionSet.scale`.
    public var value: Int
    public var comment: String

    public init(questionID: String, value: Int, comment: String = "") {
        self.questionID = questionID
        self.value = value
        self.comment = comment
    }
}

/// A dated litmus test of one account.
public struct LitmusCheck: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var day: Day
    /// The question-set version answered.
    public var version: Int
    public var answers: [LitmusAnswer]
    public var by: String

    public init(
        id: RecordID = .generate("lt"), day: Day, version: Int, answers: [LitmusAnswer], by: String = ""
    ) {
        self.id = id
        self.day = day
        self.version = version
        self.answers = answers
        self.by = by
    }

    /// 0–100: the answers' share of the best possible answers.
    public var score: Int {
        guard !answers.isEmpty else { return 0 }
        let total = answers.reduce(0) { $0 + min(max($1.value, 0), LitmusQuestionSet.maxAnswer) }
        let best = answers.count * LitmusQuestionSet.maxAnswer
        return Int((Double(total) * 100 / Double(best)).rounded())
    }
}

/// A measure the manager chose to track for an account (usage, consumption,
/// discount requests, satisfaction), read monthly. Its definition is kept stable:
/// a change is recorded in `definitionHistory`, never silent.
public struct Measure: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var name: String
    public var unit: String
    public var direction: MeasureDirection
    /// True for a customer-satisfaction measure (its absence is a due item).
    public var isSatisfaction: Bool
    public var createdOn: Day
    public var definitionHistory: [MeasureDefinitionChange]
    public var readings: [MeasureReading]

    public init(
        id: RecordID = .generate("ms"), name: String, unit: String = "",
        direction: MeasureDirection = .higherIsBetter,
        isSatisfaction: Bool = false, createdOn: Day, definitionHistory: [MeasureDefinitionChange] = [],
        readings: [MeasureReading] = []
    ) {
        self.id = id
        self.name = name
        self.unit = unit
        self.direction = direction
        self.isSatisfaction = isSatisfaction
        self.createdOn = createdOn
        self.definitionHistory = definitionHistory
        self.readings = readings
    }
}

/// A recorded change to a measure's definition: what it was before, and why it changed.
public struct MeasureDefinitionChange: Codable, Hashable, Sendable {
    public var day: Day
    public var previousName: String
    public var previousUnit: String
    public var previousDirection: MeasureDirection
    public var reason: String

    public init(
        day: Day, previousName: String, previousUnit: String, previousDirection: MeasureDirection,
        reason: String
    ) {
        self.day = day
        self.previousName = previousName
        self.previousUnit = previousUnit
        self.previousDirection = previousDirection
        self.reason = reason
    }
}

/// One month's value of a measure.
public struct MeasureReading: Codable, Hashable, Sendable {
    public var month: YearMonth
    public var value: Double
    public var note: String

    public init(month: YearMonth, value: Double, note: String = "") {
        self.month = month
        self.value = value
        self.note = note
    }
}
