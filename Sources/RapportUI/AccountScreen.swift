import RapportCore
import TUIKit

/// One account: vital facts and flags on top, then sections.
enum AccountScreen {
    /// An entry of the timeline: a touchpoint or a concern.
    enum TimelineEntry {
        case touch(Touchpoint)
        case concern(Concern)
        var day: Day {
            switch self {
            case .touch(let t): return t.day
            case .concern(let c): return c.raisedOn
            }
        }
    }

    static func timeline(_ a: Account) -> [TimelineEntry] {
        (a.touchpoints.map(TimelineEntry.touch) + a.concerns.map(TimelineEntry.concern)).sorted {
            $0.day > $1.day
        }
    }

    /// Concerns: open ones first (most severe first), then resolved, newest first.
    static func concerns(_ a: Account) -> [Concern] {
        a.concerns.sorted {
            if $0.status.isOpen != $1.status.isOpen { return $0.status.isOpen }
            if $0.severity != $1.severity && $0.status.isOpen {
                return $0.severity.weight > $1.severity.weight
            }
            return $0.raisedOn > $1.raisedOn
        }
    }

    /// Rows in the view's current section (for Expectations: the goals of the set shown).
    static func rowCount(_ a: Account, _ view: AccountViewState) -> Int {
        switch view.section {
        case .overview: return 0
        case .contacts: return a.contacts.count
        case .team: return a.team.count
        case .timeline: return a.touchpoints.count + a.concerns.count
        case .concerns: return a.concerns.count
        case .plan: return a.plan?.items.count ?? 0
        case .worksheets: return a.worksheets.count
        case .health: return a.measures.count
        case .risks: return a.risks.count
        case .expectations: return a.expectations[safe: view.expectationSet]?.goals.count ?? 0
        }
    }

    /// Worksheets: open ones first, newest first.
    static func worksheets(_ a: Account) -> [Worksheet] {
        a.worksheets.sorted {
            ($0.status == .closed ? 1 : 0, $1.createdOn) < ($1.status == .closed ? 1 : 0, $0.createdOn)
        }
    }

    /// The worksheets section's and the concerns section's own keys.
    static func handleWorksheetKeys(_ state: inout AppState, _ a: Account, _ command: WorksheetListCommand)
        -> [Effect]
    {
        let i = state.view.table.selection
        switch command {
        case .new:
            state.overlay = .form(
                .newWorksheet(account: a.id), NewWorksheetForm.make(in: a, concern: nil))
        case .open:
            if let w = worksheets(a)[safe: i] { WorksheetEditor.open(&state, a.id, w) }
        case .fromConcern:
            guard let c = concerns(a)[safe: i] else { return [] }
            if let existing = a.worksheets.first(where: { $0.id == c.worksheetID }) {
                WorksheetEditor.open(&state, a.id, existing)
                state.message = Message("This concern already has a worksheet")
            } else {
                state.overlay = .form(
                    .newWorksheet(account: a.id), NewWorksheetForm.make(in: a, concern: c))
            }
        }
        return []
    }

    static func handle(_ state: inout AppState, _ id: RecordID, _ key: Key) -> [Effect] {
        guard let account = state.account(id) else {
            state.screen = .accounts
            return []
        }
        if state.view.section == .plan, let command = Keymaps.plan.command(for: key) {
            return PlanSection.handle(&state, account, command)
        }
        if state.view.section == .worksheets, let command = Keymaps.worksheetList.command(for: key) {
            return handleWorksheetKeys(&state, account, command)
        }
        if state.view.section == .concerns, let command = Keymaps.concernList.command(for: key) {
            return handleWorksheetKeys(&state, account, command)
        }
        if state.view.section == .health, let command = Keymaps.health.command(for: key) {
            return HealthSection.handle(&state, account, command)
        }
        if state.view.section == .risks, let command = Keymaps.risks.command(for: key) {
            return RiskSection.handle(&state, account, command)
        }
        if state.view.section == .expectations, let command = Keymaps.expectations.command(for: key) {
            return ExpectationsSection.handle(&state, account, command)
        }
        guard let command = Keymaps.account.command(for: key) else { return [] }
        let selection = state.view.table.selection
        switch command {
        case .move:
            _ = state.view.table.handle(
                key, count: rowCount(account, state.view), pageSize: state.height - 10)
        case .back:
            state.screen = state.view.back
        case .nextSection, .previousSection, .section:
            let all = AccountSection.allCases
            let current = all.firstIndex(of: state.view.section)!
            var next =
                command == .nextSection ? (current + 1) % all.count : (current + all.count - 1) % all.count
            if case .char(let c) = key, let n = Int(String(c)) { next = n == 0 ? all.count - 1 : n - 1 }
            state.view.section = all[next]
            state.view.table = TableView()
        case .log:
            state.overlay = .form(
                .logTouchpoint(account: id), TouchpointForm.make(nil, in: account))
        case .concern:
            state.overlay = .form(.addConcern(account: id), ConcernForm.make(nil, in: account))
        case .add:
            switch state.view.section {
            case .contacts: state.overlay = .form(.addContact(account: id), ContactForm.make(nil))
            case .team: state.overlay = .form(.addTeamMember(account: id), TeamMemberForm.make(nil))
            case .concerns:
                state.overlay = .form(.addConcern(account: id), ConcernForm.make(nil, in: account))
            case .timeline:
                state.overlay = .form(
                    .logTouchpoint(account: id), TouchpointForm.make(nil, in: account))
            case .worksheets:
                return handleWorksheetKeys(&state, account, .new)
            case .health: state.overlay = .form(.addMeasure(account: id), MeasureForm.make(nil))
            case .risks: state.overlay = .form(.addRisk(account: id), RiskForm.make(nil))
            case .expectations:
                guard let set = account.expectations[safe: state.view.expectationSet] else {
                    state.overlay = .form(.addExpectations(account: id), ExpectationsForm.make(nil))
                    return []
                }
                state.overlay = .form(.addGoal(account: id, set: set.id), GoalForm.make(nil))
            case .plan:
                if account.plan == nil { return PlanSection.handle(&state, account, .start) }
                state.overlay = .form(
                    .addPlanItem(account: id), PlanItemForm.make(nil, in: account))
            case .overview:
                state.message = Message(
                    "Go to Contacts (2) or Team (3) to add people; l logs a touch, c a concern")
            }
        case .edit:
            edit(&state, account, selection)
        case .delete:
            delete(&state, account, selection)
        case .undo:
            return Undo.perform(&state)
        }
        return []
    }

    static func edit(_ state: inout AppState, _ a: Account, _ i: Int) {
        switch state.view.section {
        case .overview:
            state.overlay = .form(.editAccount(a.id), AccountForm.make(a))
        case .contacts:
            guard a.contacts.indices.contains(i) else { return }
            state.overlay = .form(
                .editContact(account: a.id, a.contacts[i].id), ContactForm.make(a.contacts[i]))
        case .team:
            guard a.team.indices.contains(i) else { return }
            state.overlay = .form(
                .editTeamMember(account: a.id, a.team[i].id), TeamMemberForm.make(a.team[i]))
        case .timeline:
            let entries = timeline(a)
            guard entries.indices.contains(i) else { return }
            switch entries[i] {
            case .touch(let t):
                state.overlay = .form(
                    .editTouchpoint(account: a.id, t.id), TouchpointForm.make(t, in: a))
            case .concern(let c):
                state.overlay = .form(
                    .editConcern(account: a.id, c.id), ConcernForm.make(c, in: a))
            }
        case .concerns:
            let list = concerns(a)
            guard list.indices.contains(i) else { return }
            state.overlay = .form(
                .editConcern(account: a.id, list[i].id), ConcernForm.make(list[i], in: a))
        case .plan:
            guard let item = a.plan?.items[safe: i] else {
                if a.plan != nil {
                    state.overlay = .form(.planStates(account: a.id), PlanStatesForm.make(a.plan))
                }
                return
            }
            state.overlay = .form(
                .editPlanItem(account: a.id, item.id), PlanItemForm.make(item, in: a))
        case .worksheets:
            if let w = worksheets(a)[safe: i] { WorksheetEditor.open(&state, a.id, w) }
        case .health:
            if let m = a.measures[safe: i] {
                state.overlay = .form(.editMeasure(account: a.id, m.id), MeasureForm.make(m))
            }
        case .risks:
            if let r = RiskSection.risks(a)[safe: i] {
                state.overlay = .form(.editRisk(account: a.id, r.id), RiskForm.make(r))
            }
        case .expectations:
            guard let set = a.expectations[safe: state.view.expectationSet] else { return }
            if let g = set.goals[safe: i] {
                state.overlay = .form(.editGoal(account: a.id, set: set.id, g.id), GoalForm.make(g))
            } else {
                state.overlay = .form(.editExpectations(account: a.id, set.id), ExpectationsForm.make(set))
            }
        }
    }

    static func delete(_ state: inout AppState, _ a: Account, _ i: Int) {
        let purpose: ConfirmPurpose?
        switch state.view.section {
        case .overview:
            purpose = .deleteAccount(a.id)
        case .contacts:
            purpose = a.contacts[safe: i].map {
                .deleteRecord(
                    account: a.id, .removeContact($0.id), undo: .upsertContact($0), what: "contact \($0.name)"
                )
            }
        case .team:
            purpose = a.team[safe: i].map {
                .deleteRecord(
                    account: a.id, .removeTeamMember($0.id), undo: .upsertTeamMember($0),
                    what: "team member \($0.name)")
            }
        case .timeline:
            switch timeline(a)[safe: i] {
            case .touch(let t)?:
                purpose = .deleteRecord(
                    account: a.id, .removeTouchpoint(t.id), undo: .addTouchpoint(t),
                    what: "touchpoint of \(t.day)")
            case .concern(let c)?:
                purpose = .deleteRecord(
                    account: a.id, .removeConcern(c.id), undo: .addConcern(c),
                    what: "concern \"\(c.summary)\"")
            case nil: purpose = nil
            }
        case .concerns:
            purpose = concerns(a)[safe: i].map {
                .deleteRecord(
                    account: a.id, .removeConcern($0.id), undo: .addConcern($0),
                    what: "concern \"\($0.summary)\"")
            }
        case .plan:
            purpose = a.plan?.items[safe: i].map {
                .deleteRecord(
                    account: a.id, .removePlanItem($0.id), undo: .upsertPlanItem($0),
                    what: "plan item \"\($0.title)\"")
            }
        case .worksheets:
            purpose = worksheets(a)[safe: i].map {
                .deleteRecord(
                    account: a.id, .removeWorksheet($0.id), undo: .upsertWorksheet($0),
                    what: "worksheet \"\($0.title)\"")
            }
        case .health:
            purpose = a.measures[safe: i].map {
                .deleteRecord(
                    account: a.id, .removeMeasure($0.id), undo: .upsertMeasure($0),
                    what: "measure \($0.name) and its readings")
            }
        case .risks:
            purpose = RiskSection.risks(a)[safe: i].map {
                .deleteRecord(
                    account: a.id, .removeRisk($0.id), undo: .upsertRisk($0),
                    what: "risk \"\($0.disruption)\"")
            }
        case .expectations:
            guard let set = a.expectations[safe: state.view.expectationSet], let g = set.goals[safe: i] else {
                purpose = nil
                break
            }
            var without = set
            without.goals.removeAll { $0.id == g.id }
            purpose = .deleteRecord(
                account: a.id, .upsertExpectations(without), undo: .upsertExpectations(set),
                what: "goal \"\(g.text)\"")
        }
        if let purpose { state.overlay = .confirm(purpose) }
    }

    // MARK: Rendering

    static func render(_ state: inout AppState, _ a: Account, into canvas: inout Canvas, body: Rect) {
        var y = body.y
        let facts =
            "\(a.tier.rawValue) · \(a.status.label) · \(a.season.rawValue) · \(a.owner.isEmpty ? "no owner" : a.owner)"
        let used = canvas.put(a.name, x: 0, y: y, style: .title)
        canvas.put("  " + facts, x: used, y: y, style: a.status == .atRisk ? .danger : .normal)
        y += 1
        var line =
            "\(Money.short(a.annualValue, currency: state.currency))/yr · lifetime \(Money.short(a.lifetimeValue, currency: state.currency))"
        if let h = a.health {
            line += " · health \(h)\(AccountsScreen.arrow(a.healthChange))"
        } else {
            line += " · no litmus test yet"
        }
        line += " · last touch " + (a.lastTouch.map { ago($0, state.today) } ?? "never")
        canvas.put(line, x: 0, y: y)
        y += 1
        let flags = a.warningFlags(on: state.today)
        if flags.isEmpty {
            canvas.put("No warning signs", x: 0, y: y, style: .good)
        } else {
            canvas.put(
                "⚠ " + flags.map(\.short).joined(separator: " · "), x: 0, y: y,
                style: flags.count >= 3 ? .danger : .warning)
        }
        y += 1
        // Every section by number and title when they fit; otherwise four letters, the current one in full.
        let full = AccountSection.allCases.map { " \($0.rawValue % 10) \($0.title) " }
        let fits = full.reduce(0) { $0 + DisplayWidth.of($1) } <= body.width
        var x = 0
        for (section, label) in zip(AccountSection.allCases, full) {
            let text =
                fits || section == state.view.section ? label : " \(section.rawValue % 10) \(section.short)"
            x += canvas.put(text, x: x, y: y, style: section == state.view.section ? .selected : .dim)
        }
        y += 1
        let rect = Rect(x: 0, y: y, width: body.width, height: body.maxY - y)
        switch state.view.section {
        case .overview: renderOverview(state, a, into: &canvas, rect: rect)
        case .contacts:
            let rows = a.contacts.map { c in
                TableRow(
                    [
                        c.name, c.title, c.level.label, c.channel.label,
                        a.lastTouch(with: c.id).map { "\($0.days(until: state.today))d" } ?? "never",
                        c.keepInTouch.map { "\($0.idealDays)/\($0.maximumDays)d" } ?? "-"
                    ],
                    style: c.isCurrent ? .normal : .dim)
            }
            table(
                &state, rows,
                [
                    Column("Name", .flexible(min: 14)), Column("Title", .flexible(min: 10)),
                    Column("Level", .fixed(13)),
                    Column("Prefers", .fixed(9)), Column("Last", .fixed(5), alignRight: true),
                    Column("Touch", .fixed(8))
                ],
                empty: "No contacts yet. a adds one.", into: &canvas, rect: rect)
        case .team:
            let rows = a.team.map { TableRow([$0.name, $0.role.label, $0.responsibility]) }
            table(
                &state, rows,
                [
                    Column("Name", .fixed(18)), Column("Role", .fixed(17)),
                    Column("Responsibility", .flexible(min: 10))
                ],
                empty: "No team members yet. a adds one.", into: &canvas, rect: rect)
        case .timeline:
            let rows = timeline(a).map { entry -> TableRow in
                switch entry {
                case .touch(let t):
                    let who = t.contactIDs.compactMap { a.contact($0)?.name }.joined(separator: ", ")
                    let style: Style =
                        t.sentiment == .negative ? .warning : (t.sentiment == .positive ? .good : .normal)
                    return TableRow(
                        [t.day.iso, t.kind.label, t.summary + (who.isEmpty ? "" : " — \(who)")],
                        cellStyles: [1: style])
                case .concern(let c):
                    return TableRow(
                        [
                            c.raisedOn.iso, "concern",
                            "[\(c.severity.rawValue)] \(c.summary)" + (c.status.isOpen ? "" : " (resolved)")
                        ],
                        cellStyles: [1: c.status.isOpen ? .danger : .dim])
                }
            }
            table(
                &state, rows,
                [Column("Date", .fixed(10)), Column("Kind", .fixed(15)), Column("What", .flexible(min: 20))],
                empty: "Nothing logged yet. l logs a touchpoint, c a concern.", into: &canvas, rect: rect)
        case .concerns:
            let rows = concerns(a).map { c -> TableRow in
                let overdue = c.isOverdue(on: state.today)
                return TableRow(
                    [
                        c.raisedOn.iso, c.severity.rawValue, c.status.label,
                        c.respondBy.map { overdue ? "\($0.iso)!" : $0.iso } ?? "-", c.summary
                    ],
                    style: c.status.isOpen ? .normal : .dim,
                    cellStyles: overdue ? [3: .danger] : [:])
            }
            table(
                &state, rows,
                [
                    Column("Raised", .fixed(10)), Column("Severity", .fixed(8)), Column("Status", .fixed(11)),
                    Column("Respond by", .fixed(11)), Column("Concern", .flexible(min: 16))
                ],
                empty: "No concerns recorded. c records one, however small.", into: &canvas, rect: rect)
        case .plan:
            PlanSection.render(&state, a, into: &canvas, rect: rect)
        case .health:
            HealthSection.render(&state, a, into: &canvas, rect: rect)
        case .risks:
            RiskSection.render(&state, a, into: &canvas, rect: rect)
        case .expectations:
            ExpectationsSection.render(&state, a, into: &canvas, rect: rect)
        case .worksheets:
            let rows = worksheets(a).map { w -> TableRow in
                let concern = a.concerns.first { $0.id == w.concernID }?.summary ?? "-"
                let next = w.status == .closed ? "-" : (w.nextDate?.iso ?? "-")
                let late = w.status != .closed && (w.nextDate.map { $0 < state.today } ?? false)
                return TableRow(
                    [
                        w.title, concern, "\(w.currentStep.rawValue) \(w.currentStep.title)", w.status.label,
                        next
                    ],
                    style: w.status == .closed ? .dim : .normal, cellStyles: late ? [4: .danger] : [:])
            }
            table(
                &state, rows,
                [
                    Column("Worksheet", .flexible(min: 14)), Column("Concern", .flexible(min: 10)),
                    Column("Step", .fixed(14)),
                    Column("Status", .fixed(10)), Column("Next", .fixed(10))
                ],
                empty: "No worksheets. n starts one; in Concerns (5), w works a concern through one.",
                into: &canvas, rect: rect)
        }
    }

    static func table(
        _ state: inout AppState, _ rows: [TableRow], _ columns: [Column], empty: String,
        into canvas: inout Canvas, rect: Rect
    ) {
        if rows.isEmpty {
            canvas.put(empty, x: 2, y: rect.y + 1, style: .dim)
        } else {
            state.view.table.render(columns: columns, rows: rows, into: &canvas, rect: rect)
        }
    }

    static func renderOverview(_ state: AppState, _ a: Account, into canvas: inout Canvas, rect: Rect) {
        var lines: [(String, Style)] = []
        lines.append(("Season: \(a.season.rawValue) — \(a.season.approach)", .normal))
        var facts = "Market: \(a.market.isEmpty ? "-" : a.market)"
        if let since = a.customerSince { facts += " · customer since \(since.iso)" }
        if !a.tags.isEmpty { facts += " · tags: " + a.tags.joined(separator: ", ") }
        lines.append((facts, .normal))
        let current = a.currentContacts
        let byLevel = ContactLevel.allCases.compactMap { level -> String? in
            let n = current.filter { $0.level == level }.count
            return n == 0 ? nil : "\(n) \(level.label)"
        }
        lines.append(
            (
                "People: " + (byLevel.isEmpty ? "no contacts" : byLevel.joined(separator: ", "))
                    + " · team of \(a.team.count)", .normal
            ))
        let open = a.openConcerns
        if open.isEmpty {
            lines.append(("No open concerns", .good))
        } else {
            let overdue = open.filter { $0.isOverdue(on: state.today) }.count
            lines.append(
                (
                    "\(open.count) open concern\(open.count == 1 ? "" : "s")"
                        + (overdue > 0 ? ", \(overdue) past its response date" : ""),
                    overdue > 0 ? .danger : .warning
                ))
            for c in open.prefix(3) { lines.append(("  [\(c.severity.rawValue)] \(c.summary)", .normal)) }
        }
        if let e = a.expectations.first {
            let blank = e.blankAnswers
            lines.append(
                (
                    blank.isEmpty
                        ? "Expectations agreed: checklist complete"
                        : "Expectations still blank (0): " + blank.joined(separator: ", "),
                    blank.isEmpty ? .good : .warning
                ))
        } else {
            lines.append(("No expectations written down yet (0)", .warning))
        }
        lines.append(("", .normal))
        lines.append(("Recent touchpoints", .title))
        let recent = a.touchpoints.sorted { $0.day > $1.day }.prefix(max(0, rect.height - lines.count - 1))
        if recent.isEmpty { lines.append(("  none yet: l logs one", .dim)) }
        for t in recent {
            lines.append(("  \(t.day.iso)  \(DisplayWidth.fit(t.kind.label, to: 15)) \(t.summary)", .normal))
        }
        for (i, line) in lines.prefix(rect.height).enumerated() {
            canvas.put(line.0, x: rect.x, y: rect.y + i, style: line.1, limit: rect.width)
        }
    }
}

/// "today", "yesterday" or "12d ago".
func ago(_ day: Day, _ today: Day) -> String {
    let days = day.days(until: today)
    switch days {
    case 0: return "today"
    case 1: return "yesterday"
    case ..<0: return "in \(-days)d"
    default: return "\(days)d ago"
    }
}
