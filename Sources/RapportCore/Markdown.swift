/// Small pieces the Markdown exports (plan, worksheet) share.
enum Markdown {
    /// A paragraph of user text, or an italic note that it is still empty.
    static func text(_ s: String) -> String {
        let trimmed = s.trimmingWhitespace()
        return trimmed.isEmpty ? "_not written yet_" : trimmed
    }

    /// A table of `rows` (each cell made safe with `cell`) under `header`, or the
    /// italic `empty` note when there are no rows; ends with a blank line.
    static func table(_ header: [String], _ rows: [[String]], empty: String) -> String {
        guard !rows.isEmpty else { return "_\(empty)_\n\n" }
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |\n" }
        return line(header) + "|" + String(repeating: "---|", count: header.count) + "\n"
            + rows.map { line($0.map(cell)) }.joined() + "\n"
    }

    /// Text for a heading: one line, whatever line breaks the text holds (a name with a
    /// line feed in it would end the heading and start a paragraph).
    static func heading(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }

    /// A table cell: pipes escaped, no line breaks, "-" when empty.
    static func cell(_ s: String) -> String {
        s.isEmpty ? "-" : s.replacingText("|", with: "\\|").replacingText("\n", with: " ")
    }
}

extension String {
    /// The text, or `fallback` when it is empty.
    public func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
