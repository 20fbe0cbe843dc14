/// Writes CSV as RFC 4180 asks and spreadsheets read: CRLF after every record, a field
/// quoted when it holds the delimiter, a quote, a line break or spaces at either end
/// (a quote doubled), UTF-8 without a byte-order mark unless asked for.
public struct CSVWriter: Sendable {
    public let delimiter: UInt8
    public private(set) var bytes: [UInt8] = []

    /// A writer for `delimiter` (`,` or `;`); `byteOrderMark` starts the text with
    /// U+FEFF, which Excel needs to read UTF-8 when the file is opened by double-click.
    public init(delimiter: UInt8 = UInt8(ascii: ","), byteOrderMark: Bool = false) {
        self.delimiter = delimiter
        if byteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
    }

    /// Appends one record.
    public mutating func write(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(delimiter) }
            append(field)
        }
        bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }

    private mutating func append(_ field: String) {
        let utf8 = field.utf8
        let needsQuotes =
            utf8.contains { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            || utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { bytes.append(b) }
            bytes.append(b)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
