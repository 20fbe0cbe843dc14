/// Writes the JSON arrays of `accounts --json` and `due --json` by hand: one object per
/// line, keys in a fixed order, every key always present. JSONEncoder on Linux needs
/// most of a second for ten thousand objects; this needs milliseconds.
struct JSONObjectWriter {
    private(set) var text = "{"
    private var first = true

    mutating func add(_ key: String, _ value: String?) {
        keyPrefix(key)
        if let value { JSONObjectWriter.quote(value, into: &text) } else { text += "null" }
    }

    mutating func add(_ key: String, _ value: Int?) {
        keyPrefix(key)
        text += value.map(String.init) ?? "null"
    }

    mutating func add(_ key: String, _ values: [String]) {
        keyPrefix(key)
        text += "["
        for (i, value) in values.enumerated() {
            if i > 0 { text += "," }
            JSONObjectWriter.quote(value, into: &text)
        }
        text += "]"
    }

    private mutating func keyPrefix(_ key: String) {
        text += first ? "\"" : ",\""
        first = false
        text += key
        text += "\":"
    }

    var finished: String { text + "}" }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// A JSON array of the objects, one per line.
    static func array(_ objects: [String]) -> String {
        objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
