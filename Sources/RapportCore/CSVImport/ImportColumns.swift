/// Which field each column of a CSV file fills: the standard headers, then the user's
/// `--map COLUMN=FIELD` choices over them.
public struct ImportColumns: Sendable {
    public let kind: ImportKind
    public let header: [String]
    /// The field of each column; nil for a column nothing reads.
    public let fields: [ImportField?]
    /// Columns `--map COLUMN=ignore` leaves out.
    let ignored: Set<Int>
    /// Columns neither a standard header nor mapped, named once to the user.
    public var unread: [String] {
        header.indices.filter { fields[$0] == nil && !ignored.contains($0) && !header[$0].isEmpty }.map {
            header[$0]
        }
    }

    public init(header: [String], kind: ImportKind, maps: [String] = []) throws(InputError) {
        self.kind = kind
        self.header = header
        var fields = header.map { ImportField.standard($0, for: kind) }
        var ignored = Set<Int>()
        for map in maps {
            let (column, field) = try Self.parse(map, header: header, kind: kind)
            fields[column] = field == .ignore ? nil : field
            if field == .ignore { ignored.insert(column) }
        }
        self.ignored = ignored
        for (i, field) in fields.enumerated() {
            guard let field, let other = fields[(i + 1)...].firstIndex(of: field) else { continue }
            throw InputError(
                "the columns '\(header[i])' and '\(header[other])' both fill \(field.rawValue); "
                    + "add --map '\(header[other])=ignore' (or map it to another field)")
        }
        self.fields = fields
        try requireNeeded()
    }

    /// The column `field` is read from, if any.
    public func column(of field: ImportField) -> Int? { fields.firstIndex(of: field) }

    /// `COLUMN=FIELD`, the column found by its header ignoring case.
    static func parse(_ map: String, header: [String], kind: ImportKind) throws(InputError) -> (
        Int, ImportField
    ) {
        let accepted = ImportField.fields(for: kind).map(\.rawValue).joined(separator: ", ")
        guard let equals = map.lastIndex(of: "=") else {
            throw InputError("--map '\(map)' is not COLUMN=FIELD; FIELD is one of \(accepted)")
        }
        let name = String(map[..<equals]).trimmingWhitespace()
        let fieldName = String(map[map.index(after: equals)...]).trimmingWhitespace().lowercased()
        guard let column = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
            throw InputError(
                "--map '\(map)': the file has no column '\(name)'; its columns are "
                    + header.map { "'\($0)'" }.joined(separator: ", "))
        }
        guard let field = ImportField(rawValue: fieldName), ImportField.fields(for: kind).contains(field)
        else {
            throw InputError(
                "--map '\(map)': '\(fieldName)' is not a field of \(kind.rawValue); expected \(accepted)")
        }
        return (column, field)
    }

    /// The fields without which no row of the kind can be read.
    private func requireNeeded() throws(InputError) {
        func need(_ any: [ImportField], _ what: String) throws(InputError) {
            guard !any.contains(where: { column(of: $0) != nil }) else { return }
            let standard = ImportField.standardHeaders[kind, default: [:]].filter { any.contains($0.value) }
                .keys
            throw InputError(
                "no column gives \(what); name one \(standard.sorted().map { "'\($0)'" }.joined(separator: ", ")) "
                    + "(any case), or add --map COLUMN=\(any[0].rawValue)")
        }
        switch kind {
        case .accounts:
            try need([.name], "the account's name")
        case .contacts:
            try need([.name, .firstName, .lastName], "the contact's name")
            try need([.account, .accountID], "the contact's account")
        case .touchpoints:
            try need([.account, .accountID], "the touchpoint's account")
            try need([.date], "the touchpoint's day")
            try need([.kind], "the touchpoint's kind")
            try need([.summary], "what happened")
        }
    }
}

/// One data row of the file, read through the columns: trimmed text by field, and where
/// it came from for the messages.
public struct ImportRow: Sendable {
    public let line: Int
    let fields: [String]
    let columns: ImportColumns

    public init(_ record: CSVRecord, columns: ImportColumns) {
        line = record.line
        fields = record.fields
        self.columns = columns
    }

    /// The field's text, trimmed; nil when there is no such column or the cell is empty.
    public subscript(_ field: ImportField) -> String? {
        guard let i = columns.column(of: field), i < fields.count else { return nil }
        let text = fields[i].trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    /// The header of the column `field` is read from, for messages.
    public func columnName(_ field: ImportField) -> String {
        columns.column(of: field).map { columns.header[$0] } ?? field.rawValue
    }

    /// A problem with the field's cell.
    public func issue(_ field: ImportField?, _ message: String) -> ImportIssue {
        ImportIssue(line: line, column: field.map(columnName), message: message)
    }
}

/// A bad row: the line it starts on, the column and the reason.
public struct ImportIssue: Equatable, Sendable, CustomStringConvertible, Error {
    public var line: Int
    public var column: String?
    public var message: String

    public init(line: Int, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "line \(line)" + (column.map { ", column '\($0)'" } ?? "") + ": " + message
    }
}
