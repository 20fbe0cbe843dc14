import CNcursesw
import Glibc
import TUIKit

/// The real terminal: draws canvases with ncursesw (only what changed), reads keys,
/// suspends for an external editor, and always gives the terminal back.
public final class Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Canvas?
    private let colors: Bool
    private var attributes: [Style: Int32] = [:]

    /// Takes over the terminal. `noColor` (the `NO_COLOR` convention) keeps attributes only.
    public init(noColor: Bool) throws {
        setlocale(LC_ALL, "")
        guard let screen = initscr() else { throw TerminalError.cannotStart }
        window = screen
        TerminalGuard.install()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        colors = !noColor && has_colors()
        if colors {
            start_color()
            use_default_colors()
        }
        attributes = Terminal.makeAttributes(colors: colors)
    }

    deinit { close() }

    /// Gives the terminal back (idempotent).
    public func close() {
        if isendwin() == false { endwin() }
    }

    /// The terminal's current size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Draws `canvas`, writing only the cells that changed since the last frame.
    public func draw(_ canvas: Canvas) {
        let full = previous.map { $0.width != canvas.width || $0.height != canvas.height } ?? true
        if full { werase(window) }
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let cell = canvas[x, y]
                if !full, let previous, previous[x, y] == cell { continue }
                if cell.text.isEmpty { continue }  // right half of a wide character
                put(cell, x: x, y: y)
            }
        }
        previous = canvas
        wnoutrefresh(window)
        doupdate()
    }

    /// Forgets what is on screen so the next draw repaints everything (Ctrl-L).
    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// The next key, or nil when none came within 100 ms (or, not `waiting`, when none is
    /// already there).
    public func readKey(waiting: Bool = true) -> Key? {
        var ch: wint_t = 0
        wtimeout(window, waiting ? 100 : 0)
        let result = wget_wch(window, &ch)
        if result == rapport_err() { return nil }
        if result == rapport_key_code_yes() { return KeyDecoder.special(Int32(ch)) }
        return KeyDecoder.character(UInt32(ch))
    }

    /// Leaves curses mode, runs `body` (an editor), and comes back.
    public func suspend<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        defer {
            reset_prog_mode()
            invalidate()
            refresh()
        }
        return try body()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var scalars = Array(cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) })
        scalars.append(0)
        let attrs = attributes[cell.style] ?? 0
        let pair = colors ? Int16(cell.style.rawValue + 1) : 0
        _ = scalars.withUnsafeBufferPointer {
            rapport_put_cell(window, Int32(y), Int32(x), $0.baseAddress, attrs, pair)
        }
    }

    private static func makeAttributes(colors: Bool) -> [Style: Int32] {
        let bold = Int32(rapport_a_bold())
        let reverse = Int32(rapport_a_reverse())
        let dim = Int32(rapport_a_dim())
        var result: [Style: Int32] = [:]
        for style in Style.allCases {
            if colors {
                let (fg, bg): (Int16, Int16)
                switch style {
                case .normal: (fg, bg) = (-1, -1)
                case .dim: (fg, bg) = (rapport_colors() >= 256 ? 244 : 7, -1)
                case .title: (fg, bg) = (6, -1)
                case .selected: (fg, bg) = (0, 6)
                case .good: (fg, bg) = (2, -1)
                case .warning: (fg, bg) = (3, -1)
                case .danger: (fg, bg) = (1, -1)
                case .accent: (fg, bg) = (4, -1)
                case .header: (fg, bg) = (-1, -1)
                }
                init_pair(Int16(style.rawValue + 1), fg, bg)
            }
            switch style {
            case .title, .header, .danger: result[style] = bold
            case .selected: result[style] = colors ? 0 : reverse
            case .dim: result[style] = colors ? 0 : dim
            case .warning: result[style] = colors ? 0 : bold
            default: result[style] = 0
            }
        }
        return result
    }
}

/// Why the terminal could not be used.
public enum TerminalError: Error, CustomStringConvertible {
    case cannotStart
    public var description: String {
        "cannot start the terminal interface (is TERM set, and is this a terminal?)"
    }
}

/// Turns ncurses key codes into `Key`s.
enum KeyDecoder {
    static func special(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == rapport_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    static func character(_ value: UInt32) -> Key? {
        switch value {
        // With nonl(), Enter is CR; a line feed is Ctrl-J (a new line in a multi-line field).
        case 13: return .enter
        case 10: return .ctrl("j")
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .char(Character(scalar))
        }
    }
}
