/// One field of a form.
public struct FormField: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// One line of text.
        case text
        /// Longer text: typed inline, or edited in full in $EDITOR (Ctrl-O).
        case multiline
        /// One of fixed options: ←/→ or Space cycles, a letter jumps.
        case choice([String])
        /// A date as the user types it; the app parses and validates it.
        case day
        /// A number as typed; the app validates it.
        case number
    }

    public var key: String
    public var label: String
    public var kind: Kind
    public var input: TextField
    public var choice: Int
    /// Shown dim after the field when it has no error.
    public var hint: String
    /// A validation message shown under the field; cleared on edit.
    public var error: String?

    /// `replacesOnType` marks `value` as a prefilled default (not a record's own value): the
    /// first typed character replaces it, as if it were selected.
    public init(
        _ key: String, _ label: String, _ kind: Kind, value: String = "", choice: Int = 0, hint: String = "",
        replacesOnType: Bool = false
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.input = TextField(value, replacesOnType: replacesOnType)
        self.choice = choice
        self.hint = hint
    }

    /// The field's value as text (the chosen option for a choice).
    public var value: String {
        if case .choice(let options) = kind { return options.indices.contains(choice) ? options[choice] : "" }
        return input.text
    }
}

/// A form made of fields, with per-field validation messages.
/// Tab/↓ and S-Tab/↑ move, Enter submits, Esc cancels, Ctrl-O edits a long field in $EDITOR.
public struct Form: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        case editing, submit, cancel
        case openEditor(field: String)
    }

    public var title: String
    public var fields: [FormField]
    public var focus: Int

    public init(title: String, fields: [FormField], focus: Int = 0) {
        self.title = title
        self.fields = fields
        self.focus = min(focus, max(0, fields.count - 1))
    }

    public subscript(key: String) -> FormField? {
        get { fields.first { $0.key == key } }
        set {
            guard let i = fields.firstIndex(where: { $0.key == key }), let newValue else { return }
            fields[i] = newValue
        }
    }

    /// Sets or clears a validation message.
    public mutating func setError(_ key: String, _ message: String?) {
        if let i = fields.firstIndex(where: { $0.key == key }) { fields[i].error = message }
    }

    /// Moves focus to the first field with an error.
    public mutating func focusFirstError() {
        if let i = fields.firstIndex(where: { $0.error != nil }) { focus = i }
    }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }

    /// What a key does in a form.
    public enum Command: Sendable { case next, previous, submit, cancel, openEditor, choose }

    /// The form's keys; typing and the line-editing keys go to the focused field.
    /// Save first, as the most wanted key, in the footer and in help.
    public static let keymap = Keymap<Command>(
        "Forms",
        [
            Binding([.enter], .submit, label: "save", help: "Save"),
            Binding([.tab, .down], .next, label: "next field", help: "Next field", keysLabel: "Tab ↓"),
            Binding([.backTab, .up], .previous, help: "Previous field", keysLabel: "S-Tab ↑"),
            Binding(
                [.left, .right, .char(" ")], .choose, label: "choose",
                help: "Change a choice; a letter jumps",
                keysLabel: "← → Space", hintLabel: "←→"),
            Binding([.escape], .cancel, label: "cancel", help: "Cancel"),
            Binding(
                [.ctrl("o")], .openEditor, help: "Edit a long text in $VISUAL/$EDITOR (Ctrl-J: a new line)")
        ])

    public mutating func handle(_ key: Key) -> Outcome {
        guard !fields.isEmpty else { return key == .escape ? .cancel : .editing }
        // The focused field is changed where it is stored, never through a copy of it: a
        // copy would make every keystroke copy a long text.
        let (kind, chosen) = (fields[focus].kind, fields[focus].choice)
        let options: [String]
        if case .choice(let all) = kind { options = all } else { options = [] }
        if key == .ctrl("j") {
            // A line break in a multi-line field; elsewhere Ctrl-J is Enter, as terminals have it.
            guard kind == .multiline else { return .submit }
            fields[focus].input.insertLineBreak()
            return .editing
        }
        switch Self.keymap.command(for: key) {
        case .cancel: return .cancel
        case .submit: return .submit
        case .next: focus = (focus + 1) % fields.count
        case .previous: focus = (focus + fields.count - 1) % fields.count
        case .openEditor:
            if kind == .multiline { return .openEditor(field: fields[focus].key) }
        case .choose where !options.isEmpty:
            fields[focus].choice = (chosen + (key == .left ? options.count - 1 : 1)) % options.count
        case .choose, nil:
            if !options.isEmpty {
                guard case .char(let c) = key else { return .editing }
                // The first option with that letter in display order; pressed again, the next.
                let letter = String(c).lowercased()
                let matches = options.indices.filter { options[$0].lowercased().hasPrefix(letter) }
                if let next = matches.first(where: { $0 > chosen && matches.contains(chosen) })
                    ?? matches.first
                {
                    fields[focus].choice = next
                }
            } else if fields[focus].input.handle(key) {
                fields[focus].error = nil
            }
        }
        return .editing
    }

    /// Draws the form in a centred box sized for its fields.
    public func render(into canvas: inout Canvas) {
        let labelWidth = min(18, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)
        let height = min(canvas.height - 2, fields.count + fields.filter { $0.error != nil }.count + 4)
        let rect = canvas.bounds.centered(width: min(canvas.width - 2, 76), height: height)
        canvas.fill(rect)
        canvas.box(rect, title: title)
        let inner = rect.inset(1)
        var y = inner.y
        for (i, field) in fields.enumerated() {
            guard y < inner.maxY - 1 else { break }
            let focused = i == focus
            canvas.put(
                DisplayWidth.fit(field.label, to: labelWidth), x: inner.x + 1, y: y,
                style: focused ? .title : .dim)
            let x = inner.x + 2 + labelWidth
            let width = inner.maxX - 1 - x
            switch field.kind {
            case .choice(let options):
                let text = options.isEmpty ? "(none)" : "‹ \(field.value) ›"
                canvas.put(text, x: x, y: y, style: focused ? .selected : .normal, limit: width)
                if focused && options.count > 1 {
                    let rest = options.enumerated().filter { $0.offset != field.choice }.map(\.element)
                        .joined(separator: " ")
                    canvas.put(
                        " " + rest, x: x + DisplayWidth.of(text), y: y, style: .dim,
                        limit: max(0, width - DisplayWidth.of(text)))
                }
            default:
                let shown = field.input.isEmpty && !focused ? field.hint : ""
                if !shown.isEmpty {
                    canvas.put(shown, x: x, y: y, style: .dim, limit: width)
                } else {
                    field.input.render(
                        into: &canvas, x: x, y: y, width: width, focused: focused,
                        style: focused ? .normal : .normal)
                }
            }
            y += 1
            if let error = field.error {
                canvas.put("↳ " + error, x: x, y: y, style: .danger, limit: width)
                y += 1
            }
        }
        let hasLong = fields.indices.contains(focus) && fields[focus].kind == .multiline
        canvas.put(
            "Enter save · Tab next · Esc cancel" + (hasLong ? " · Ctrl-J new line · Ctrl-O editor" : ""),
            x: inner.x + 1, y: inner.maxY - 1, style: .dim, limit: inner.width - 2)
    }
}
