import FoundationEssentials

/// The text `JSONOutput` writes: punctuation, indentation, strings and numbers as
/// `JSONEncoder` writes them.
extension JSONOutput {
    func write(_ text: StaticString) { bytes.append(text) }

    func indent(_ depth: Int) {
        var left = 2 * depth
        while left > 0 {
            let count = min(left, Self.spaces.utf8CodeUnitCount)
            bytes.append(UnsafeBufferPointer(start: Self.spaces.utf8Start, count: count))
            left -= count
        }
    }

    private static let spaces: StaticString =
        "                                                                "

    /// A JSON string with the escapes `JSONEncoder` uses.
    func write(string: String) {
        var text = string
        text.withUTF8 { write(escaping: $0) }
    }

    /// UTF-8 text as a JSON string: quoted and escaped.
    func write(escaping utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        bytes.append(jsonEscaped: utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    func write(integer: some FixedWidthInteger) { bytes.append(decimal: integer) }

    /// A finite number as `JSONEncoder` writes it: its shortest description, without ".0".
    func write<F: BinaryFloatingPoint & CustomStringConvertible>(float: F) throws {
        guard float.isFinite else {
            throw EncodingError.invalidValue(
                float,
                .init(
                    codingPath: path,
                    debugDescription: "Unable to encode \(F.self).\(float) directly in JSON."))
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
