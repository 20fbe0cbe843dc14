import RapportCore

/// A synthetic portfolio of any size, for scale tests and benchmarks: realistic record
/// counts (on average 5 contacts, 50 touchpoints over two years, 2 concerns, a plan from
/// the playbook, a worksheet on one account in five, a litmus history, two measures),
/// worked the way a team that keeps up works it (most rhythms done on time, a few
/// late), deterministic for a seed. Each account depends only on the seed and its index, so
/// accounts can be generated and written one at a time.
public struct SyntheticPortfolio: Sendable {
    public let seed: UInt64
    public let today: Day
    public let playbook: Playbook
    public let questions: LitmusQuestionSet

    public init(seed: UInt64, today: Day, playbook: Playbook, questions: LitmusQuestionSet) {
        self.seed = seed
        self.today = today
        self.playbook = playbook
        self.questions = questions
    }

    static let prefixes = [
        "North", "Blue", "Iron", "Silver", "Harbor", "Summit", "Cedar", "Atlas", "Nova", "Pine",
        "Granite", "Falcon", "Aurora", "Bright", "Copper", "Delta", "Echo", "Golden", "Lumen", "Orion"
    ]
    static let cores = [
        "wind", "water", "stone", "field", "gate", "bridge", "point", "line", "crest", "ridge",
        "haven", "wave", "forge", "light", "brook", "peak", "vale", "works", "star", "leaf"
    ]
    static let kinds = [
        "Logistics", "Foods", "Energy", "Health", "Insurance", "Retail", "Telecom", "Labs",
        "Construction", "Publishing", "Hotels", "Freight", "Utilities", "Consulting", "Systems"
    ]
    static let owners = [
        "Maya Lindqvist", "Tom Okafor", "Priya Raman", "Jonas Weber", "Aisha Khan", "Lucas Moreau",
        "Sofia Rossi", "Daniel Kim"
    ]
    static let firstNames = [
        "Helena", "Dieter", "Sanne", "Oliver", "Fiona", "Arjun", "Nora", "Victor", "Zoe", "Lucia",
        "Henrik", "Isabel", "Erik", "Mia", "Tariq", "Eleanor", "Frank", "Nadia", "Rupert", "Ines"
    ]
    static let lastNames = [
        "Voss", "Brandt", "de Wit", "Grant", "Walsh", "Mehta", "Quinn", "Lambert", "Adams", "Romano",
        "Dahl", "Navarro", "Nilsson", "Johansson", "Aziz", "Price", "Moreau", "Petersen", "Ellis", "Costa"
    ]
    static let summaries = [
        "Monthly review", "Quarterly report sent", "Call about the rollout", "Lunch", "Site visit",
        "Renewal discussion", "Answered a support escalation", "Planning workshop", "Usage report",
        "Introduced the new product lead", "Budget check-in", "Follow-up on invoices"
    ]
    static let concernTexts = [
        "Reports arrive late", "Invoice errors", "Asked for a discount", "Slow support answers",
        "Missed a delivery date", "Unhappy with the new interface", "Wants fewer licences"
    ]

    /// The account at `index` (0-based).
    public func account(_ index: Int) -> Account {
        var random = SeededRandom(
            seed: seed &* 6_364_136_223_846_793_005 &+ UInt64(index) &* 1_442_695_040_888_963_407)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        func roll(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }

        let name = "\(pick(Self.prefixes))\(pick(Self.cores)) \(pick(Self.kinds)) \(index + 1)"
        let tierRoll = roll(100)
        let tier: Tier = tierRoll < 15 ? .key : (tierRoll < 50 ? .core : .standard)
        let statusRoll = roll(100)
        let status: AccountStatus =
            statusRoll < 80 ? .active : (statusRoll < 90 ? .atRisk : (statusRoll < 95 ? .lost : .former))
        let value =
            (tier == .key ? 500_000 : (tier == .core ? 100_000 : 10_000)) + roll(10)
            * (tier == .key ? 150_000 : 20_000)
        let since = today.adding(days: -(400 + roll(3000)))
        var a = Account(
            id: .generate("acc", using: &random), name: name, owner: pick(Self.owners), tier: tier,
            status: status,
            annualValue: value, lifetimeValue: value * (3 + roll(8)), customerSince: since,
            market: pick(Self.kinds),
            tags: [pick(["eu", "uk", "us", "apac"])], season: pick(Season.allCases), createdOn: since)

        // Contacts: one main, up to two senior leaders, some indirect and others; 5 on average.
        let contactCount = 3 + roll(5)
        a.contacts = (0..<contactCount).map { i in
            let level: ContactLevel =
                i == 0 ? .main : (i <= roll(3) ? .senior : (i % 2 == 0 ? .indirect : .other))
            return Contact(
                id: .generate("con", using: &random),
                name: "\(pick(Self.firstNames)) \(pick(Self.lastNames))",
                title: level == .senior ? "Director" : (level == .main ? "Manager" : "Specialist"),
                level: level,
                channel: pick(Channel.allCases),
                keepInTouch: i < 2 ? KeepInTouch(idealDays: 14 + roll(30), maximumDays: 45 + roll(45)) : nil)
        }

        // About fifty touchpoints over two years, newest within the last weeks.
        var day = today.adding(days: -roll(20))
        let touchCount = 30 + roll(41)
        for _ in 0..<touchCount {
            // Half the touches are with the two contacts kept in touch with.
            let with = [a.contacts[roll(2) == 0 ? roll(2) : roll(a.contacts.count)].id]
            let followUp: Day? = roll(6) == 0 ? day.adding(days: 7 + roll(14)) : nil
            // Follow-ups get done; one in three of the last ten days' is still open.
            let open = followUp.map { $0 >= today || ($0.days(until: today) <= 10 && roll(3) == 0) } ?? true
            a.touchpoints.append(
                Touchpoint(
                    id: .generate("tp", using: &random), day: day, kind: pick(TouchKind.allCases),
                    contactIDs: with, summary: pick(Self.summaries), sentiment: pick(Sentiment.allCases),
                    followUp: followUp, followUpDoneOn: open ? nil : followUp,
                    loggedBy: a.owner))
            day = day.adding(days: -(5 + roll(20)))
        }

        // Two concerns on average; recent ones may still be open.
        for _ in 0..<roll(5) {
            let raised = today.adding(days: -roll(300))
            let severity: Severity = pick(Severity.allCases)
            let open = raised.days(until: today) < 40 && roll(2) == 0
            a.concerns.append(
                Concern(
                    id: .generate("cn", using: &random), raisedOn: raised, raisedBy: a.contacts[0].id,
                    summary: pick(Self.concernTexts), severity: severity, status: open ? .open : .resolved,
                    respondBy: Concern.defaultRespondBy(raisedOn: raised, severity: severity),
                    respondedOn: open ? nil : raised.adding(days: 1), resolution: open ? "" : "Fixed",
                    resolvedOn: open ? nil : raised.adding(days: 10)))
        }

        // Litmus history: a check each quarter or half-year, drifting.
        var score = 40 + roll(50)
        let checks = 2 + roll(5)
        for i in 0..<checks {
            let checkDay = today.adding(days: -(roll(60) + (checks - 1 - i) * (tier == .key ? 91 : 182)))
            score = min(100, max(10, score + roll(21) - 10))
            a.litmusChecks.append(
                LitmusCheck(
                    id: .generate("lt", using: &random), day: checkDay, version: questions.version,
                    answers: questions.questions.map {
                        LitmusAnswer(questionID: $0.id, value: min(4, score / 25 + roll(2)))
                    },
                    by: a.owner))
        }

        // Two measures with a year of monthly readings; sometimes last month is missing.
        let lastMonth = YearMonth(today).adding(months: roll(4) == 0 ? -2 : -1)
        a.measures = [
            Measure(
                id: .generate("ms", using: &random), name: "Active users", unit: "users",
                createdOn: lastMonth.adding(months: -11).firstDay,
                readings: (0..<12).map {
                    MeasureReading(
                        month: lastMonth.adding(months: $0 - 11), value: Double(100 + roll(50) + $0 * 3))
                }),
            Measure(
                id: .generate("ms", using: &random), name: "Satisfaction (CSAT)", unit: "%",
                isSatisfaction: true,
                createdOn: lastMonth.adding(months: -11).firstDay,
                readings: [
                    MeasureReading(month: lastMonth.adding(months: -roll(7)), value: Double(60 + roll(40)))
                ])
        ]

        // A plan from the playbook, worked as a team that keeps up does: each rhythm last
        // done within its interval, about one in eight a little late; two in three
        // one-off items done.
        var plan = playbook.plan(
            for: a, owner: a.owner, startingOn: today.adding(days: -(200 + roll(200))), using: &random)
        for i in plan.items.indices {
            if let days = plan.items[i].cadence.approximateDays {
                plan.items[i].completions = [
                    PlanCompletion(day: today.adding(days: -roll(days * 115 / 100)), note: "Done")
                ]
            } else if roll(3) != 0 {
                plan.items[i].completions = [
                    PlanCompletion(day: today.adding(days: -roll(120)), note: "Done")
                ]
            }
        }
        a.plan = plan

        // A worksheet on one account in five, with actions in flight.
        if roll(5) == 0 {
            let option = SolutionOption(
                id: .generate("op", using: &random), text: "Weekly status call", ups: "Fast", downs: "Time")
            a.worksheets = [
                Worksheet(
                    id: .generate("ws", using: &random), title: pick(Self.concernTexts),
                    createdOn: today.adding(days: -30),
                    status: .executing,
                    define: ProblemDefinition(
                        problem: "The customer is unhappy", dataWeHave: "Tickets", dataMissing: "Root cause"),
                    causes: [
                        Cause(id: .generate("ca", using: &random), text: "Process gap", isLikelyRoot: true)
                    ],
                    options: [option],
                    decision: Decision(
                        optionID: option.id, why: "Cheapest", decidedOn: today.adding(days: -20)),
                    actions: [
                        WorksheetAction(
                            id: .generate("ac", using: &random), text: "Set up the weekly call",
                            owner: a.owner,
                            due: today.adding(days: roll(30) - 10), measure: "Calls held")
                    ],
                    evaluation: Evaluation(reviewOn: today.adding(days: 20 + roll(30))), focus: "Trust",
                    accountable: [Accountable(name: a.owner)],
                    communication: CommunicationRhythm(cadence: .weekly, how: "Call"))
            ]
        }
        // Seven in ten have renewal terms, spread over the coming year (from the id, so the
        // random sequence of everything else is as it was).
        let h = a.id.rawValue.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFF_FFFF }
        if h % 10 < 7 {
            a.contract = Contract(
                renewsOn: today.adding(days: h % 400 - 20), autoRenews: h % 3 == 0,
                noticeDays: [0, 30, 60, 90][h % 4],
                setOn: today.adding(days: -300))
        }
        return a
    }
}
