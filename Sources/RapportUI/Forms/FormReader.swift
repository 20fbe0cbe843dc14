import RapportCore
import TUIKit

/// Reads a submitted form back by its kind's typed fields, collecting one message per
/// bad field (the form keeps them, and stays open with them).
struct FormReader<Field: RawRepresentable<String>> {
    /// The form as submitted, with the messages put on it so far.
    var form: Form
    let parser: DayParser
    /// Whether some field failed: the record is not saved.
    private(set) var failed = false

    init(form: Form, parser: DayParser) {
        self.form = form
        self.parser = parser
    }

    /// Puts a message on a field; the form is not saved.
    mutating func fail(_ field: Field, _ message: String) {
        form.setError(field.rawValue, message)
        failed = true
    }

    /// The field's text, trimmed ("" when the form lacks it).
    func text(_ field: Field) -> String { form[field.rawValue]?.value.trimmingWhitespace() ?? "" }

    /// Checks a rule of RapportCore's (the command line checks the same one); a broken rule
    /// puts its message on the field.
    mutating func check(_ field: Field, _ rule: () throws(InputError) -> Void) {
        do { try rule() } catch { fail(field, error.message) }
    }

    mutating func required(_ field: Field, _ what: String) -> String {
        let value = text(field)
        if value.isEmpty { fail(field, "\(what) is required") }
        return value
    }

    func choice<T: Choice>(_ field: Field) -> T { T(rawValue: text(field)) ?? T.allCases.first! }

    mutating func day(_ field: Field, _ direction: DayParser.Direction) -> Day? {
        let value = text(field)
        guard !value.isEmpty else { return nil }
        do { return try parser.parse(value, direction: direction) } catch {
            fail(field, error.message)
            return nil
        }
    }

    mutating func amount(_ field: Field) -> Int {
        let value = text(field)
        guard !value.isEmpty else { return 0 }
        do { return try Money.parse(value) } catch {
            fail(field, error.message)
            return 0
        }
    }

    mutating func days(_ field: Field) -> Int? {
        let value = text(field)
        guard !value.isEmpty else { return nil }
        guard let n = Int(value), n > 0, n <= 3650 else {
            fail(field, "'\(value)' is not a number of days (1–3650)")
            return nil
        }
        return n
    }

    /// A whole number within `range` (`unit` names it in the message); nil when blank.
    mutating func count(_ field: Field, _ range: ClosedRange<Int>, _ unit: String) -> Int? {
        let value = text(field)
        guard !value.isEmpty else { return nil }
        guard let n = Int(value), range.contains(n) else {
            fail(field, "'\(value)' is not a number of \(unit) (\(range.lowerBound)–\(range.upperBound))")
            return nil
        }
        return n
    }

    /// The contact chosen by name in a field of `Forms.contactChoices(a)`.
    func contactID(_ field: Field, in a: Account) -> RecordID? {
        let name = text(field)
        return Forms.contactChoices(a).first { $0.name == name }?.id
    }
}

/// What the forms of every kind share: choices made of codes, the contacts to pick
/// from, and the words for "none".
enum Forms {
    static let nobody = "nobody"
    static let notSet = "not set"

    static func codes<T: Choice>(_ type: T.Type) -> [String] { T.allCases.map(\.rawValue) }

    static func index<T: Choice>(_ value: T?, _ type: T.Type) -> Int {
        value.flatMap {
            T.allCases.firstIndex(of: $0).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) }
        } ?? 0
    }

    /// Contacts to pick from: current ones, main contact first.
    static func contactChoices(_ a: Account) -> [Contact] {
        a.currentContacts.sorted {
            ($0.level == .main ? 0 : 1, $0.name) < ($1.level == .main ? 0 : 1, $1.name)
        }
    }

    /// A form picks one contact; a record may hold more (logged elsewhere, or people who
    /// have left). The choice replaces whichever choosable contact was there and keeps
    /// the rest.
    static func replacingChosenContact(in ids: [RecordID], with chosen: RecordID?, of a: Account)
        -> [RecordID]
    {
        let choosable = Set(contactChoices(a).map(\.id))
        return (chosen.map { [$0] } ?? []) + ids.filter { $0 != chosen && !choosable.contains($0) }
    }
}

extension FormField {
    /// A field keyed by a form kind's typed field (TUIKit keys fields by its raw value).
    init(
        _ field: some RawRepresentable<String>, _ label: String, _ kind: Kind, value: String = "",
        choice: Int = 0, hint: String = "", replacesOnType: Bool = false
    ) {
        self.init(
            field.rawValue, label, kind, value: value, choice: choice, hint: hint,
            replacesOnType: replacesOnType)
    }
}
