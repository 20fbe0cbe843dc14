import RapportCore
import TUIKit

/// A litmus test being answered, one question at a time.
struct LitmusRun: Equatable, Sendable {
    var account: RecordID
    var set: LitmusQuestionSet
    /// The question showing; `set.questions.count` means the summary.
    var index = 0
    var answers: [Int?]
    var comments: [String]
    /// The comment being typed for the current question, if any.
    var comment: TextField?

    init(account: RecordID, set: LitmusQuestionSet) {
        self.account = account
        self.set = set
        answers = Array(repeating: nil, count: set.questions.count)
        comments = Array(repeating: "", count: set.questions.count)
    }

    var isComplete: Bool { answers.allSatisfy { $0 != nil } }
}

/// The litmus test, one question at a time: a digit answers and moves on, `c` adds a
/// comment, ← goes back; the last screen shows the score and Enter saves it.
enum LitmusRunner {
    static func start(_ state: inout AppState, _ a: Account) {
        guard let set = state.litmus, !set.questions.isEmpty else {
            state.message = Message(
                "This store has no litmus questions: add them with 'rapport litmus new-version FILE'",
                isError: true)
            return
        }
        state.overlay = .litmus(LitmusRun(account: a.id, set: set))
    }

    static func handle(_ state: inout AppState, _ run: LitmusRun, _ key: Key) -> [Effect] {
        var run = run
        let count = run.set.questions.count
        if var field = run.comment {
            switch key {
            case .enter:
                run.comments[run.index] = field.text.trimmingSpaces()
                run.comment = nil
            case .escape: run.comment = nil
            default:
                field.handle(key)
                run.comment = field
            }
            state.overlay = .litmus(run)
            return []
        }
        switch key {
        case .char(let c) where c.isNumber && run.index < count:
            guard let value = Int(String(c)), (0...LitmusQuestionSet.maxAnswer).contains(value) else {
                return []
            }
            run.answers[run.index] = value
            run.index += 1
        case .char("c") where run.index < count:
            run.comment = TextField(run.comments[run.index])
        case .left, .backspace, .char("k"):
            run.index = max(0, run.index - 1)
        case .right, .char("j"):
            if run.index < count && run.answers[run.index] != nil { run.index += 1 }
        case .enter where run.index == count:
            guard run.isComplete else {
                run.index = run.answers.firstIndex { $0 == nil } ?? 0
                state.overlay = .litmus(run)
                state.message = Message("Answer every question first", isError: true)
                return []
            }
            state.overlay = nil
            let answers = zip(run.set.questions, zip(run.answers, run.comments)).map { q, pair in
                LitmusAnswer(questionID: q.id, value: pair.0 ?? 0, comment: pair.1)
            }
            let check = LitmusCheck(
                day: state.today, version: run.set.version, answers: answers, by: state.me)
            return [
                .mutate(
                    run.account, [.addLitmusCheck(check)], message: "Litmus test saved: score \(check.score)")
            ]
        case .escape, .char("q"):
            state.overlay = nil
            state.message = Message("Litmus test cancelled; nothing saved")
            return []
        default:
            return []
        }
        state.overlay = .litmus(run)
        return []
    }

    static func render(_ run: LitmusRun, _ a: Account?, into canvas: inout Canvas) {
        let rect = canvas.bounds.centered(
            width: min(canvas.width - 2, 76), height: min(canvas.height - 2, 16))
        canvas.fill(rect)
        let count = run.set.questions.count
        let step = run.index < count ? "question \(run.index + 1) of \(count)" : "score"
        canvas.box(rect, title: "Litmus test · \(a?.name ?? "") · \(step) · version \(run.set.version)")
        let inner = rect.inset(1)
        let x = inner.x + 1
        let width = inner.width - 2
        var y = inner.y
        let scale = LitmusQuestionSet.scale
        if run.index < count {
            let q = run.set.questions[run.index]
            for line in Chrome.wrap(q.text, width: width).prefix(3) {
                canvas.put(line, x: x, y: y, style: .title)
                y += 1
            }
            for line in Chrome.wrap(q.hint, width: width).prefix(2) {
                canvas.put(line, x: x, y: y, style: .dim)
                y += 1
            }
            y += 1
            if let last = a?.lastLitmusAnswers[q.id] {
                canvas.put(
                    "Last time: \(scale[min(max(last.value, 0), scale.count - 1)])"
                        + (last.comment.isEmpty ? "" : " — \(last.comment)"),
                    x: x, y: y, style: .normal, limit: width)
            } else {
                canvas.put("Last time: not asked", x: x, y: y, style: .dim)
            }
            y += 2
            var cx = x
            for (value, label) in scale.enumerated() {
                let text = " \(value) \(label) "
                cx +=
                    canvas.put(
                        text, x: cx, y: y, style: run.answers[run.index] == value ? .selected : .normal) + 1
            }
            y += 2
            if let field = run.comment {
                canvas.put("Comment: ", x: x, y: y, style: .accent)
                field.render(into: &canvas, x: x + 9, y: y, width: width - 9, focused: true)
            } else if !run.comments[run.index].isEmpty {
                canvas.put("Comment: \(run.comments[run.index])", x: x, y: y, style: .dim, limit: width)
            }
            canvas.put(
                run.comment == nil
                    ? "0–4 answer · c comment · ← back · Esc cancel"
                    : "Enter keeps the comment · Esc drops it",
                x: x, y: inner.maxY - 1, style: .dim, limit: width)
        } else {
            let answers = run.answers.map { $0 ?? 0 }
            let score = LitmusCheck(
                day: Day(ordinal: 0), version: run.set.version,
                answers: answers.map { LitmusAnswer(questionID: "", value: $0) }
            ).score
            var headline = "Score \(score)"
            if let last = a?.litmusHistory.last, last.version == run.set.version {
                let change = score - last.score
                headline += " · last time \(last.score) (\(change >= 0 ? "+" : "")\(change))"
            }
            canvas.put(headline, x: x, y: y, style: .title)
            y += 2
            for (i, q) in run.set.questions.enumerated() where y < inner.maxY - 1 {
                let answer = run.answers[i].map { scale[$0] } ?? "?"
                canvas.put(
                    DisplayWidth.fit(answer, to: 7) + q.text, x: x, y: y,
                    style: run.answers[i] == nil ? .danger : .normal, limit: width)
                y += 1
            }
            canvas.put(
                "Enter saves · ← review · Esc cancel", x: x, y: inner.maxY - 1, style: .dim, limit: width)
        }
    }
}
