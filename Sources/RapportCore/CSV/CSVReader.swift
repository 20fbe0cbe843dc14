/// One record of a CSV file: its fields, the line it starts on (1 is the first line of
/// the file) and, when it could not be read as written, why.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]
    /// Set when the record breaks the format (text after a closing quote); its fields
    /// are then what could be read.
    public var problem: String?

    public init(line: Int, fields: [String], problem: String? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
    }
}

/// A CSV file read whole: the header's column names and the records after it.
public struct CSVTable: Equatable, Sendable {
    public var delimiter: UInt8
    public var header: [String]
    /// The line the header is on (2 after Excel's `sep=;` line, else 1).
    public var headerLine: Int
    public var records: [CSVRecord]
}

/// Reads CSV as RFC 4180 describes it and as real exports write it: a UTF-8 byte-order
/// mark, fields quoted with `"` (holding the delimiter, `""` for a quote, line breaks),
/// CRLF, LF or CR line ends, a last line with or without its line end, and `,`, `;` or
/// tab as the delimiter, detected from the header line (or named by Excel's `sep=;`
/// first line). Blank lines are skipped. A quote inside an unquoted field is kept as
/// text, as spreadsheets read it.
public enum CSVReader {
    /// Reads the file's bytes; throws when the file as a whole cannot be read (not
    /// UTF-8, no header, a quote left open).
    public static func read(_ bytes: [UInt8]) throws(InputError) -> CSVTable {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.count >= start + 2,
            (bytes[start] == 0xFF && bytes[start + 1] == 0xFE)
                || (bytes[start] == 0xFE && bytes[start + 1] == 0xFF)
        {
            throw InputError("the file is UTF-16; save it as CSV UTF-8 (comma or semicolon delimited)")
        }
        var line = 1
        var delimiter: UInt8?
        if let (named, next) = excelSeparator(bytes, from: start) {
            delimiter = named
            start = next
            line = 2
        }
        let chosen = delimiter ?? detectDelimiter(bytes, from: start)
        var parser = Parser(bytes: bytes, position: start, line: line, delimiter: chosen)
        var header: CSVRecord?
        var records: [CSVRecord] = []
        while let record = try parser.next() {
            if header == nil {
                header = record
            } else {
                records.append(record)
            }
        }
        guard let header, header.fields.contains(where: { !$0.isEmpty }) else {
            throw InputError("the file has no header line; the first line must name the columns")
        }
        return CSVTable(
            delimiter: chosen, header: header.fields.map { $0.trimmingWhitespace() }, headerLine: header.line,
            records: records)
    }

    /// Excel's `sep=;` first line: the delimiter it names and where the next line starts.
    static func excelSeparator(_ bytes: [UInt8], from start: Int) -> (UInt8, Int)? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= start + 5, bytes[start..<start + 4].elementsEqual(prefix) else { return nil }
        let named = bytes[start + 4]
        var next = start + 5
        if next < bytes.count && bytes[next] == UInt8(ascii: "\r") { next += 1 }
        guard next == bytes.count || bytes[next] == UInt8(ascii: "\n") else { return nil }
        return (named, min(next + 1, bytes.count))
    }

    /// The delimiter the header line uses most, outside quotes: `,` unless `;` or tab
    /// is more frequent.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                quoted.toggle()
            } else if !quoted && (b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r")) {
                break
            } else if !quoted, let n = counts[b] {
                counts[b] = n + 1
            }
            i += 1
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        return best.value > counts[UInt8(ascii: ",")]! ? best.key : UInt8(ascii: ",")
    }

    /// Reads records one at a time.
    struct Parser {
        let bytes: [UInt8]
        var position: Int
        var line: Int
        let delimiter: UInt8

        /// The next record that is not a blank line; nil at the end.
        mutating func next() throws(InputError) -> CSVRecord? {
            while position < bytes.count {
                if let record = try readRecord(), record.fields != [""] { return record }
            }
            return nil
        }

        /// One record up to and including its line end.
        private mutating func readRecord() throws(InputError) -> CSVRecord? {
            let startLine = line
            var fields: [String] = []
            var problem: String?
            var field: [UInt8] = []
            var quoted = false
            var wasQuoted = false
            while position < bytes.count {
                let b = bytes[position]
                position += 1
                if quoted {
                    if b == UInt8(ascii: "\"") {
                        if position < bytes.count && bytes[position] == UInt8(ascii: "\"") {
                            field.append(b)
                            position += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        if b == UInt8(ascii: "\n")
                            || (b == UInt8(ascii: "\r") && peek() != UInt8(ascii: "\n"))
                        {
                            line += 1
                        }
                        field.append(b)
                    }
                    continue
                }
                if b == delimiter {
                    fields.append(try text(field, line: startLine))
                    field.removeAll(keepingCapacity: true)
                    wasQuoted = false
                } else if b == UInt8(ascii: "\r") || b == UInt8(ascii: "\n") {
                    if b == UInt8(ascii: "\r") && peek() == UInt8(ascii: "\n") { position += 1 }
                    line += 1
                    break
                } else if b == UInt8(ascii: "\"") && field.isEmpty && !wasQuoted {
                    quoted = true
                    wasQuoted = true
                } else {
                    if wasQuoted && problem == nil {
                        problem = "text after the closing quote of field \(fields.count + 1)"
                    }
                    field.append(b)
                }
            }
            if quoted {
                throw InputError(
                    "line \(startLine): a quoted field is never closed; every \" that opens a field needs one that closes it"
                )
            }
            fields.append(try text(field, line: startLine))
            return CSVRecord(line: startLine, fields: fields, problem: problem)
        }

        private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        private func text(_ field: [UInt8], line: Int) throws(InputError) -> String {
            guard let s = String(validating: field, as: UTF8.self) else {
                throw InputError(
                    "line \(line) is not UTF-8 text; save the file as CSV UTF-8 (most spreadsheets offer it)")
            }
            return s
        }
    }
}
