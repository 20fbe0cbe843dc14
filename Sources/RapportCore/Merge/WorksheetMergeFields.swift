// The fields of a root-cause worksheet and of its entries, as edits merge them (see
// `FieldMergeable`). Causes, options and actions merge entry by entry: two people
// adding causes to one worksheet both keep theirs.

extension Worksheet: FieldMergeable {
    public static var mergeFields: [MergeField<Worksheet>] {
        [
            MergeField("Title", \.title),
            MergeField("Started on", \.createdOn),
            MergeField("Concern", \.concernID),
            MergeField("Loss of", \.lossOn),
            MergeField("Status", \.status),
            MergeField("The problem", \.define.problem),
            MergeField("What we know", \.define.dataWeHave),
            MergeField("Still to find out", \.define.dataMissing),
            .records("Causes", \.causes, each: "Cause", title: \.text),
            .records("Options", \.options, each: "Option", title: \.text),
            MergeField("Decision", \.decision) { w, _ in
                guard let d = w.decision else { return MergeText.none }
                let option = w.options.first { $0.id == d.optionID }?.text ?? d.optionID.rawValue
                return "“\(option)”" + (d.why.isEmpty ? "" : " because \(MergeText.text(d.why))")
            },
            .records("Actions", \.actions, each: "Action", title: \.text),
            MergeField("Review on", \.evaluation.reviewOn),
            MergeField("Outcome", \.evaluation.outcome),
            MergeField("What we learned", \.evaluation.learned),
            MergeField("Evaluated on", \.evaluation.evaluatedOn),
            MergeField("What matters most", \.focus),
            MergeField("Accountable", \.accountable) { MergeText.list($0.map(\.name)) },
            MergeField("We talk", \.communication.cadence) { $0?.label ?? MergeText.none },
            MergeField("How", \.communication.how)
        ]
    }
}

extension Cause: FieldMergeable {
    public static var mergeFields: [MergeField<Cause>] {
        [
            MergeField("Text", \.text),
            MergeField("Likely root", \.isLikelyRoot)
        ]
    }
}

extension SolutionOption: FieldMergeable {
    public static var mergeFields: [MergeField<SolutionOption>] {
        [
            MergeField("Text", \.text),
            MergeField("Makes better", \.ups),
            MergeField("Costs, risks", \.downs)
        ]
    }
}

extension WorksheetAction: FieldMergeable {
    public static var mergeFields: [MergeField<WorksheetAction>] {
        [
            MergeField("What", \.text),
            MergeField("Who", \.owner),
            MergeField("By when", \.due),
            MergeField("How we measure", \.measure),
            MergeField("Status", \.status),
            MergeField("Done on", \.doneOn)
        ]
    }
}
