// The loss record's fields as the facts edit merges them (D48): each one a field, so two
// people editing the loss and another fact at once both keep their change.

extension AccountFacts {
    /// The day lost; setting it on facts without a loss record starts one.
    public var lossDay: Day? {
        get { loss?.lostOn }
        set { updateLoss { $0.lostOn = newValue ?? $0.lostOn } }
    }
    public var lossValue: Int {
        get { loss?.valueLost ?? 0 }
        set { updateLoss { $0.valueLost = newValue } }
    }
    public var lossReasons: [LossReason] {
        get { loss?.reasons ?? [] }
        set { updateLoss { $0.reasons = newValue } }
    }
    public var lossReasonText: String {
        get { loss?.reasonText ?? "" }
        set { updateLoss { $0.reasonText = newValue } }
    }
    public var lossWonBy: String {
        get { loss?.wonBy ?? "" }
        set { updateLoss { $0.wonBy = newValue } }
    }

    private mutating func updateLoss(_ change: (inout LossRecord) -> Void) {
        var record = loss ?? LossRecord(lostOn: Day(ordinal: 0), valueLost: 0)
        change(&record)
        loss = record
    }

    /// The merge fields of the loss record, added to the facts' own.
    static var lossMergeFields: [MergeField<AccountFacts>] {
        [
            MergeField("Lost on", \.lossDay),
            MergeField("Value lost", \.lossValue, show: Money.grouped),
            MergeField("Loss reasons", \.lossReasons, show: { MergeText.list($0.map(\.rawValue)) }),
            MergeField("Loss reason text", \.lossReasonText),
            MergeField("Won by", \.lossWonBy)
        ]
    }
}
