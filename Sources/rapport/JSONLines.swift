import RapportCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes the JSON arrays of `accounts --json` and `due --json` by hand, into one byte
/// buffer: one object per line, keys in a fixed order, every key always present.
/// JSONEncoder on Linux needs most of a second for ten thousand objects, and building
/// a string per object was most of what remained.
struct JSONArrayWriter {
    private(set) var bytes: [UInt8] = []
    private var objects = 0
    private var firstKey = true

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func beginObject() {
        append(objects == 0 ? "[\n{" : ",\n{")
        objects += 1
        firstKey = true
    }

    mutating func endObject() { bytes.append(UInt8(ascii: "}")) }

    /// Closes the array, writes it to standard output and ends the process: the JSON
    /// is the command's last word, and freeing ten thousand digests one by one on the
    /// way out would cost a tenth of the command's time for nothing.
    consuming func writeToStandardOutputAndExit() -> Never {
        append(objects == 0 ? "[]\n" : "\n]\n")
        StandardOutput.write(bytes)
        exit(0)
    }

    mutating func add(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { quote(value.utf8) } else { append("null") }
    }

    mutating func add(_ key: StaticString, _ value: Int?) {
        self.key(key)
        if let value { bytes.append(contentsOf: String(value).utf8) } else { append("null") }
    }

    mutating func add(_ key: StaticString, _ values: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            quote(value.utf8)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func add(_ key: StaticString, _ day: Day?) {
        self.key(key)
        guard let day else { return append("null") }
        bytes.append(UInt8(ascii: "\""))
        day.appendISO(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A follow-up's text field as its digest keeps it (escaped with `FieldText`),
    /// after `prefix` (a follow-up's key is its account id, `/` and its key part).
    mutating func add(_ key: StaticString, prefix: String = "", field: ArraySlice<UInt8>) {
        self.key(key)
        bytes.append(UInt8(ascii: "\""))
        escape(prefix.utf8)
        if field.contains(FieldText.backslash) { escape(FieldText.unescapedBytes(field)) } else { escape(field) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func key(_ key: StaticString) {
        bytes.append(contentsOf: firstKey ? [UInt8(ascii: "\"")] : [UInt8(ascii: ","), UInt8(ascii: "\"")])
        firstKey = false
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private mutating func quote<S: Collection<UInt8>>(_ utf8: S) {
        bytes.append(UInt8(ascii: "\""))
        escape(utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Text inside a literal; copied whole unless something in it needs escaping.
    private mutating func escape<S: Collection<UInt8>>(_ utf8: S) {
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        for b in utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: bytes.append(b)
            }
        }
    }
}

/// Standard output for large outputs: the bytes as they are, without a copy into `Data`.
enum StandardOutput {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }
}
