/// A column of a table: a title, a width, and which side it aligns to.
public struct Column: Sendable {
    public enum Width: Sendable {
        case fixed(Int)
        case flexible(min: Int)
    }
    public var title: String
    public var width: Width
    public var alignRight: Bool

    public init(_ title: String, _ width: Width, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
    }
}

/// A table row: its cells and a style (the selected row is drawn selected instead).
public struct TableRow: Sendable {
    public var cells: [String]
    public var style: Style
    /// Per-cell style overrides (e.g. a red flag column).
    public var cellStyles: [Int: Style]

    public init(_ cells: [String], style: Style = .normal, cellStyles: [Int: Style] = [:]) {
        self.cells = cells
        self.style = style
        self.cellStyles = cellStyles
    }
}

/// A scrolling table with a selection. Selection and scroll are plain state; `render`
/// keeps the selection visible.
public struct TableView: Equatable, Sendable {
    public var selection: Int = 0
    public var scroll: Int = 0

    public init() {}

    /// Moves the selection by `delta` rows, clamped.
    public mutating func move(_ delta: Int, count: Int) {
        selection = count == 0 ? 0 : min(max(0, selection + delta), count - 1)
    }

    /// Handles j/k, arrows, g/G, Home/End, PgUp/PgDn; returns false for other keys.
    public mutating func handle(_ key: Key, count: Int, pageSize: Int) -> Bool {
        switch key {
        case .down, .char("j"): move(1, count: count)
        case .up, .char("k"): move(-1, count: count)
        case .pageDown, .ctrl("f"): move(max(1, pageSize), count: count)
        case .pageUp, .ctrl("b"): move(-max(1, pageSize), count: count)
        case .home, .char("g"): selection = 0
        case .end, .char("G"): selection = max(0, count - 1)
        default: return false
        }
        return true
    }

    /// Column widths that fill `total` cells (one space between columns).
    public static func widths(_ columns: [Column], total: Int) -> [Int] {
        let fixed = columns.reduce(0) { sum, c in
            if case .fixed(let w) = c.width { return sum + w }
            return sum
        }
        let gaps = max(0, columns.count - 1)
        let flexibles = columns.filter {
            if case .flexible = $0.width { return true }
            return false
        }
        let spare = max(0, total - fixed - gaps)
        return columns.map { column in
            switch column.width {
            case .fixed(let w): return w
            case .flexible(let minimum): return max(minimum, spare / max(1, flexibles.count))
            }
        }
    }

    /// Draws the header and the visible rows into `rect`.
    public mutating func render(
        columns: [Column], rows: [TableRow], into canvas: inout Canvas, rect: Rect, focused: Bool = true
    ) {
        render(
            columns: columns, count: rows.count, row: { rows[$0] }, into: &canvas, rect: rect,
            focused: focused)
    }

    /// The same for a long list: `row` is asked only for the rows that show.
    public mutating func render(
        columns: [Column], count: Int, row makeRow: (Int) -> TableRow, into canvas: inout Canvas,
        rect: Rect, focused: Bool = true
    ) {
        guard rect.height > 0 else { return }
        let widths = TableView.widths(columns, total: rect.width)
        var x = rect.x
        for (i, column) in columns.enumerated() {
            canvas.put(
                DisplayWidth.fit(column.title, to: widths[i], alignRight: column.alignRight), x: x, y: rect.y,
                style: .header)
            x += widths[i] + 1
        }
        let visible = rect.height - 1
        selection = count == 0 ? 0 : min(selection, count - 1)
        if selection < scroll { scroll = selection }
        if selection >= scroll + visible { scroll = selection - visible + 1 }
        scroll = max(0, min(scroll, max(0, count - visible)))
        for line in 0..<visible {
            let index = scroll + line
            guard index < count else { break }
            let row = makeRow(index)
            let y = rect.y + 1 + line
            let selected = index == selection && focused
            if selected { canvas.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: .selected) }
            var x = rect.x
            for (i, column) in columns.enumerated() where i < row.cells.count {
                let style = selected ? Style.selected : (row.cellStyles[i] ?? row.style)
                canvas.put(
                    DisplayWidth.fit(row.cells[i], to: widths[i], alignRight: column.alignRight), x: x, y: y,
                    style: style)
                x += widths[i] + 1
            }
        }
    }
}
