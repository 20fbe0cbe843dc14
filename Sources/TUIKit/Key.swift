/// A key press, decoded by the backend.
public enum Key: Hashable, Sendable {
    /// A printable character (including wide and combined characters).
    case char(Character)
    /// Control plus a letter, e.g. `.ctrl("l")`.
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size.
    case resize

    /// How the key is written in hints and help: `j`, `Enter`, `Ctrl-L`, `F1`.
    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "Ctrl-\(String(c).uppercased())"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .resize: return "resize"
        }
    }

    /// Keys for each character of `text`, for tests and scripted input.
    public static func typing(_ text: String) -> [Key] { text.map { .char($0) } }
}
