import RapportCore

/// The demo's litmus checks: scores from the profile, with answers that agree with what
/// the account shows (nobody senior known, one person only).
extension DemoBuilder {
    /// The highest answer to a question the account's facts contradict: "Rarely".
    static let contradictedAnswer = 1

    func litmusChecks(_ p: DemoProfile, for account: Account, using random: inout SeededRandom)
        -> [LitmusCheck]
    {
        guard let last = p.litmusLastDaysAgo else { return [] }
        let interval = p.tier == .key ? 91 : 182
        let count = p.litmus.count
        let caps = answerCaps(for: account)
        return p.litmus.enumerated().map { offset, score in
            let day = ago(last + (count - 1 - offset) * interval)
            return LitmusCheck(
                id: .generate("lt", using: &random), day: day, version: questions.version,
                answers: answers(forScore: score, caps: caps), by: p.owner)
        }
    }

    /// The questions the account's facts answer: knowing nobody senior, nobody can say
    /// we know their senior leaders; with one contact, we are not connected to several.
    func answerCaps(for account: Account) -> [String: Int] {
        let current = account.currentContacts
        var caps: [String: Int] = [:]
        if !current.contains(where: { $0.level == .senior }) {
            caps["senior-access"] = Self.contradictedAnswer
        }
        if current.count <= 1 { caps["multi-threaded"] = Self.contradictedAnswer }
        return caps
    }

    /// Answers whose score is as close as the scale allows to `score`, spread evenly,
    /// no answer above its cap.
    func answers(forScore score: Int, caps: [String: Int] = [:]) -> [LitmusAnswer] {
        let all = questions.questions
        let top = LitmusQuestionSet.maxAnswer
        var remaining = Int((Double(score) * Double(all.count * top) / 100).rounded())
        var values = [Int](repeating: 0, count: all.count)
        var open = Array(all.indices)
        // Capped questions first (each takes its even share, at most its cap), then the
        // rest shared by the others.
        for index in all.indices {
            guard let cap = caps[all[index].id] else { continue }
            values[index] = min(cap, remaining / all.count)
            remaining -= values[index]
            open.removeAll { $0 == index }
        }
        for (position, index) in open.enumerated() {
            let share = remaining / open.count + (position < remaining % open.count ? 1 : 0)
            values[index] = min(share, top)
        }
        return all.indices.map { LitmusAnswer(questionID: all[$0].id, value: values[$0]) }
    }
}
