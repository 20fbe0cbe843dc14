/// One content line of a vCard (RFC 6350) or iCalendar (RFC 5545) file, unfolded:
/// `item1.EMAIL;TYPE=INTERNET,pref:ana@northwind.example` is the group `item1`, the name
/// `EMAIL`, the parameter `TYPE` with two values and the value after the first colon that
/// is not inside a quoted parameter value. Names and parameter names are upper-cased.
public struct ContentLine: Equatable, Sendable {
    /// The physical line the content line starts on, counting from 1.
    public var line: Int
    /// The vCard group before the name (`item1` in `item1.EMAIL`), as written.
    public var group: String?
    public var name: String
    /// Parameter values by parameter name; a bare parameter (`;PREF` in vCard 2.1) is a
    /// value of `TYPE`.
    public var parameters: [String: [String]]
    /// The value as written, escapes and all.
    public var value: String

    public init(
        line: Int, group: String? = nil, name: String, parameters: [String: [String]] = [:], value: String
    ) {
        self.line = line
        self.group = group
        self.name = name
        self.parameters = parameters
        self.value = value
    }

    /// Whether the parameter `name` has the value `value`, ignoring case.
    public func has(_ name: String, _ value: String) -> Bool {
        parameters[name]?.contains { $0.lowercased() == value.lowercased() } ?? false
    }

    /// The value read as TEXT: `\,` `\;` `\\` and `\n` (or `\N`) unescaped, the inverse of
    /// `ICalendar.escape`.
    public var text: String { Self.unescape(value) }

    /// The value split at each `;` that is not escaped, each part read as TEXT (vCard's
    /// structured `N` and `ADR`).
    public var components: [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for ch in value {
            if escaped {
                current.append("\\")
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == ";" {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        parts.append(current)
        return parts.map(Self.unescape)
    }

    /// TEXT unescaped; a backslash before any other character is kept with it.
    public static func unescape(_ raw: String) -> String {
        guard raw.contains("\\") else { return raw }
        var out = ""
        var escaped = false
        for ch in raw {
            if escaped {
                switch ch {
                case "n", "N": out.append("\n")
                case "\\", ",", ";", ":": out.append(ch)
                default:
                    out.append("\\")
                    out.append(ch)
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        if escaped { out.append("\\") }
        return out
    }
}

/// Reads a vCard or iCalendar file into content lines: a byte order mark dropped, CRLF,
/// LF or CR line ends, a line starting with a space or a tab continuing the one before
/// (folding), blank lines skipped; a line that is not a content line is an issue.
public enum ContentLines {
    public static func read(_ text: String) -> (lines: [ContentLine], problems: [ImportIssue]) {
        var lines: [ContentLine] = []
        var problems: [ImportIssue] = []
        var pending: (line: Int, text: String)?
        func flush() {
            guard let p = pending else { return }
            pending = nil
            guard !p.text.trimmingWhitespace().isEmpty else { return }
            switch parse(p.text, line: p.line) {
            case .success(let l): lines.append(l)
            case .failure(let problem): problems.append(problem)
            }
        }
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        var number = 0
        for physical in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            if let first = physical.first, first == " " || first == "\t", pending != nil {
                pending!.text += physical.dropFirst()
            } else {
                flush()
                pending = (number, String(physical))
            }
        }
        flush()
        return (lines, problems)
    }

    /// One unfolded line: `[group.]NAME *(;PARAM[=VALUE *(,VALUE)]) : value`.
    static func parse(_ text: String, line: Int) -> Result<ContentLine, ImportIssue> {
        var inQuotes = false
        var colon: String.Index?
        for i in text.indices {
            let ch = text[i]
            if ch == "\"" {
                inQuotes.toggle()
            } else if ch == ":" && !inQuotes {
                colon = i
                break
            }
        }
        guard let colon else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return .failure(
                ImportIssue(
                    line: line, column: nil,
                    message: "'\(TerminalText.visible(shown))' is not a content line (NAME:value)"))
        }
        let head = splitUnquoted(String(text[..<colon]), at: ";")
        var name = head[0].trimmingWhitespace()
        var group: String?
        if let dot = name.lastIndex(of: ".") {
            group = String(name[..<dot])
            name = String(name[name.index(after: dot)...])
        }
        guard !name.isEmpty else {
            return .failure(
                ImportIssue(line: line, column: nil, message: "a line has no property name before ':'"))
        }
        var parameters: [String: [String]] = [:]
        for parameter in head.dropFirst() {
            if let eq = parameter.firstIndex(of: "=") {
                let key = parameter[..<eq].trimmingWhitespace().uppercased()
                let values = splitUnquoted(String(parameter[parameter.index(after: eq)...]), at: ",").map {
                    $0.hasPrefix("\"") && $0.hasSuffix("\"") && $0.count >= 2
                        ? String($0.dropFirst().dropLast()) : $0
                }
                parameters[key, default: []] += values
            } else if !parameter.isEmpty {
                parameters["TYPE", default: []].append(parameter)
            }
        }
        return .success(
            ContentLine(
                line: line, group: group, name: name.uppercased(), parameters: parameters,
                value: String(text[text.index(after: colon)...])))
    }

    /// `text` split at each `separator` outside double quotes.
    static func splitUnquoted(_ text: String, at separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        for ch in text {
            if ch == "\"" { inQuotes.toggle() }
            if ch == separator && !inQuotes {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }
}
