/// One follow-up as an account's digest keeps it: the numbers ranking needs, and the
/// rest (key part, title, owner, why) as escaped text in the digest's `dueText`, turned
/// into a `FollowUp` only for the items shown or printed. Ten thousand accounts hold
/// over a hundred thousand follow-ups; building all their strings at start-up is what
/// made the lists slow.
public struct DueEntry: Hashable, Sendable {
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
    /// Sets the follow-ups from entries whose text ranges index into `text` (how the
    /// index reads them: `text` is a slice of the shard's bytes, kept without a copy).
    public mutating func setFollowUps(_ entries: [DueEntry], text: ArraySlice<UInt8>) {
        dueEntries = entries
        dueText = text
    }

    /// Adds a follow-up (built from the account).
    public mutating func append(_ f: FollowUp) {
        var bytes: [UInt8] = []
        FieldText.escape(f.ref.keyPart, into: &bytes); bytes.append(FieldText.tab)
        FieldText.escape(f.title, into: &bytes); bytes.append(FieldText.tab)
        FieldText.escape(f.owner, into: &bytes); bytes.append(FieldText.tab)
        FieldText.escape(f.why, into: &bytes)
        let start = dueText.endIndex
        dueText.append(contentsOf: bytes)
        dueEntries.append(DueEntry(due: f.due, redFrom: f.redFrom, neverDone: f.neverDone, severity: f.severity,
                                   source: f.source, text: start..<dueText.endIndex))
    }

    /// The escaped text of entry `i` (all four fields).
    public func escapedText(of i: Int) -> ArraySlice<UInt8> { dueText[dueEntries[i].text] }

    /// The four escaped fields of entry `i`, found in one pass (a missing one is empty).
    public func escapedFields(of i: Int) -> (keyPart: ArraySlice<UInt8>, title: ArraySlice<UInt8>, owner: ArraySlice<UInt8>, why: ArraySlice<UInt8>) {
        var rest = escapedText(of: i)
        func next() -> ArraySlice<UInt8> {
            let end = rest.firstIndex(of: FieldText.tab) ?? rest.endIndex
            defer { rest = rest[min(end + 1, rest.endIndex)...] }
            return rest[..<end]
        }
        let keyPart = next(), title = next(), owner = next()
        return (keyPart, title, owner, rest)
    }

    /// Entry `i` as a follow-up, before snoozes and urgency.
    public func followUp(at i: Int) -> FollowUp {
        let entry = dueEntries[i]
        let fields = escapedFields(of: i)
        // Key parts are written from a `DueRef`, and the index checks them when read.
        let ref = DueRef(keyPart: FieldText.unescape(fields.keyPart))!
        return FollowUp(accountID: id, accountName: name, title: FieldText.unescape(fields.title), ref: ref, due: entry.due,
                        owner: FieldText.unescape(fields.owner), why: FieldText.unescape(fields.why), redFrom: entry.redFrom,
                        neverDone: entry.neverDone, severity: entry.severity)
    }

    /// Every follow-up, before snoozes and urgency.
    public var followUps: [FollowUp] { dueEntries.indices.map(followUp(at:)) }
}
