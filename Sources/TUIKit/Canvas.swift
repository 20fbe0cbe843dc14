/// A semantic style; the backend maps it to colours and attributes (or none, with NO_COLOR).
public enum Style: Int, CaseIterable, Sendable {
    case normal, dim, title, selected, good, warning, danger, accent, header
}

/// One terminal cell. A wide character fills its cell and marks the next as a continuation.
public struct Cell: Equatable, Sendable {
    /// The grapheme drawn here; empty for the right half of a wide character.
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .normal)
}

/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxY: Int { y + height }
    public var maxX: Int { x + width }

    /// The top `rows` rows, and the rest.
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let r = min(rows, height)
        return (
            Rect(x: x, y: y, width: width, height: r), Rect(x: x, y: y + r, width: width, height: height - r)
        )
    }

    /// The bottom `rows` rows, and the rest above them.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let r = min(rows, height)
        return (
            Rect(x: x, y: y, width: width, height: height - r),
            Rect(x: x, y: maxY - r, width: width, height: r)
        )
    }

    /// Shrinks by `by` on every side.
    public func inset(_ by: Int) -> Rect {
        Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by)
    }

    /// A rectangle of the given size centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width)
        let ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}

/// A grid of styled cells the whole screen is rendered into. Pure: tests compare its text.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` at (x, y), clipped to `limit` cells (default: to the right edge).
    /// Returns the cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int
    {
        guard y >= 0, y < height, x < width else { return 0 }
        let room = min(limit ?? (width - x), width - x)
        var col = x
        // Nothing a terminal would act on is written: controls show as pictures,
        // bidirectional controls not at all.
        let careful = TerminalCharacters.needsCare(text)
        for raw in text {
            guard let ch = careful ? TerminalCharacters.shown(raw) : raw else { continue }
            let w = DisplayWidth.of(ch)
            if w == 0 {
                // Combining mark: attach to the previous cell's grapheme.
                if col > x, col - 1 >= 0 { cells[y * width + col - 1].text.append(ch) }
                continue
            }
            if col + w > x + room {
                markCut(y: y, x: x, column: col, room: room, style: style)
                break
            }
            if col >= 0 {
                cells[y * width + col] = Cell(text: String(ch), style: style)
                if w == 2 { cells[y * width + col + 1] = Cell(text: "", style: style) }
            }
            col += w
        }
        return col - x
    }

    /// Ends text cut at `room` cells with "…" in its last cell, so a cut always shows.
    private mutating func markCut(y: Int, x: Int, column: Int, room: Int, style: Style) {
        guard room > 0 else { return }
        var at = min(column, x + room - 1)
        // The second half of a wide character: the ellipsis takes its first half.
        if at < column, at > x, at >= 1, cells[y * width + at].text.isEmpty {
            cells[y * width + at] = Cell(text: " ", style: style)
            at -= 1
        }
        guard at >= 0, at < width else { return }
        cells[y * width + at] = Cell(text: "…", style: style)
    }

    /// Paints a rectangle with spaces in a style.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        // Clipped to the canvas; a rectangle wholly outside it paints nothing (a range's
        // lower bound above its upper one would trap).
        let (top, bottom) = (max(0, rect.y), min(height, rect.maxY))
        let (left, right) = (max(0, rect.x), min(width, rect.maxX))
        guard top < bottom, left < right else { return }
        for y in top..<bottom {
            for x in left..<right {
                cells[y * width + x] = Cell(text: " ", style: style)
            }
        }
    }

    /// A box border around `rect` with an optional title.
    public mutating func box(_ rect: Rect, title: String = "", style: Style = .normal) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        if !title.isEmpty {
            put(" \(title) ", x: rect.x + 2, y: rect.y, style: .title, limit: rect.width - 4)
        }
    }

    /// One row's text, trailing spaces removed.
    public func line(_ y: Int) -> String {
        var s = (0..<width).map { self[$0, y].text }.joined()
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    /// The whole canvas as text, one line per row (trailing spaces removed).
    public var text: String { (0..<height).map(line).joined(separator: "\n") }
}
