import FoundationEssentials

/// The text `JSONOutput` writes: punctuation, indentation, strings and numbers as
/// `JSONEncoder` writes them.
extension JSONOutput {
    func write(_ text: StaticString) {
        bytes.append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func indent(_ depth: Int) {
        var left = 2 * depth
        while left > 0 {
            let count = min(left, Self.spaces.utf8CodeUnitCount)
            bytes.append(UnsafeBufferPointer(start: Self.spaces.utf8Start, count: count))
            left -= count
        }
    }

    private static let spaces: StaticString = "                                                                "

    /// A JSON string with the escapes `JSONEncoder` uses.
    func write(string: String) {
        var text = string
        text.withUTF8 { write(escaping: $0) }
    }

    /// UTF-8 text as a JSON string: quoted, with quotes, backslashes and control
    /// characters escaped (the common ones by letter, others as `\u00XX`).
    func write(escaping utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        guard JSONEscaping.isNeeded(in: utf8) else {
            bytes.append(utf8)
            bytes.append(UInt8(ascii: "\""))
            return
        }
        var mark = 0
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            i += 1
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            bytes.append(UnsafeBufferPointer(rebasing: utf8[mark..<(i - 1)]))
            mark = i
            switch byte {
            case 0x22: write("\\\"")
            case 0x5C: write("\\\\")
            case 0x08: write("\\b")
            case 0x0C: write("\\f")
            case 0x0A: write("\\n")
            case 0x0D: write("\\r")
            case 0x09: write("\\t")
            default:
                let hex: StaticString = "0123456789abcdef"
                write("\\u00")
                bytes.append(hex.utf8Start[Int(byte >> 4)])
                bytes.append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        bytes.append(UnsafeBufferPointer(rebasing: utf8[mark...]))
        bytes.append(UInt8(ascii: "\""))
    }

    func write(integer: some FixedWidthInteger) {
        if integer == 0 { bytes.append(UInt8(ascii: "0")); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, enough for 64 bits
        var count = 0
        var rest = integer.magnitude
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            while rest != 0 {
                let (quotient, digit) = rest.quotientAndRemainder(dividingBy: 10)
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(digit)
                rest = quotient
            }
            if integer < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(UnsafeBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// A finite number as `JSONEncoder` writes it: its shortest description, without ".0".
    func write<F: BinaryFloatingPoint & CustomStringConvertible>(float: F) throws {
        guard float.isFinite else {
            throw EncodingError.invalidValue(float, .init(codingPath: path, debugDescription: "Unable to encode \(F.self).\(float) directly in JSON."))
        }
        var text = float.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { bytes.append($0) }
    }
}

/// A value `JSONOutput` writes as it is: booleans, numbers and strings.
protocol JSONScalar: Encodable {
    func write(to output: JSONOutput) throws
}

extension Bool: JSONScalar {
    func write(to output: JSONOutput) { self ? output.write("true") : output.write("false") }
}
extension String: JSONScalar {
    func write(to output: JSONOutput) { output.write(string: self) }
}
extension Double: JSONScalar {
    func write(to output: JSONOutput) throws { try output.write(float: self) }
}
extension Float: JSONScalar {
    func write(to output: JSONOutput) throws { try output.write(float: self) }
}
extension FixedWidthInteger where Self: Encodable {
    func write(to output: JSONOutput) { output.write(integer: self) }
}
extension Int: JSONScalar {}
extension Int8: JSONScalar {}
extension Int16: JSONScalar {}
extension Int32: JSONScalar {}
extension Int64: JSONScalar {}
extension UInt: JSONScalar {}
extension UInt8: JSONScalar {}
extension UInt16: JSONScalar {}
extension UInt32: JSONScalar {}
extension UInt64: JSONScalar {}
