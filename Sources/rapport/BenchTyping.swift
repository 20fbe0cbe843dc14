import Dispatch
import RapportCore
import RapportUI
import TUIKit

/// `rapport bench`'s typing figures: a keystroke in a long multi-line field (typed, ←, →,
/// Backspace), each with the app's update and a full redraw, as the app does per key.
extension BenchFigures {
    func printTyping(_ state: AppState, account id: RecordID, into canvas: inout Canvas) {
        for (label, bytes) in [("10 KB", 10_000), ("100 KB", 100_000), ("1 MB", 1_000_000)] {
            var state = state
            state.screen = .account(id)
            _ = update(&state, .key(.char("6")))
            _ = update(&state, .key(.char("w")))
            let text = String(repeating: "We met the new COO; renewal talks go well.\n", count: bytes / 43)
            _ = update(&state, .edited(field: "current", text: text, error: nil))
            render(&state, into: &canvas)
            guard canvas.text.contains("The relationship") else {
                line("keystroke in a \(label) field: the plan's form did not open", .nan, "ms")
                continue
            }
            var times: [Double] = []
            for _ in 0..<(runs * 5) {
                for key in [Key.char("x"), .left, .right, .backspace] {
                    times.append(
                        time {
                            _ = update(&state, .key(key))
                            render(&state, into: &canvas)
                        })
                }
            }
            line(
                "keystroke in a \(label) field (type, ←, →, Backspace; worst \(worst(times)) ms)",
                median(times), "ms")
        }
    }

    private func worst(_ values: [Double]) -> String { (values.max() ?? .nan).fixed(places: 1) }
}
