/// Reading a row's cells as values, each refusal naming the column and what is accepted.
extension ImportRow {
    /// A choice (`key`, `at-risk`), by its value or label, ignoring case.
    func choice<T: Choice>(_ field: ImportField) throws(ImportIssue) -> T? {
        guard let text = self[field] else { return nil }
        guard let value = T(parsing: text) else {
            throw issue(field, "'\(text)' is not valid; expected \(T.acceptedList)")
        }
        return value
    }

    /// An amount in either convention (`1.200.000,50`, `1,200,000.50`); one that reads
    /// two ways is refused with both readings.
    func money(_ field: ImportField) throws(ImportIssue) -> Int? {
        guard let text = self[field] else { return nil }
        do {
            return try Money.parse(text)
        } catch {
            throw issue(field, error.message)
        }
    }

    /// A day: `YYYY-MM-DD` or any form the command line takes.
    func day(_ field: ImportField, today: Day, direction: DayParser.Direction) throws(ImportIssue) -> Day? {
        guard let text = self[field] else { return nil }
        do {
            return try DayParser(today: today).parse(text, direction: direction)
        } catch {
            throw issue(field, error.message)
        }
    }

    /// A list in one cell, split at `;` (and at `,` when there is no `;`).
    func list(_ field: ImportField) -> [String]? {
        guard let text = self[field] else { return nil }
        let separator: Character = text.contains(";") ? ";" : ","
        return text.split(separator: separator).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    /// Our own id, if the cell holds one that can be an id.
    var ownID: RecordID? { self[.id].flatMap { RecordID(rawValue: $0) } }

    /// A person's name: the name column, else first and last name joined.
    var personName: String? {
        if let name = self[.name] { return name }
        let parts = [self[.firstName], self[.lastName]].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
