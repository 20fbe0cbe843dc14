import RapportCore
import TUIKit

/// Forms of the Health, Risks and Expectations sections, and reading them back.
enum HealthForms {
    static func measure(_ m: Measure?) -> Form {
        var fields = [
            FormField(
                "name", "Name", .text, value: m?.name ?? "", hint: "e.g. Active users, Discount requests"),
            FormField("unit", "Unit", .text, value: m?.unit ?? "", hint: "users, %, requests"),
            FormField(
                "direction", "Better when", .choice(Forms.codes(MeasureDirection.self)),
                choice: Forms.index(m?.direction, MeasureDirection.self)),
            FormField(
                "satisfaction", "Satisfaction?", .choice(["no", "yes"]),
                choice: m?.isSatisfaction == true ? 1 : 0)
        ]
        if let m, !m.readings.isEmpty {
            fields.append(
                FormField(
                    "reason", "Why it changes", .text, hint: "required: the old definition is kept with it"))
        }
        return Form(title: m == nil ? "Track a measure" : "Edit \(m!.name)", fields: fields)
    }

    static func reading(_ m: Measure, state: AppState) -> Form {
        let month = YearMonth(state.today).adding(months: -1)
        return Form(
            title: "Reading · \(m.name)",
            fields: [
                FormField("month", "Month", .text, value: month.iso, hint: "YYYY-MM"),
                FormField("value", "Value", .number, hint: m.unit),
                FormField("note", "Note", .text)
            ], focus: 1)
    }

    static func risk(_ r: Risk?) -> Form {
        Form(
            title: r == nil ? "Add a risk" : "Edit risk",
            fields: [
                FormField(
                    "disruption", "Disruption", .text, value: r?.disruption ?? "",
                    hint: "e.g. New levy raises their costs 8%"),
                FormField(
                    "kind", "Kind", .choice(Forms.codes(DisruptionKind.self)),
                    choice: Forms.index(r?.kind, DisruptionKind.self)),
                FormField(
                    "state", "State", .choice(Forms.codes(RiskState.self)),
                    choice: Forms.index(r?.state, RiskState.self)),
                FormField("contactRisk", "Contact: risk", .text, value: r?.contact.risk ?? ""),
                FormField(
                    "contactResponse", "Contact: likely", .text, value: r?.contact.likelyResponse ?? "",
                    hint: "how our contact will respond"),
                FormField("companyRisk", "Company: risk", .text, value: r?.company.risk ?? ""),
                FormField(
                    "companyResponse", "Company: likely", .text, value: r?.company.likelyResponse ?? ""),
                FormField("marketRisk", "Market: risk", .text, value: r?.market.risk ?? ""),
                FormField("marketResponse", "Market: likely", .text, value: r?.market.likelyResponse ?? ""),
                FormField("ours", "Our response", .multiline, value: r?.ourResponse ?? ""),
                FormField("review", "Review on", .day, value: r?.reviewOn?.iso ?? "+1m")
            ])
    }

    static let unknown = "not asked"

    static func expectations(_ e: ExpectationSet?) -> Form {
        func yesNo(_ b: Bool?) -> Int { b.map { $0 ? 1 : 2 } ?? 0 }
        return Form(
            title: e == nil ? "Expectations for a project" : "Expectations · \(e!.title)",
            fields: [
                FormField(
                    "title", "For", .text, value: e?.title ?? "", hint: "Account-wide, or the project's name"),
                FormField(
                    "happy", "Liked before", .multiline, value: e?.previousSuppliersHappy ?? "",
                    hint: "what made them happy with previous suppliers"),
                FormField("unhappy", "Disliked before", .multiline, value: e?.previousSuppliersUnhappy ?? ""),
                FormField("rave", "Rave reviews if", .multiline, value: e?.raveReviews ?? ""),
                FormField(
                    "reports", "Reports", .choice([Forms.notSet] + Forms.codes(ReportFrequency.self)),
                    choice: e?.reportFrequency.map { Forms.index($0, ReportFrequency.self) + 1 } ?? 0),
                FormField(
                    "channel", "Via", .choice([Forms.notSet] + Forms.codes(Channel.self)),
                    choice: e?.reportChannel.map { Forms.index($0, Channel.self) + 1 } ?? 0),
                FormField(
                    "inPerson", "Meet in person", .text, value: e?.inPersonWhen ?? "",
                    hint: "when in-person meetings are needed"),
                FormField("dates", "Delivery dates", .text, value: e?.deliveryDates ?? ""),
                FormField(
                    "datesAgreed", "Dates agreed?", .choice([unknown, "yes", "no"]),
                    choice: yesNo(e?.deliveryDatesAgreed)),
                FormField("deliverables", "What and how", .multiline, value: e?.deliverables ?? ""),
                FormField("howWeWork", "How we work", .multiline, value: e?.howWeWork ?? ""),
                FormField("needFromThem", "Need from them", .multiline, value: e?.weNeedFromThem ?? ""),
                FormField("responsibilities", "Who does what", .multiline, value: e?.responsibilities ?? ""),
                FormField(
                    "metTeam", "Met the team?", .choice([unknown, "yes", "no"]), choice: yesNo(e?.metTheTeam)),
                FormField(
                    "ifWeMiss", "If we miss", .multiline, value: e?.ifWeMiss ?? "",
                    hint: "the agreed answer to: what if we don't get the results?")
            ])
    }

    static func goal(_ g: Goal?) -> Form {
        Form(
            title: g == nil ? "Add a goal" : "Edit goal",
            fields: [
                FormField(
                    "text", "Goal", .text, value: g?.text ?? "",
                    hint: "in detail: what, by when, measured how"),
                FormField(
                    "probability", "Chance", .number, value: g.map { String($0.probability) } ?? "",
                    hint: "honest % of success (aim for 90+)"),
                FormField(
                    "barriers", "Barriers", .multiline,
                    value: g?.barriers.map { $0.text + ($0.underOurControl ? "" : " (theirs)") }.joined(
                        separator: "\n") ?? "",
                    hint: "one per line; end with (theirs) if not in our control")
            ])
    }

    /// The record a submitted form describes, or validation messages on the reader.
    static func build(_ purpose: FormPurpose, _ r: inout FormSubmission.Reader, state: AppState) -> [Effect] {
        switch purpose {
        case .addMeasure(let id), .editMeasure(let id, _):
            let name = r.required("name", "A name")
            var m = Measure(name: name, createdOn: state.today)
            if case .editMeasure(_, let mid) = purpose,
                let existing = state.account(id)?.measures.first(where: { $0.id == mid })
            {
                m = existing
            }
            do {
                try m.redefine(
                    name: name, unit: r.text("unit"), direction: r.choice("direction"),
                    reason: r.text("reason"), on: state.today)
            } catch {
                r.fail("reason", "\(error)")
            }
            m.isSatisfaction = r.text("satisfaction") == "yes"
            return [.mutate(id, [.upsertMeasure(m)], message: "Saved measure \(name)")]
        case .addReading(let id, let mid):
            guard var m = state.account(id)?.measures.first(where: { $0.id == mid }) else { return [] }
            let monthText = r.text("month")
            let month = YearMonth(iso: monthText)
            if month == nil {
                r.fail(
                    "month",
                    "'\(monthText)' is not a month; expected YYYY-MM, e.g. \(YearMonth(state.today).iso)")
            }
            if let month, month > YearMonth(state.today) {
                r.fail("month", "\(month.iso) has not started yet")
            }
            let raw = r.required("value", "The value")
            let value = Double(raw.replacingText(",", with: "."))
            if value == nil && !raw.isEmpty { r.fail("value", "'\(raw)' is not a number") }
            guard let month, let value else { return [] }
            m.record(value, month: month, note: r.text("note"))
            return [
                .mutate(
                    id, [.upsertMeasure(m)],
                    message: "\(m.name): \(Measure.format(value)) for \(month.name) \(month.year)")
            ]
        case .addRisk(let id), .editRisk(let id, _):
            let disruption = r.required("disruption", "The disruption")
            var risk = Risk(disruption: disruption, identifiedOn: state.today)
            if case .editRisk(_, let rid) = purpose,
                let existing = state.account(id)?.risks.first(where: { $0.id == rid })
            {
                risk = existing
            }
            let wasOccurred = risk.state == .occurred
            risk.disruption = disruption
            risk.kind = r.choice("kind")
            risk.state = r.choice("state")
            risk.contact = RiskAtLevel(risk: r.text("contactRisk"), likelyResponse: r.text("contactResponse"))
            risk.company = RiskAtLevel(risk: r.text("companyRisk"), likelyResponse: r.text("companyResponse"))
            risk.market = RiskAtLevel(risk: r.text("marketRisk"), likelyResponse: r.text("marketResponse"))
            risk.ourResponse = r.text("ours")
            risk.reviewOn = r.day("review", .future)
            if risk.state == .occurred && !wasOccurred { risk.occurredOn = state.today }
            return [.mutate(id, [.upsertRisk(risk)], message: "Saved risk: \(disruption)")]
        case .addExpectations(let id), .editExpectations(let id, _):
            let title = r.required("title", "What the expectations are for")
            var e = ExpectationSet(title: title, agreedOn: state.today)
            if case .editExpectations(_, let eid) = purpose,
                let existing = state.account(id)?.expectations.first(where: { $0.id == eid })
            {
                e = existing
            }
            func yesNo(_ key: String) -> Bool? { ["yes": true, "no": false][r.text(key)] }
            e.title = title
            e.previousSuppliersHappy = r.text("happy")
            e.previousSuppliersUnhappy = r.text("unhappy")
            e.raveReviews = r.text("rave")
            e.reportFrequency = ReportFrequency(rawValue: r.text("reports"))
            e.reportChannel = Channel(rawValue: r.text("channel"))
            e.inPersonWhen = r.text("inPerson")
            e.deliveryDates = r.text("dates")
            e.deliveryDatesAgreed = yesNo("datesAgreed")
            e.deliverables = r.text("deliverables")
            e.howWeWork = r.text("howWeWork")
            e.weNeedFromThem = r.text("needFromThem")
            e.responsibilities = r.text("responsibilities")
            e.metTheTeam = yesNo("metTeam")
            e.ifWeMiss = r.text("ifWeMiss")
            let blank = e.blankAnswers.count
            return [
                .mutate(
                    id, [.upsertExpectations(e)],
                    message: "Saved expectations for \(title)" + (blank == 0 ? "" : "; \(blank) still blank"))
            ]
        case .addGoal(let id, let setID), .editGoal(let id, let setID, _):
            guard var e = state.account(id)?.expectations.first(where: { $0.id == setID }) else { return [] }
            let text = r.required("text", "The goal")
            let raw = r.text("probability").replacingText("%", with: "")
            let probability = Int(raw)
            if probability.map({ !(0...100).contains($0) }) ?? true {
                r.fail("probability", "give the chance of success as 0–100, not '\(raw)'")
            }
            let barriers = r.text("barriers").split(separator: "\n").map { $0.trimmingSpaces() }.filter {
                !$0.isEmpty
            }.map { line in
                line.lowercased().hasSuffix("(theirs)")
                    ? Barrier(text: String(line.dropLast(8)).trimmingSpaces(), underOurControl: false)
                    : Barrier(text: line, underOurControl: true)
            }
            var goal = Goal(text: text, probability: probability ?? 0, barriers: barriers)
            if case .editGoal(_, _, let gid) = purpose, let i = e.goals.firstIndex(where: { $0.id == gid }) {
                goal.id = e.goals[i].id
                e.goals[i] = goal
            } else {
                e.goals.append(goal)
            }
            let warning =
                goal.isLongShot
                ? " — \(goal.probability)% is a coin toss or worse: say so plainly, promise nothing" : ""
            return [.mutate(id, [.upsertExpectations(e)], message: "Saved goal\(warning)")]
        default:
            return []
        }
    }
}
