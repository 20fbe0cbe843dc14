import RapportCore
import TUIKit

/// The defection review screen's state: whose review, how far scrolled, where Esc goes.
public struct DefectionReviewState: Equatable, Sendable {
    var account: RecordID
    var scroll = 0
    /// The account view it was opened from: Esc goes back to it.
    var back: AccountViewState
}

/// A lost account's look back (D48, `R` on its Overview): every warning sign before the
/// loss with its first day and the days before the loss; `w` starts a root-cause
/// worksheet from it, `s` asks for a check-up on each active account showing the signs now.
enum DefectionReviewScreen {
    /// Opens the review of a gone account with a loss recorded; otherwise says what to do.
    static func open(_ state: inout AppState, _ a: Account, from view: AccountViewState) {
        guard a.loss != nil else {
            state.message = Message(
                a.status.isGone
                    ? "No loss recorded for \(a.name): L records it"
                    : "\(a.name) is not lost: R reviews a lost account",
                isError: true)
            return
        }
        state.screen = .review(DefectionReviewState(account: a.id, back: view))
    }

    static func handle(_ state: inout AppState, _ review: DefectionReviewState, _ key: Key) -> [Effect] {
        guard let a = state.account(review.account), let loss = a.loss else {
            state.screen = .accounts
            return []
        }
        var review = review
        switch Keymaps.review.command(for: key) {
        case .down: review.scroll += 1
        case .up: review.scroll = max(0, review.scroll - 1)
        case .back:
            state.screen = .account(review.back)
            return []
        case .worksheet:
            // The loss's worksheet, once started, is opened again, not started twice.
            if let started = a.worksheets.first(where: { $0.lossOn == loss.lostOn }) {
                WorksheetEditor.open(&state, a.id, started)
                return []
            }
            let look = self.review(a, state)
            let w = DefectionReview.worksheet(for: a, loss: loss, review: look, today: state.today)
            WorksheetEditor.open(&state, a.id, w, at: .define)
            return [.mutate(a.id, [.addWorksheet(w)], message: "Started the worksheet “\(w.title)”")]
        case .sweep:
            state.message = Message("Looking for active accounts showing these signs…")
            return [.sweep(like: a.id)]
        case nil: return []
        }
        state.screen = .review(review)
        return []
    }

    static func review(_ a: Account, _ state: AppState) -> DefectionReview {
        DefectionReview(a, before: a.loss?.lostOn ?? state.today, questions: state.litmus.map { [$0] } ?? [])
    }

    /// The review's lines: the loss, a summary, then each sign and its occurrences.
    static func lines(_ a: Account, _ review: DefectionReview, currency: String) -> [(String, Style)] {
        guard let loss = a.loss else { return [] }
        var lines: [(String, Style)] = [(loss.line(currency: currency, money: Money.short), .danger)]
        lines.append((review.summary, review.signs.isEmpty ? .good : .warning))
        for sign in review.signs {
            lines.append(
                (
                    "\(sign.since.iso)  \(sign.days(before: loss.lostOn)) days before  \(sign.kind.label)",
                    .normal
                ))
            lines += sign.details.map { ("    \($0)", .dim) }
        }
        return lines
    }

    static func render(
        _ review: inout DefectionReviewState, _ a: Account, _ state: AppState, into canvas: inout Canvas,
        body: Rect
    ) {
        canvas.put("Defection review: \(a.name)", x: 0, y: body.y, style: .title)
        let all = lines(a, self.review(a, state), currency: state.currency)
        let room = max(1, body.height - 1)
        review.scroll = min(review.scroll, max(0, all.count - room))
        for (i, line) in all.dropFirst(review.scroll).prefix(room).enumerated() {
            canvas.put(DisplayWidth.truncate(line.0, to: body.width), x: 0, y: body.y + 1 + i, style: line.1)
        }
    }
}

/// Commands of the defection review screen.
enum DefectionReviewCommand: Sendable { case down, up, worksheet, sweep, back }

extension Keymaps {
    static let review = Keymap<DefectionReviewCommand>(
        "Defection review",
        [
            Binding([.down, .char("j")], .down, help: "Scroll down"),
            Binding([.up, .char("k")], .up, help: "Scroll up"),
            Binding(
                [.char("w")], .worksheet, label: "worksheet",
                help: "Start a root-cause worksheet on the loss, its Define filled from the review"),
            Binding(
                [.char("s")], .sweep, label: "sweep",
                help: "Ask for a litmus check-up on every active account showing these signs now"),
            Binding([.escape], .back, label: "back", help: "Back to the account")
        ])
}

/// The app's words for a sweep's result.
enum SweepWording {
    static func message(_ names: [String]) -> String {
        guard let first = names.first else { return "No active account shows these signs now" }
        let n = names.count
        return "Asked for a litmus check-up on \(n) account\(n == 1 ? "" : "s"), due today: \(first)"
            + (n > 1 ? " and \(n - 1) more" : "")
    }
}
