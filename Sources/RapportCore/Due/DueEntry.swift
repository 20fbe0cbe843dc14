/// One follow-up as an account's digest keeps it: the numbers ranking needs, and the
/// rest (key part, title, owner, why) as escaped text in the digest's `dueText`, turned
/// into a `FollowUp` only for the items shown or printed. Ten thousand accounts hold
/// over a hundred thousand follow-ups; building all their strings at start-up is what
/// made the lists slow.
public struct DueEntry: Hashable, Sendable {
    /// The text fields, in the order they are kept.
    public enum Field: Int, Sendable {
        case keyPart, title, owner, why
    }

    public var due: Day
    public var redFrom: Day?
    public var neverDone: Bool
    public var severity: Severity?
    public var source: DueSource
    /// Where the entry's fields (tab-separated, escaped with `FieldText`) sit in `dueText`.
    public var text: Range<Int>

    public init(due: Day, redFrom: Day?, neverDone: Bool, severity: Severity?, source: DueSource, text: Range<Int>) {
        self.due = due; self.redFrom = redFrom; self.neverDone = neverDone; self.severity = severity
        self.source = source; self.text = text
    }
}

extension AccountDigest {
    /// Adds a follow-up from its numbers and its fields as already escaped text
    /// (`keyPart`, `title`, `owner`, `why`, tab-separated): how the index reads one.
    public mutating func appendFollowUp(due: Day, redFrom: Day?, neverDone: Bool, severity: Severity?,
                                        source: DueSource, escapedText: ArraySlice<UInt8>) {
        let start = dueText.count
        dueText.append(contentsOf: escapedText)
        dueEntries.append(DueEntry(due: due, redFrom: redFrom, neverDone: neverDone, severity: severity,
                                   source: source, text: start..<dueText.count))
    }

    /// Adds a follow-up (built from the account).
    public mutating func append(_ f: FollowUp) {
        let start = dueText.count
        FieldText.escape(f.ref.keyPart, into: &dueText); dueText.append(FieldText.tab)
        FieldText.escape(f.title, into: &dueText); dueText.append(FieldText.tab)
        FieldText.escape(f.owner, into: &dueText); dueText.append(FieldText.tab)
        FieldText.escape(f.why, into: &dueText)
        dueEntries.append(DueEntry(due: f.due, redFrom: f.redFrom, neverDone: f.neverDone, severity: f.severity,
                                   source: f.source, text: start..<dueText.count))
    }

    /// The escaped text of entry `i` (all four fields).
    public func escapedText(of i: Int) -> ArraySlice<UInt8> { dueText[dueEntries[i].text] }

    /// One escaped field of entry `i`.
    public func escapedField(_ field: DueEntry.Field, of i: Int) -> ArraySlice<UInt8> {
        FieldText.field(field.rawValue, of: escapedText(of: i))
    }

    public func field(_ field: DueEntry.Field, of i: Int) -> String {
        FieldText.unescape(escapedField(field, of: i))
    }

    /// Entry `i` as a follow-up, before snoozes and urgency.
    public func followUp(at i: Int) -> FollowUp {
        let entry = dueEntries[i]
        let text = escapedText(of: i)
        // Key parts are written from a `DueRef`, and the index checks them when read.
        let ref = DueRef(keyPart: FieldText.unescape(FieldText.field(0, of: text)))!
        return FollowUp(accountID: id, accountName: name, title: FieldText.unescape(FieldText.field(1, of: text)),
                        ref: ref, due: entry.due, owner: FieldText.unescape(FieldText.field(2, of: text)),
                        why: FieldText.unescape(FieldText.field(3, of: text)), redFrom: entry.redFrom,
                        neverDone: entry.neverDone, severity: entry.severity)
    }

    /// Every follow-up, before snoozes and urgency.
    public var followUps: [FollowUp] { dueEntries.indices.map(followUp(at:)) }
}
