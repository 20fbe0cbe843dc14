/// The fields of a contact a command names, each nil when it is not named: applied to
/// the contact as it is in the newest file, it changes those and no other (the edit goes
/// through `Mutation.editContact`, like the app's form; D45). `.some(nil)` clears an optional field.
public struct ContactChange: Equatable, Sendable {
    public var name: String?
    public var title: String?
    public var level: ContactLevel?
    public var email: String?
    public var phone: String?
    public var channel: Channel?
    public var reportFrequency: ReportFrequency??
    public var keepInTouch: KeepInTouch??
    public var leftOn: Day??
    public var notes: String?

    public init() {}

    /// Whether no field is named.
    public var isEmpty: Bool { self == ContactChange() }

    /// `contact` with the named fields changed.
    public func applied(to contact: Contact) -> Contact {
        var mine = contact
        if let name { mine.name = name }
        if let title { mine.title = title }
        if let level { mine.level = level }
        if let email { mine.email = email }
        if let phone { mine.phone = phone }
        if let channel { mine.channel = channel }
        if let reportFrequency { mine.reportFrequency = reportFrequency }
        if let keepInTouch { mine.keepInTouch = keepInTouch }
        if let leftOn { mine.leftOn = leftOn }
        if let notes { mine.notes = notes }
        return mine
    }
}
