import RapportCore

/// A kind of form: its fields, how it reads them back into what to save, and what
/// saving it leads to. Its value says what the form creates or edits.
protocol FormKind: Equatable, Sendable {
    /// The form's fields; their raw values key the TUIKit form's fields.
    associatedtype Field: RawRepresentable<String>

    /// The effects that store what the form says, or messages put on `r`'s fields.
    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect]

    /// What follows once the form is saved (its effects are on their way to the store).
    func followUp(after effects: [Effect], state: inout AppState)
}

extension FormKind {
    func followUp(after effects: [Effect], state: inout AppState) {}

    /// Whether `other` is this kind, with this value.
    func isEqual(to other: any FormKind) -> Bool { (other as? Self) == self }
}

/// What a form creates or edits: a form kind's value, made with the factories each
/// kind's file adds (`.logTouchpoint(account:)` is `TouchpointForm.log(account:)`).
struct FormPurpose: Equatable, Sendable {
    /// The kind that reads the form back.
    let kind: any FormKind

    init(_ kind: some FormKind) { self.kind = kind }

    static func == (lhs: FormPurpose, rhs: FormPurpose) -> Bool { lhs.kind.isEqual(to: rhs.kind) }
}

/// Which part of a worksheet a form edits (nil ids: a new entry).
enum WorksheetPart: Equatable, Sendable {
    case define
    case cause(RecordID?)
    case option(RecordID?)
    case implications(RecordID)
    case decision
    case action(RecordID?)
    case evaluation, frame
}
