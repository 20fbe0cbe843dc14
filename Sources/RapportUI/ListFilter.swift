import TUIKit

/// The filter-as-you-type line shared by the accounts table and the due list: while
/// it is open every key edits it; Enter keeps it, Esc clears it, arrows still move.
enum ListFilter {
    static func handle(
        _ key: Key, filter: inout TextField, filtering: inout Bool, table: inout TableView,
        count: () -> Int, pageSize: Int
    ) {
        switch key {
        case .escape:
            filter = TextField()
            filtering = false
        case .enter:
            filtering = false
        case .down, .up, .pageDown, .pageUp:
            _ = table.handle(key, count: count(), pageSize: pageSize)
        default:
            if filter.handle(key) { table.selection = 0 }
        }
    }

    /// Draws the `/ text` line when the filter is open or set; returns the rest of `rect`.
    static func render(_ filter: TextField, filtering: Bool, into canvas: inout Canvas, rect: Rect) -> Rect {
        guard filtering || !filter.text.isEmpty else { return rect }
        let (line, below) = rect.splitTop(1)
        canvas.put("/", x: 0, y: line.y, style: .accent)
        filter.render(into: &canvas, x: 2, y: line.y, width: min(40, line.width - 2), focused: filtering)
        return below
    }
}
