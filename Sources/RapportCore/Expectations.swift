/// Expectations agreed up front, for the whole account or one project of it.
public struct ExpectationSet: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    /// "Account-wide" or the project's name.
    public var title: String
    public var agreedOn: Day?
    public var previousSuppliersHappy: String
    public var previousSuppliersUnhappy: String
    /// What would have to happen for them to give rave reviews at the end.
    public var raveReviews: String
    public var reportFrequency: ReportFrequency?
    public var reportChannel: Channel?
    /// When in-person meetings are needed.
    public var inPersonWhen: String
    public var deliveryDates: String
    /// Whether they agreed with the delivery dates (nil: not asked yet).
    public var deliveryDatesAgreed: Bool?
    /// What will be delivered and how.
    public var deliverables: String
    public var howWeWork: String
    public var weNeedFromThem: String
    /// Who is responsible for what, on each side.
    public var responsibilities: String
    /// Whether they have met the team who will work for them (nil: not asked yet).
    public var metTheTeam: Bool?
    /// The agreed answer to "what happens if we don't get the results?".
    public var ifWeMiss: String
    public var goals: [Goal]

    public init(
        id: RecordID = .generate("ex"), title: String = "Account-wide", agreedOn: Day? = nil,
        previousSuppliersHappy: String = "", previousSuppliersUnhappy: String = "", raveReviews: String = "",
        reportFrequency: ReportFrequency? = nil, reportChannel: Channel? = nil, inPersonWhen: String = "",
        deliveryDates: String = "", deliveryDatesAgreed: Bool? = nil, deliverables: String = "",
        howWeWork: String = "", weNeedFromThem: String = "", responsibilities: String = "",
        metTheTeam: Bool? = nil, ifWeMiss: String = "", goals: [Goal] = []
    ) {
        self.id = id
        self.title = title
        self.agreedOn = agreedOn
        self.previousSuppliersHappy = previousSuppliersHappy
        self.previousSuppliersUnhappy = previousSuppliersUnhappy
        self.raveReviews = raveReviews
        self.reportFrequency = reportFrequency
        self.reportChannel = reportChannel
        self.inPersonWhen = inPersonWhen
        self.deliveryDates = deliveryDates
        self.deliveryDatesAgreed = deliveryDatesAgreed
        self.deliverables = deliverables
        self.howWeWork = howWeWork
        self.weNeedFromThem = weNeedFromThem
        self.responsibilities = responsibilities
        self.metTheTeam = metTheTeam
        self.ifWeMiss = ifWeMiss
        self.goals = goals
    }
}

/// A goal written in detail with an honest probability of success.
public struct Goal: Codable, Hashable, Sendable, Identifiable {
    public var id: RecordID
    public var text: String
    /// 0–100. Aim above 90; 50 or lower is said plainly.
    public var probability: Int
    public var barriers: [Barrier]

    public init(id: RecordID = .generate("gl"), text: String, probability: Int, barriers: [Barrier] = []) {
        self.id = id
        self.text = text
        self.probability = probability
        self.barriers = barriers
    }

    /// A coin toss or worse: say so plainly.
    public var isLongShot: Bool { probability <= 50 }
}

/// Something that could stop a goal, and whether it is in our hands.
public struct Barrier: Codable, Hashable, Sendable {
    public var text: String
    public var underOurControl: Bool

    public init(text: String, underOurControl: Bool) {
        self.text = text
        self.underOurControl = underOurControl
    }
}

extension ExpectationSet {
    /// The up-front checklist in its order: each question's label and its answer as text
    /// (nil while blank).
    public var answers: [(label: String, answer: String?)] {
        func text(_ value: String) -> String? { value.isEmpty ? nil : value }
        func yesNo(_ value: Bool?) -> String? { value.map { $0 ? "yes" : "no" } }
        return [
            ("previous suppliers: liked", text(previousSuppliersHappy)),
            ("previous suppliers: disliked", text(previousSuppliersUnhappy)),
            ("rave reviews if", text(raveReviews)),
            ("report frequency", reportFrequency?.label),
            ("report channel", reportChannel?.label),
            ("in-person meetings", text(inPersonWhen)),
            ("delivery dates", text(deliveryDates)),
            ("dates agreed", yesNo(deliveryDatesAgreed)),
            ("what and how", text(deliverables)),
            ("how we work", text(howWeWork)),
            ("what we need from them", text(weNeedFromThem)),
            ("who does what", text(responsibilities)),
            ("met the team", yesNo(metTheTeam)),
            ("if we miss", text(ifWeMiss))
        ]
    }

    /// The checklist answers still blank, by their label.
    public var blankAnswers: [String] { answers.filter { $0.answer == nil }.map(\.label) }
}
