import RapportCore

/// Builds the demo accounts from the bundled profiles, dated relative to `today`, so
/// the demo always has recent touches and follow-ups coming due. Most relationships are
/// looked after; what is overdue sits where the story is (accounts at risk, in tension
/// or in disruption). The same `today` and `seed` always give the same store.
public struct DemoBuilder {
    public var portfolio: DemoPortfolio
    public var playbook: Playbook
    public var questions: LitmusQuestionSet
    public var today: Day

    /// How far back generated touchpoints reach.
    static let historyDays = 270

    public init(portfolio: DemoPortfolio, playbook: Playbook, questions: LitmusQuestionSet, today: Day) {
        self.portfolio = portfolio
        self.playbook = playbook
        self.questions = questions
        self.today = today
    }

    /// Every demo account.
    public func build(seed: UInt64 = 2026) -> [Account] {
        var random = SeededRandom(seed: seed)
        var phrasebook = DemoPhrasebook(subjects: portfolio.subjects)
        return portfolio.accounts.map { account(from: $0, using: &random, phrasebook: &phrasebook) }
    }

    func ago(_ days: Int) -> Day { today.adding(days: -days) }

    func account(from p: DemoProfile, using random: inout SeededRandom, phrasebook: inout DemoPhrasebook)
        -> Account
    {
        let since = today.adding(years: -p.sinceYears)
        let history = seasonHistory(p, since: since)
        var account = Account(
            id: .generate("acc", using: &random), name: p.name, owner: p.owner, tier: p.tier,
            status: p.status,
            annualValue: p.annualValue, lifetimeValue: p.lifetimeValue, customerSince: since,
            market: p.market,
            tags: p.tags, season: p.season, seasonHistory: history, createdOn: since)
        account.contacts = p.contacts.map { c in
            Contact(
                id: .generate("con", using: &random), name: c.name, title: c.title, level: c.level,
                email: emailAddress(c.name, company: p.name), phone: "", channel: c.channel,
                reportFrequency: c.report,
                keepInTouch: c.keepInTouch.map { KeepInTouch(idealDays: $0[0], maximumDays: $0[1]) },
                leftOn: c.leftDaysAgo.map(ago),
                // Someone was won over ten days after a champion left, unless that was lately.
                reconnectedOn: c.leftDaysAgo.flatMap { $0 > 10 ? ago($0 - 10) : nil })
        }
        if let spec = p.renewal { account.contract = contract(spec, tier: p.tier, value: p.annualValue) }
        account.team = p.team.map {
            TeamMember(
                id: .generate("tm", using: &random), name: $0.name, role: $0.role,
                responsibility: $0.responsibility)
        }
        if let spec = p.plan { addPlan(spec, to: &account, using: &random) }
        addTouchpoints(p, to: &account, using: &random, phrasebook: &phrasebook)
        account.concerns = p.concerns.map { c in
            let raised = ago(c.daysAgo)
            return Concern(
                id: .generate("cn", using: &random), raisedOn: raised,
                raisedBy: c.raisedBy.flatMap {
                    account.contacts.indices.contains($0) ? account.contacts[$0].id : nil
                },
                summary: c.summary, severity: c.severity, status: c.status,
                respondBy: raised.adding(days: c.respondInDays),
                respondedOn: c.status == .open ? nil : raised.adding(days: c.respondedInDays ?? 1),
                resolution: c.resolution ?? "",
                resolvedOn: c.status == .resolved
                    ? raised.adding(days: max(c.respondInDays, c.respondedInDays ?? 1)) : nil)
        }
        account.loss = p.loss.map {
            LossRecord(
                lostOn: ago($0.daysAgo), valueLost: $0.valueLost, reasons: $0.reasons, reasonText: $0.text,
                wonBy: $0.wonBy)
        }
        account.litmusChecks = litmusChecks(p, for: account, using: &random)
        account.measures = (p.measures ?? []).map { measure($0, using: &random) }
        if let survey = satisfactionSurvey(p, of: account, using: &random) {
            account.measures.append(survey)
        }
        account.risks = (p.risks ?? []).map { r in
            Risk(
                id: .generate("rk", using: &random), disruption: r.disruption, kind: r.kind, state: r.state,
                identifiedOn: ago(r.daysAgo), occurredOn: r.state == .occurred ? ago(r.daysAgo) : nil,
                contact: RiskAtLevel(risk: r.contact[0], likelyResponse: r.contact[1]),
                company: RiskAtLevel(risk: r.company[0], likelyResponse: r.company[1]),
                market: RiskAtLevel(risk: r.market[0], likelyResponse: r.market[1]),
                ourResponse: r.ourResponse, reviewOn: today.adding(days: r.reviewInDays))
        }
        if let spec = p.worksheet { addWorksheet(spec, to: &account, using: &random) }
        if let spec = p.expectations { account.expectations = [expectations(spec, using: &random)] }
        return account
    }

    func seasonHistory(_ p: DemoProfile, since: Day) -> [SeasonChange] {
        var history = (p.seasonHistory ?? []).map {
            SeasonChange(day: max(ago($0.daysAgo), since), season: $0.season, reason: $0.reason)
        }
        if history.isEmpty {
            history = [SeasonChange(day: since, season: p.season, reason: "Became a customer")]
        }
        if history.last?.season != p.season {
            history.append(SeasonChange(day: ago(10), season: p.season, reason: "Season reviewed"))
        }
        return history
    }

    func emailAddress(_ name: String, company: String) -> String {
        let person = name.lowercased().split(separator: " ").filter { !$0.hasSuffix(".") }
        let domain =
            company.lowercased().split(separator: " ").first.map { String($0.filter(\.isLetter)) }
            ?? "example"
        return "\(person.first ?? "contact").\(person.last ?? "")@\(domain).example"
    }

    func sentiment(_ mood: String, recent: Bool, using random: inout SeededRandom) -> Sentiment {
        let odds: (Int, Int)  // percent positive, percent negative
        switch mood {
        case "warm": odds = (60, 5)
        case "cooling": odds = recent ? (10, 45) : (45, 10)
        case "cold": odds = (10, 50)
        default: odds = (30, 20)
        }
        let roll = Int(random.next() % 100)
        if roll < odds.0 { return .positive }
        if roll >= 100 - odds.1 { return .negative }
        return .neutral
    }

    func weighted<T>(_ choices: [(T, Int)], using random: inout SeededRandom) -> T {
        var roll = Int(random.next() % UInt64(choices.reduce(0) { $0 + $1.1 }))
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[0].0
    }

    /// Key and core customers answer a twice-yearly satisfaction survey; the latest one is
    /// one to four months old, or two to six where the account is in trouble (so some of
    /// those are nearly due again).
    func satisfactionSurvey(_ p: DemoProfile, of account: Account, using random: inout SeededRandom)
        -> Measure?
    {
        guard p.tier != .standard, p.status == .active || p.status == .atRisk,
            !(p.measures ?? []).contains(where: { $0.isSatisfaction ?? false })
        else { return nil }
        let age = Self.isInTrouble(account) ? 2 + Int(random.next() % 5) : 1 + Int(random.next() % 4)
        let latest = YearMonth(today).adding(months: -age)
        let base = Double(account.health ?? 70)
        let readings = (0..<4).map { i in
            MeasureReading(
                month: latest.adding(months: -6 * (3 - i)),
                value: min(100, max(20, base + Double(Int(random.next() % 11) - 5 + (3 - i) * 2))))
        }
        return Measure(
            id: .generate("ms", using: &random), name: "Customer satisfaction (CSAT)", unit: "%",
            isSatisfaction: true, createdOn: readings[0].month.firstDay, readings: readings)
    }

    func measure(_ m: DemoProfile.MeasureSpec, using random: inout SeededRandom) -> Measure {
        let lastMonth = YearMonth(today).adding(months: (m.missingLast ?? false) ? -2 : -1)
        let first = lastMonth.adding(months: -(m.values.count - 1))
        let readings = m.values.enumerated().map {
            MeasureReading(month: first.adding(months: $0.offset), value: $0.element)
        }
        return Measure(
            id: .generate("ms", using: &random), name: m.name, unit: m.unit, direction: m.direction,
            isSatisfaction: m.isSatisfaction ?? false, createdOn: first.firstDay, readings: readings)
    }

    func addWorksheet(
        _ w: DemoProfile.WorksheetSpec, to account: inout Account, using random: inout SeededRandom
    ) {
        let concernID = w.concern.flatMap {
            account.concerns.indices.contains($0) ? account.concerns[$0].id : nil
        }
        let options = w.options.map {
            SolutionOption(id: .generate("op", using: &random), text: $0.text, ups: $0.ups, downs: $0.downs)
        }
        var sheet = Worksheet(
            id: .generate("ws", using: &random), title: w.title,
            createdOn: account.concerns.first { $0.id == concernID }?.raisedOn.adding(days: 2) ?? ago(20),
            concernID: concernID, status: w.decision == nil ? .open : .executing,
            define: ProblemDefinition(
                problem: w.problem, dataWeHave: w.dataWeHave, dataMissing: w.dataMissing),
            causes: w.causes.enumerated().map {
                Cause(
                    id: .generate("ca", using: &random), text: $0.element,
                    isLikelyRoot: $0.offset == w.rootCause)
            },
            options: options,
            evaluation: Evaluation(reviewOn: today.adding(days: w.reviewInDays)),
            focus: w.focus, accountable: w.accountable, communication: w.communication)
        if let d = w.decision, options.indices.contains(d.option) {
            sheet.decision = Decision(optionID: options[d.option].id, why: d.why, decidedOn: ago(8))
        }
        sheet.actions = w.actions.map { a in
            let due = today.adding(days: a.dueInDays)
            return WorksheetAction(
                id: .generate("ac", using: &random), text: a.text, owner: a.owner, due: due,
                measure: a.measure, status: a.status, doneOn: a.status == .done ? due : nil)
        }
        account.worksheets.append(sheet)
        if let index = account.concerns.firstIndex(where: { $0.id == concernID }) {
            account.concerns[index].worksheetID = sheet.id
        }
    }

    /// The plan from the playbook, started five months ago; its items are credited by
    /// the touches that did them (see `planTouches`).
    func addPlan(_ spec: DemoProfile.PlanSpec, to account: inout Account, using random: inout SeededRandom) {
        var plan = playbook.plan(for: account, owner: account.owner, startingOn: ago(150), using: &random)
        plan.currentState = spec.currentState
        plan.targetState = spec.targetState
        account.plan = plan
    }

    func expectations(_ e: DemoProfile.ExpectationSpec, using random: inout SeededRandom) -> ExpectationSet {
        let goals = (e.goals ?? []).map { g in
            Goal(
                id: .generate("gl", using: &random), text: g.text, probability: g.probability,
                barriers: g.barriers.compactMap { parts in
                    guard parts.count == 2, case .text(let text) = parts[0], case .flag(let ours) = parts[1]
                    else { return nil }
                    return Barrier(text: text, underOurControl: ours)
                })
        }
        return ExpectationSet(
            id: .generate("ex", using: &random), title: e.title, agreedOn: ago(120),
            raveReviews: e.raveReviews ?? "", reportFrequency: e.reportFrequency,
            reportChannel: e.reportChannel, inPersonWhen: e.inPersonWhen ?? "",
            deliveryDates: e.deliveryDates ?? "", deliveryDatesAgreed: e.deliveryDatesAgreed,
            deliverables: e.deliverables ?? "", howWeWork: e.howWeWork ?? "",
            weNeedFromThem: e.weNeedFromThem ?? "", responsibilities: e.responsibilities ?? "",
            metTheTeam: e.metTheTeam, ifWeMiss: e.ifWeMiss ?? "", goals: goals)
    }

    /// The renewal terms a profile tells: prepared at every offset already passed (but the
    /// last one when `preparedLate`), renewed on the day when it was.
    func contract(_ spec: DemoProfile.RenewalSpec, tier: Tier, value: Int) -> Contract {
        let term = spec.termMonths ?? 12
        var c = Contract(
            renewsOn: today.adding(days: spec.inDays ?? 0), termMonths: term, renewalValue: spec.value,
            autoRenews: spec.autoRenews ?? false, noticeDays: spec.noticeDays ?? 0,
            setOn: today.adding(days: -300))
        if let renewed = spec.renewedDaysAgo {
            let day = ago(renewed)
            c.renewals = [Contract.Renewal(on: day, renewed: day, value: spec.value ?? value)]
            c.renewsOn = day.adding(months: term)
            c.setOn = day
        }
        let passed = DuePolicy().renewalOffsets(for: tier).map { c.renewsOn.adding(days: -$0) }
            .filter { $0 <= today && $0 >= c.setOn }
        c.preparedOn = spec.preparedLate == true ? passed.dropLast().last : passed.last
        return c
    }
}
