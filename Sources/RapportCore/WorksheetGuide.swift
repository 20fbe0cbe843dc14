extension WorksheetStep {
    /// What the step asks, in a sentence or two (shown above the step in the editor).
    public var prompt: String {
        switch self {
        case .define:
            return
                "Say what the problem is in the customer's own terms, what we know for certain, and what we would still need to find out."
        case .explore:
            return
                "List every cause that could explain it, however unlikely, then mark the one you believe is the root (r)."
        case .solution:
            return
                "Write down the ways we could remove that root cause. Aim for at least two, so the decision is a real choice."
        case .implications:
            return
                "Go through the options one by one: what does each make better, and what does it cost or put at risk?"
        case .decision:
            return "Pick one of the listed options and say why it beats the others."
        case .action:
            return
                "Turn the decision into actions: who does what, by when, and how we will see that it works. Dated actions appear on the due list."
        case .evaluation:
            return
                "On the review day: did it work, partly, or not? What did we learn? A worksheet closes only with an outcome."
        }
    }
}

extension Worksheet {
    /// The next date that matters: the earliest open action's due day, else the review day.
    public var nextDate: Day? {
        actions.filter(\.status.isOpen).compactMap(\.due).min()
            ?? (evaluation.outcome == nil ? evaluation.reviewOn : nil)
    }
}
