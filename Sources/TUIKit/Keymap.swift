/// A key binding: the keys, what they do, and how the footer and help describe it.
public struct Binding<Command: Sendable>: Sendable {
    public var keys: [Key]
    public var command: Command
    /// A word or two for the footer; empty keeps the binding out of the footer.
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    /// How help names the keys, where their names one by one would read worse.
    public var keysLabel: String?
    /// How the footer names the keys (default: the first key's name).
    public var hintLabel: String?

    public init(
        _ keys: [Key], _ command: Command, label: String = "", help: String, keysLabel: String? = nil,
        hintLabel: String? = nil
    ) {
        self.keys = keys
        self.command = command
        self.label = label
        self.help = help
        self.keysLabel = keysLabel
        self.hintLabel = hintLabel
    }
}

/// One table of bindings drives dispatch, the footer hints and the help overlay, so
/// they can never disagree.
public struct Keymap<Command: Sendable>: Sendable {
    public var title: String
    public var bindings: [Binding<Command>]

    public init(_ title: String, _ bindings: [Binding<Command>]) {
        self.title = title
        self.bindings = bindings
    }

    /// The command bound to `key`, if any.
    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    /// `key label` pairs for the footer.
    public var hints: [(keys: String, label: String)] {
        bindings.filter { !$0.label.isEmpty }.map { ($0.hintLabel ?? $0.keys.first!.name, $0.label) }
    }

    /// Help lines: keys, then what they do.
    public var helpLines: [(keys: String, help: String)] {
        bindings.map { ($0.keysLabel ?? $0.keys.map(\.name).joined(separator: " "), $0.help) }
    }
}
