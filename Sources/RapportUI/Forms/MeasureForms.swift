import RapportCore
import TUIKit

/// Tracks a measure of the account's health, or redefines one (saying why, once it has
/// readings: the old definition is kept with it).
enum MeasureForm: FormKind {
    case add(account: RecordID)
    /// Edits the measure as it was when the form opened.
    case edit(account: RecordID, base: Measure)

    /// The form's fields, in the order they show (reason: once it has readings).
    enum Field: String, CaseIterable {
        case name, unit, direction, satisfaction, reason
    }

    static func make(_ m: Measure?) -> Form {
        var fields = [
            FormField(
                Field.name, "Name", .text, value: m?.name ?? "", hint: "e.g. Active users, Discount requests"),
            FormField(Field.unit, "Unit", .text, value: m?.unit ?? "", hint: "users, %, requests"),
            FormField(
                Field.direction, "Better when", .choice(Forms.codes(MeasureDirection.self)),
                choice: Forms.index(m?.direction, MeasureDirection.self)),
            FormField(
                Field.satisfaction, "Satisfaction?", .choice(["no", "yes"]),
                choice: m?.isSatisfaction == true ? 1 : 0)
        ]
        if let m, !m.readings.isEmpty {
            fields.append(
                FormField(
                    Field.reason, "Why it changes", .text,
                    hint: "required: the old definition is kept with it"))
        }
        return Form(title: m == nil ? "Track a measure" : "Edit \(m!.name)", fields: fields)
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let id: RecordID
        switch self {
        case .add(let account), .edit(let account, _): id = account
        }
        let name = r.required(.name, "A name")
        var base: Measure?
        if case .edit(_, let measure) = self { base = measure }
        var m = base ?? Measure(name: name, createdOn: state.today)
        do {
            try m.redefine(
                name: name, unit: r.text(.unit), direction: r.choice(.direction),
                reason: r.text(.reason), on: state.today)
        } catch {
            r.fail(.reason, "\(error)")
        }
        m.isSatisfaction = r.text(.satisfaction) == "yes"
        let mutation = base.map { Mutation.editMeasure(base: $0, mine: m) } ?? .addMeasure(m)
        return [.mutate(id, [mutation], message: "Saved measure \(name)")]
    }
}

/// Records a measure's reading for a month (last month, unless told otherwise).
struct ReadingForm: FormKind {
    var account: RecordID
    var measure: RecordID

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case month, value, note
    }

    static func make(_ m: Measure, state: AppState) -> Form {
        let month = YearMonth(state.today).adding(months: -1)
        return Form(
            title: "Reading · \(m.name)",
            fields: [
                FormField(
                    Field.month, "Month", .text, value: month.iso, hint: "YYYY-MM", replacesOnType: true),
                FormField(Field.value, "Value", .number, hint: m.unit),
                FormField(Field.note, "Note", .text)
            ], focus: 1)
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        guard let m = state.account(account)?.measures.first(where: { $0.id == measure }) else { return [] }
        let monthText = r.text(.month)
        let month = YearMonth(iso: monthText)
        if month == nil {
            r.fail(
                .month, "'\(monthText)' is not a month; expected YYYY-MM, e.g. \(YearMonth(state.today).iso)")
        }
        if let month, month > YearMonth(state.today) {
            r.fail(.month, "\(month.iso) has not started yet")
        }
        if let month {
            do { try YearMonth.validateSupported(month) } catch { r.fail(.month, error.message) }
        }
        let raw = r.required(.value, "The value")
        var value: Double?
        if !raw.isEmpty {
            do { value = try MeasureReading.parseValue(raw) } catch { r.fail(.value, error.message) }
        }
        guard let month, let value else { return [] }
        let reading = MeasureReading(month: month, value: value, note: r.text(.note))
        return [
            .mutate(
                account, [.addReading(measure: measure, reading)],
                message: "\(m.name): \(Measure.format(value)) for \(month.name) \(month.year)")
        ]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static func addMeasure(account: RecordID) -> Self { Self(MeasureForm.add(account: account)) }
    static func editMeasure(account: RecordID, _ m: Measure) -> Self {
        Self(MeasureForm.edit(account: account, base: m))
    }
    static func addReading(account: RecordID, _ measure: RecordID) -> Self {
        Self(ReadingForm(account: account, measure: measure))
    }
}
