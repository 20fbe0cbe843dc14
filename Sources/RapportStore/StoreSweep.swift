import RapportCore

/// What a sweep looked for and found: the losses it learnt from, the signs that came
/// before them, and the active accounts showing those signs now, ranked.
public struct SweepResult: Sendable {
    public var losses: [Account]
    public var kinds: Set<DefectionSignKind>
    public var matches: [SweepMatch]
}

extension FileStore {
    /// The sweep after a loss (D48): the active accounts showing now the signs that came
    /// before `like`'s loss (every recorded loss's when nil), ranked; with `schedule`, a
    /// litmus check-up due `today` is asked for on each, each save under the store's lock.
    /// Every account file is read once.
    public func sweep(like: Account?, today: Day, schedule: Bool) throws -> SweepResult {
        let questions = try readStoreFile().litmusSets
        let accounts = loadAll().accounts.map(\.account)
        let losses = like.map { [$0] } ?? accounts.filter { $0.loss != nil }
        let kinds = DefectionSweep.kinds(before: losses, questions: questions)
        let matches = DefectionSweep.matches(accounts, kinds: kinds, today: today, questions: questions)
        if schedule {
            for m in matches {
                _ = try update(m.account) { account in
                    try Mutation.requestCheckup(due: today).apply(to: &account, today: today)
                }
            }
        }
        return SweepResult(losses: losses, kinds: kinds, matches: matches)
    }
}
