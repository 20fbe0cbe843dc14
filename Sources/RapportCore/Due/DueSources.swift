import FoundationEssentials

extension Account {
    /// Every follow-up this account has, whatever its date, before snoozes and
    /// urgency. Nothing here depends on the day it is computed, so the store's index
    /// can keep it. Lost and former accounts keep their explicit dates (actions,
    /// concerns, follow-ups, reviews) and one-off plan items (a win-back step the user
    /// adds) but no longer generate rhythm work (recurring plan items, keep in touch,
    /// litmus, satisfaction, readings). Something never done (a first litmus test
    /// or satisfaction measurement) is marked `neverDone`: due today, not years overdue.
    public func followUps(policy: DuePolicy) -> [FollowUp] {
        var items: [FollowUp] = []
        func add(
            _ title: String, _ ref: DueRef, due: Day, owner: String = "", why: String,
            redFrom: Day? = nil, neverDone: Bool = false, severity: Severity? = nil
        ) {
            items.append(
                FollowUp(
                    accountID: id, accountName: name, title: title, ref: ref, due: due,
                    owner: owner.isEmpty ? self.owner : owner, why: why, redFrom: redFrom,
                    neverDone: neverDone, severity: severity))
        }
        let active = status == .active || status == .atRisk

        if let plan {
            for item in plan.items where active || item.cadence == .once {
                guard let due = item.nextDue else { continue }
                let rhythm = item.cadence == .once ? "once" : item.cadence.label
                let history =
                    item.lastDone.map { "last done \($0.iso)" } ?? "never done since \(item.startOn.iso)"
                add(
                    item.title, .planItem(item.id), due: due, owner: item.owner,
                    why: "Plan item, \(rhythm); \(history)")
            }
        }

        for worksheet in worksheets where worksheet.status != .closed {
            for action in worksheet.actions where action.status.isOpen {
                guard let due = action.due else { continue }
                var why = "Action of worksheet \"\(worksheet.title)\""
                if !action.measure.isEmpty { why += "; measured by \(action.measure)" }
                add(
                    action.text, .action(worksheet: worksheet.id, action: action.id), due: due,
                    owner: action.owner, why: why)
            }
            if let review = worksheet.evaluation.reviewOn, worksheet.evaluation.outcome == nil,
                worksheet.evaluation.evaluatedOn == nil
            {
                add(
                    "Evaluate: \(worksheet.title)", .evaluation(worksheet: worksheet.id), due: review,
                    owner: worksheet.accountable.first?.name ?? "",
                    why: "Review whether the chosen solution worked (step 7 of the worksheet)")
            }
        }

        for concern in concerns where concern.status.isOpen && concern.respondedOn == nil {
            guard let due = concern.respondBy else { continue }
            let who = concern.raisedBy.flatMap(contact).map { " by \($0.name)" } ?? ""
            add(
                "Respond: \(concern.summary)", .concern(concern.id), due: due,
                why:
                    "\(concern.severity.label.capitalized) concern raised\(who) on \(concern.raisedOn.iso); the customer waits for our answer",
                severity: concern.severity)
        }

        if active {
            for contact in currentContacts {
                guard let rhythm = contact.keepInTouch else { continue }
                let last = lastTouch(with: contact.id)
                let since = last ?? createdOn
                let lastText = last.map { "last touch \($0.iso)" } ?? "never touched"
                add(
                    "Touch base with \(contact.name)" + (contact.title.isEmpty ? "" : ", \(contact.title)"),
                    .contact(contact.id),
                    due: since.adding(days: rhythm.idealDays),
                    why:
                        "\(contact.level.label.capitalized); \(lastText); ideal every \(rhythm.idealDays) days, at most \(rhythm.maximumDays)",
                    redFrom: since.adding(days: rhythm.maximumDays + 1))
            }

            let interval = policy.checkupDays(for: self)
            if let last = litmusHistory.last {
                add(
                    "Run the litmus test", .litmus, due: litmusDue(last.day.adding(days: interval)),
                    why:
                        "Last litmus test \(last.day.iso) (score \(last.score)); check-up every \(interval) days"
                        + checkupRequestNote)
            } else {
                add(
                    "Run the litmus test", .litmus, due: createdOn,
                    why: "No litmus test yet; check-up every \(interval) days", neverDone: true)
            }

            let satisfaction = measures.filter(\.isSatisfaction).flatMap(\.readings).map(\.month).max()
            if let month = satisfaction {
                add(
                    "Measure customer satisfaction", .satisfaction,
                    due: month.lastDay.adding(days: policy.satisfactionDays),
                    why:
                        "Last satisfaction reading \(month.iso); measure at least every \(policy.satisfactionDays) days"
                )
            } else {
                add(
                    "Measure customer satisfaction", .satisfaction, due: createdOn,
                    why: "Satisfaction has never been measured", neverDone: true)
            }

            // Monthly readings: the month after the latest one entered is due once it is over.
            for measure in measures where !measure.isSatisfaction {
                let month =
                    measure.readings.map(\.month).max()?.adding(months: 1) ?? YearMonth(measure.createdOn)
                add(
                    "Enter \(month.name) reading: \(measure.name)",
                    .reading(measure: measure.id, month: month),
                    due: month.lastDay.adding(days: 1),
                    why: "Monthly measure; \(month.name) \(month.year) has no reading yet")
            }
        }

        for touch in touchpoints {
            guard let due = touch.followUp, touch.followUpDoneOn == nil else { continue }
            add(
                "Follow up: \(touch.summary)", .touchFollowUp(touch.id), due: due, owner: touch.loggedBy,
                why: "Follow-up set on the \(touch.kind.label) of \(touch.day.iso)")
        }

        for risk in risks {
            guard let review = risk.reviewOn else { continue }
            add(
                "Review risk: \(risk.disruption)", .riskReview(risk.id), due: review,
                why: "\(risk.state.label.capitalized) risk identified \(risk.identifiedOn.iso)")
        }

        if active {
            items += renewalFollowUps(policy: policy)
            for contact in contacts where contact.isUnansweredDeparture {
                let left = contact.leftOn!
                add(
                    "Reconnect: \(contact.name) left", .reconnect(contact: contact.id),
                    due: left.adding(days: 7),
                    why:
                        "\(contact.level.label.capitalized) \(contact.name) left on \(left.iso); win over someone else there"
                )
            }
        }

        for conflict in mergeConflicts ?? [] {
            add(
                "Settle merge conflict: \(conflict.field)", .mergeConflict(conflict.id),
                due: conflict.foundOn,
                why: "Changed on two sides; \(conflict.summary)")
        }
        return items
    }
}
