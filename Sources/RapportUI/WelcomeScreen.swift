import TUIKit

/// Shown when there is no store yet.
enum WelcomeScreen {
    static func handle(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch Keymaps.welcome.command(for: key) {
        case .demo: return [.createStore(demo: true)]
        case .empty: return [.createStore(demo: false)]
        case .quit:
            state.quitting = true
            return []
        case nil: return []
        }
    }

    static func render(_ state: AppState, into canvas: inout Canvas, body: Rect) {
        // The keys as the keymap has them: "d  create the demo portfolio (…)".
        let keys = Keymaps.welcome.bindings.map { binding -> (String, Style) in
            (
                "\(binding.keys[0].name)  \(binding.help.prefix(1).lowercased())\(binding.help.dropFirst())",
                .normal
            )
        }
        let lines: [(String, Style)] =
            [
                ("Welcome to Rapport", .title),
                ("", .normal),
                ("Keep your key customer relationships healthy: every touch, every", .normal),
                ("concern, and what is due, across all your accounts.", .normal),
                ("", .normal),
                ("There is no store at \(state.storePath) yet.", .dim),
                ("", .normal)
            ] + keys
        let rect = body.centered(width: min(body.width, 72), height: lines.count)
        for (i, line) in lines.enumerated() {
            canvas.put(line.0, x: rect.x, y: rect.y + i, style: line.1, limit: rect.width)
        }
    }
}

/// Commands of the welcome screen (no store yet).
enum WelcomeCommand: Sendable { case demo, empty, quit }

extension Keymaps {
    static let welcome = Keymap<WelcomeCommand>(
        "Welcome",
        [
            Binding(
                [.char("d"), .enter], .demo, label: "demo portfolio",
                help: "Create the demo portfolio (27 realistic accounts)"),
            Binding([.char("e")], .empty, label: "empty store", help: "Start with an empty store"),
            Binding([.char("q"), .escape], .quit, label: "quit", help: "Quit")
        ])
}
