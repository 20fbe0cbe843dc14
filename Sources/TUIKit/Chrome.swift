/// Screen furniture shared by every screen: the footer of key hints, the status
/// message, the help overlay, the confirm modal and the too-small screen.
public enum Chrome {
    /// Draws `key label` hints across one row, as many as fit.
    public static func footer(_ hints: [(keys: String, label: String)], into canvas: inout Canvas, y: Int) {
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), style: .dim)
        var x = 0
        for hint in hints {
            let width = DisplayWidth.of(hint.keys) + 1 + DisplayWidth.of(hint.label)
            guard x + width <= canvas.width else { break }
            canvas.put(hint.keys, x: x, y: y, style: .accent)
            canvas.put(hint.label, x: x + DisplayWidth.of(hint.keys) + 1, y: y, style: .dim)
            x += width + 2
        }
    }

    /// The help overlay: every binding of every keymap given, in a centred box.
    public static func help(
        title: String, sections: [(title: String, lines: [(keys: String, help: String)])],
        scroll: Int, into canvas: inout Canvas
    ) {
        let boxWidth = min(canvas.width - 2, 96)
        let textWidth = boxWidth - 4 - 19
        var lines: [(String, Style)] = []
        for section in sections {
            if !lines.isEmpty { lines.append(("", .normal)) }
            lines.append((section.title, .title))
            for line in section.lines {
                let wrapped = wrap(line.help, width: textWidth)
                for (i, part) in wrapped.enumerated() {
                    lines.append(
                        ("  " + DisplayWidth.fit(i == 0 ? line.keys : "", to: 16) + " " + part, .normal))
                }
            }
        }
        let rect = canvas.bounds.centered(width: boxWidth, height: min(canvas.height - 2, lines.count + 3))
        canvas.fill(rect)
        canvas.box(rect, title: title)
        let inner = rect.inset(1)
        let visible = inner.height - 1
        let start = max(0, min(scroll, lines.count - visible))
        for (i, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            canvas.put(line.0, x: inner.x + 1, y: inner.y + i, style: line.1, limit: inner.width - 2)
        }
        canvas.put(
            "j/k scroll · Esc or ? closes", x: inner.x + 1, y: inner.maxY - 1, style: .dim,
            limit: inner.width - 2)
    }

    /// Splits text into lines of at most `width` cells, at spaces where possible.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines.flatMap { line -> [String] in
            guard DisplayWidth.of(line) > width else { return [line] }
            var parts: [String] = []
            var part = ""
            for ch in line {
                if DisplayWidth.of(part + String(ch)) > width {
                    parts.append(part)
                    part = ""
                }
                part.append(ch)
            }
            return parts + [part]
        }
    }

    /// A small centred question with a yes/no answer.
    public static func confirm(_ question: String, into canvas: inout Canvas) {
        let width = min(canvas.width - 4, max(DisplayWidth.of(question) + 4, 30))
        let rect = canvas.bounds.centered(width: width, height: 5)
        canvas.fill(rect)
        canvas.box(rect, title: "Confirm", style: .warning)
        canvas.put(question, x: rect.x + 2, y: rect.y + 1, limit: rect.width - 4)
        canvas.put("y yes · n or Esc no", x: rect.x + 2, y: rect.y + 3, style: .dim, limit: rect.width - 4)
    }

    /// Shown instead of the app when the terminal is smaller than the app needs.
    public static func tooSmall(minimumWidth: Int, minimumHeight: Int, into canvas: inout Canvas) {
        let lines = [
            "Terminal too small", "\(canvas.width)x\(canvas.height), need \(minimumWidth)x\(minimumHeight)",
            "Enlarge it, or Q to quit"
        ]
        for (i, line) in lines.enumerated() {
            let y = canvas.height / 2 - 1 + i
            let x = max(0, (canvas.width - DisplayWidth.of(line)) / 2)
            canvas.put(line, x: x, y: y, style: i == 0 ? .warning : .normal)
        }
    }
}
