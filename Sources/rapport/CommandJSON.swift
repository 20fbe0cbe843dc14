import RapportCore
import RapportStore

/// `rapport litmus ACCOUNT --json`: the account and its checks, oldest first.
struct LitmusHistoryJSON: Encodable {
    /// One check: its score, the change from the check before it on the same question
    /// set (absent on a version's first check: scores of different versions are never
    /// compared) and its answers.
    struct Check: Encodable {
        var day: String
        var version: Int
        var score: Int
        var change: Int?
        var by: String
        var answers: [Answer]
    }

    /// An answer: the question (its id and, where the store knows it, its text), the
    /// value 0–4 and its word on the scale.
    struct Answer: Encodable {
        var questionID: String
        var question: String?
        var value: Int
        var answer: String
        var comment: String
    }

    var account: String
    var accountID: String
    var history: [Check]

    init(_ account: Account, sets: [LitmusQuestionSet]) {
        self.account = account.name
        accountID = account.id.rawValue
        history = account.litmusSegments.flatMap { segment in
            segment.checks.enumerated().map { i, check in
                let questions = sets.first { $0.version == check.version }?.questions ?? []
                return Check(
                    day: check.day.iso, version: check.version, score: check.score,
                    change: i == 0 ? nil : check.score - segment.checks[i - 1].score, by: check.by,
                    answers: check.answers.map { a in
                        Answer(
                            questionID: a.questionID,
                            question: questions.first { $0.id == a.questionID }?.text,
                            value: a.value,
                            answer: LitmusQuestionSet.scale[
                                min(max(a.value, 0), LitmusQuestionSet.maxAnswer)],
                            comment: a.comment)
                    })
            }
        }
    }
}

/// `rapport check --json`: what is wrong (each file's path and the reason), the merge
/// conflicts waiting to be settled (not wrong), and the leftovers of interrupted saves
/// that were removed.
struct CheckJSON: Encodable {
    struct Problem: Encodable {
        var path: String
        var reason: String
    }

    struct Conflict: Encodable {
        var account: String
        var accountID: String
        var conflict: String
        var summary: String
    }

    var store: String
    var accounts: Int
    var sound: Bool
    var problems: [Problem]
    var mergeConflicts: [Conflict]
    var removedLeftovers: [String]
}
