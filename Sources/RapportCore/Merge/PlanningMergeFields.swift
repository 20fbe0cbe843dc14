// The fields of the plan, the measures, the risks and the expectations, as edits merge
// them (see `FieldMergeable`). Histories kept with a record (completions, readings,
// earlier definitions) are each one field.

extension RelationshipPlan: FieldMergeable {
    public static var mergeFields: [MergeField<RelationshipPlan>] {
        [
            MergeField("What it is", \.currentState),
            MergeField("Needs to be", \.targetState),
            MergeField("Started on", \.createdOn),
            .records("Items", \.items, each: "Plan item", title: \.title)
        ]
    }
}

extension PlanItem: FieldMergeable {
    public static var mergeFields: [MergeField<PlanItem>] {
        [
            MergeField("What", \.title),
            MergeField("With", \.contactIDs),
            MergeField("Owner", \.owner),
            MergeField("Cadence", \.cadence, show: \.label),
            MergeField("Starts", \.startOn),
            MergeField("Playbook step", \.step),
            MergeField("Paused", \.paused),
            MergeField("Notes", \.notes),
            MergeField("Completions", \.completions) {
                MergeText.list($0.map { $0.day.iso + ($0.note.isEmpty ? "" : " \($0.note)") })
            }
        ]
    }
}

extension Measure: FieldMergeable {
    public static var mergeFields: [MergeField<Measure>] {
        [
            MergeField("Name", \.name),
            MergeField("Unit", \.unit),
            MergeField("Better when", \.direction),
            MergeField("Satisfaction?", \.isSatisfaction),
            MergeField("Tracked since", \.createdOn),
            MergeField("Earlier definitions", \.definitionHistory) {
                MergeText.list($0.map { "\($0.previousName) until \($0.day.iso)" })
            },
            MergeField("Readings", \.readings) {
                MergeText.list($0.map { "\($0.month.iso) \(Measure.format($0.value))" })
            }
        ]
    }
}

extension Risk: FieldMergeable {
    public static var mergeFields: [MergeField<Risk>] {
        [
            MergeField("Disruption", \.disruption),
            MergeField("Kind", \.kind),
            MergeField("State", \.state),
            MergeField("Identified on", \.identifiedOn),
            MergeField("Occurred on", \.occurredOn),
            MergeField("Contact: risk", \.contact.risk),
            MergeField("Contact: likely", \.contact.likelyResponse),
            MergeField("Company: risk", \.company.risk),
            MergeField("Company: likely", \.company.likelyResponse),
            MergeField("Market: risk", \.market.risk),
            MergeField("Market: likely", \.market.likelyResponse),
            MergeField("Our response", \.ourResponse),
            MergeField("Review on", \.reviewOn)
        ]
    }
}

extension ExpectationSet: FieldMergeable {
    public static var mergeFields: [MergeField<ExpectationSet>] {
        [
            MergeField("For", \.title),
            MergeField("Agreed on", \.agreedOn),
            MergeField("Liked before", \.previousSuppliersHappy),
            MergeField("Disliked before", \.previousSuppliersUnhappy),
            MergeField("Rave reviews if", \.raveReviews),
            MergeField("Reports", \.reportFrequency),
            MergeField("Via", \.reportChannel),
            MergeField("Meet in person", \.inPersonWhen),
            MergeField("Delivery dates", \.deliveryDates),
            MergeField("Dates agreed?", \.deliveryDatesAgreed, show: MergeText.yesNo),
            MergeField("What and how", \.deliverables),
            MergeField("How we work", \.howWeWork),
            MergeField("Need from them", \.weNeedFromThem),
            MergeField("Who does what", \.responsibilities),
            MergeField("Met the team?", \.metTheTeam, show: MergeText.yesNo),
            MergeField("If we miss", \.ifWeMiss),
            .records("Goals", \.goals, each: "Goal", title: \.text)
        ]
    }
}

extension Goal: FieldMergeable {
    public static var mergeFields: [MergeField<Goal>] {
        [
            MergeField("Goal", \.text),
            MergeField("Chance", \.probability) { "\($0)%" },
            MergeField("Barriers", \.barriers) {
                MergeText.list($0.map { $0.text + ($0.underOurControl ? "" : " (theirs)") })
            }
        ]
    }
}

extension MergeText {
    /// A question answered yes or no, or not asked yet.
    static func yesNo(_ answer: Bool?) -> String { answer.map { $0 ? "yes" : "no" } ?? "not asked" }
}
