import IndexKit
import RapportCore

#if canImport(Glibc)
    import Glibc
#endif

/// The index's text format: one `A` line per account (its file stamp and digest),
/// followed by an `F` line per follow-up and an `S` line per snooze. Fields are
/// tab-separated and escaped with `FieldText`; list elements are joined by U+001F
/// (which escaping never leaves in an element). Days are day ordinals.
///
/// An `F` line is `F, due, red from, never done, severity, source` and then the
/// entry's four text fields exactly as the digest keeps them, so reading one copies
/// bytes and parses five numbers: no strings are built until an item is shown.
/// Hand-written because JSONDecoder needs most of a second for ten thousand digests.
/// The follow-ups a list wants: those due within `days` of `today` (overdue ones too).
struct DueHorizon: Sendable {
    let days: Int
    let today: Day
}

enum DigestCodec {
    struct Entry: Equatable, Sendable {
        var stamp: FileStamp
        var digest: AccountDigest
    }

    struct Malformed: Error {}

    /// The sources in the order an `F` line numbers them, made once (`allCases` makes
    /// its array at every call: three times per follow-up read).
    static let sources = DueSource.allCases

    // MARK: Encoding

    static func encode(_ entry: Entry, into out: inout [UInt8]) {
        let d = entry.digest
        out.append(UInt8(ascii: "A"))
        for field in [
            d.id.rawValue, String(entry.stamp.size), String(entry.stamp.modifiedNanoseconds), d.name, d.owner,
            d.tier.rawValue, d.status.rawValue, d.season.rawValue, d.market, String(d.annualValue),
            String(d.lifetimeValue)
        ] {
            out.append(FieldText.tab)
            FieldText.escape(field, into: &out)
        }
        out.append(FieldText.tab)
        out.append(contentsOf: d.listText)  // tags, a tab, contact names: the line's fields 12 and 13
        for field in [
            day(d.lastTouch), d.health.map(String.init) ?? "", d.healthChange.map(String.init) ?? "",
            d.fixedFlags.map(\.rawValue).joined(separator: ","), day(d.lateConcernFrom),
            day(d.outOfTouchFrom),
            String(d.openConcerns), d.traits.encoded
        ] {
            out.append(FieldText.tab)
            FieldText.escape(field, into: &out)
        }
        out.append(FieldText.newline)
        for (i, e) in d.dueEntries.enumerated() {
            let numbers = [
                day(e.due), day(e.redFrom), e.neverDone ? "1" : "",
                e.severity.map { String($0.weight) } ?? "",
                String(sources.firstIndex(of: e.source)!)
            ]
            out.append(UInt8(ascii: "F"))
            for n in numbers {
                out.append(FieldText.tab)
                out.append(contentsOf: n.utf8)
            }
            out.append(FieldText.tab)
            out.append(contentsOf: d.dueEntries.text(of: i))
            out.append(FieldText.newline)
        }
        for s in d.snoozes {
            out.append(UInt8(ascii: "S"))
            for field in [s.itemKey, day(s.until), s.reason, day(s.on)] {
                out.append(FieldText.tab)
                FieldText.escape(field, into: &out)
            }
            out.append(FieldText.newline)
        }
    }

    private static func day(_ d: Day?) -> String { d.map { String($0.ordinal) } ?? "" }

    // MARK: Decoding

    /// Parses a shard's entries (after its header line); throws on anything malformed.
    /// Follow-up text stays in `bytes`: each digest keeps a slice of it, and the entries
    /// of all the shard's follow-ups are in one buffer. Read through one buffer by
    /// position: a slice per line and field would count references to the shard's
    /// bytes a million times over.
    ///
    /// With `within`, for the due list (`FileStore.dueAccounts`): a follow-up due more than
    /// `days` after `today` is passed over unread (a snooze only ever moves a follow-up
    /// later; reading the rest was a third of `rapport due`'s reading), and each digest
    /// holds only what the due list reads (`DueListed`): its owner, market, tags, contact
    /// names, flags and traits are left unread (the traits alone were 6% of it, D57).
    static func decode(_ bytes: SharedBytes, within: DueHorizon? = nil) throws -> [Entry] {
        try bytes.withUnsafeBufferPointer { buffer throws(Malformed) -> [Entry] in
            let shard = ShardText(bytes: buffer, source: bytes)
            var entries: [Entry] = []
            entries.reserveCapacity(64)
            var followUps: [DueEntry] = []
            followUps.reserveCapacity(1024)
            // Each entry's follow-ups: where they start in `followUps`.
            var firstFollowUp: [Int] = []
            firstFollowUp.reserveCapacity(64)
            var fields: [Range<Int>] = []
            var lineStart = 0
            while lineStart < buffer.count {
                let lineEnd = shard.find(FieldText.newline, in: lineStart..<buffer.count) ?? buffer.count
                let line = lineStart..<lineEnd
                lineStart = lineEnd + 1
                guard line.count >= 2, buffer[line.lowerBound + 1] == FieldText.tab else { throw Malformed() }
                switch buffer[line.lowerBound] {
                case UInt8(ascii: "A"):
                    shard.split(line, into: &fields)
                    entries.append(try shard.account(fields, dueOnly: within != nil))
                    firstFollowUp.append(followUps.count)
                case UInt8(ascii: "F"):
                    guard !entries.isEmpty, entries[entries.count - 1].digest.snoozes.isEmpty else {
                        throw Malformed()
                    }
                    if let within,
                        let due = try shard.integer(upToTabIn: line.lowerBound + 2..<line.upperBound).0,
                        due - within.today.ordinal > within.days
                    {
                        continue
                    }
                    let followUp = try shard.followUp(line)
                    // An account's follow-ups are kept in title order (`DueEntries.titleOrder`).
                    if followUps.count > firstFollowUp[firstFollowUp.count - 1],
                        shard.titleOrder(followUps[followUps.count - 1], followUp) > 0
                    {
                        throw Malformed()
                    }
                    followUps.append(followUp)
                case UInt8(ascii: "S"):
                    guard !entries.isEmpty else { throw Malformed() }
                    shard.split(line, into: &fields)
                    entries[entries.count - 1].digest.snoozes.append(try shard.snooze(fields))
                default:
                    throw Malformed()
                }
            }
            let storage = FixedBuffer(followUps)
            // Tags and contact names are read by every row: copied out of the shard, so a
            // mapped shard's pages can go once it is read (the follow-ups' text is read only
            // where it is shown).
            var listBytes: [UInt8] = []
            listBytes.reserveCapacity(entries.reduce(0) { $0 + $1.digest.listText.count })
            for entry in entries { listBytes += entry.digest.listText }
            let lists = SharedBytes(listBytes)
            var listStart = 0
            for k in entries.indices {
                let count = entries[k].digest.listText.count
                entries[k].digest.listText = lists[listStart..<listStart + count]
                listStart += count
                let range =
                    firstFollowUp[k]..<(k + 1 < entries.count ? firstFollowUp[k + 1] : followUps.count)
                let text =
                    range.isEmpty
                    ? bytes[bytes.startIndex..<bytes.startIndex]
                    : bytes[
                        followUps[range.lowerBound].text
                            .lowerBound..<followUps[range.upperBound - 1].text.upperBound]
                entries[k].digest.dueEntries = DueEntries(storage, range, text: text)
            }
            return entries
        }
    }

    /// A shard's bytes, read by position, and the array slice they are the buffer of:
    /// what digests keep (follow-up text, tags and contact names) is sliced from it.
    private struct ShardText {
        let bytes: UnsafeBufferPointer<UInt8>
        let source: SharedBytes

        /// The source's indices for a range of positions.
        func indices(_ range: Range<Int>) -> Range<Int> {
            (source.startIndex + range.lowerBound)..<(source.startIndex + range.upperBound)
        }

        func field(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[range])
        }

        func text(_ range: Range<Int>) -> String { FieldText.unescape(field(range)) }

        /// How two follow-ups read from this shard sort by title.
        func titleOrder(_ a: DueEntry, _ b: DueEntry) -> Int {
            func title(_ e: DueEntry) -> UnsafeBufferPointer<UInt8> {
                let title = e.fieldBounds.title
                return field((title.lowerBound - source.startIndex)..<(title.upperBound - source.startIndex))
            }
            return DueEntries.titleOrder(title(a), title(b))
        }

        /// The first position of `byte` in `range` (memchr: lines are found by the hundred thousand).
        func find(_ byte: UInt8, in range: Range<Int>) -> Int? {
            guard !range.isEmpty,
                let hit = memchr(bytes.baseAddress! + range.lowerBound, Int32(byte), range.count)
            else { return nil }
            return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }

        /// A line's tab-separated fields, the record letter first.
        func split(_ line: Range<Int>, into fields: inout [Range<Int>]) {
            fields.removeAll(keepingCapacity: true)
            var start = line.lowerBound
            while let end = find(FieldText.tab, in: start..<line.upperBound) {
                fields.append(start..<end)
                start = end + 1
            }
            fields.append(start..<line.upperBound)
        }

        /// An `A` line: strings are built for the texts only; numbers and choices are
        /// read from the bytes.
        func account(_ f: [Range<Int>], dueOnly: Bool = false) throws(Malformed) -> Entry {
            func number(_ i: Int) throws(Malformed) -> Int {
                guard let n = try integer(f[i]) else { throw Malformed() }
                return n
            }
            // Kept in 32 bits (`PackedDay`, `PackedInt`): a number beyond them is refused.
            func small(_ i: Int) throws(Malformed) -> Int? {
                let n = try integer(f[i])
                guard n.map(PackedInt.keeps) ?? true else { throw Malformed() }
                return n
            }
            func day(_ i: Int) throws(Malformed) -> Day? { try small(i).map(Day.init(ordinal:)) }
            guard f.count == 22, let traits = dueOnly ? AccountTraits() : traits(f[21]),
                let id = RecordID(rawValue: text(f[1])), let tier: Tier = choice(f[6]),
                let status: AccountStatus = choice(f[7]), let season: Season = choice(f[8])
            else { throw Malformed() }
            var flags: [WarningFlag] = []
            var start = f[17].lowerBound
            while !dueOnly && start < f[17].upperBound {
                let end = find(UInt8(ascii: ","), in: start..<f[17].upperBound) ?? f[17].upperBound
                guard let flag: WarningFlag = choice(start..<end) else { throw Malformed() }
                flags.append(flag)
                start = end + 1
            }
            let digest = AccountDigest(
                id: id, name: text(f[4]), owner: dueOnly ? "" : text(f[5]), tier: tier, status: status,
                season: season, market: dueOnly ? "" : text(f[9]),
                annualValue: try number(10), lifetimeValue: try number(11),
                // Tags and contact names stay bytes until asked for.
                listText: dueOnly ? SharedBytes() : source[indices(f[12].lowerBound..<f[13].upperBound)],
                lastTouch: try day(14), health: try small(15), healthChange: try small(16),
                fixedFlags: flags,
                lateConcernFrom: try day(18), outOfTouchFrom: try day(19), openConcerns: try number(20),
                traits: traits, followUps: [], snoozes: [])
            return Entry(
                stamp: FileStamp(size: try number(2), modifiedNanoseconds: try number(3)), digest: digest)
        }

        /// The traits field, read from the bytes (it holds digits and separators only).
        func traits(_ range: Range<Int>) -> AccountTraits? {
            AccountTraits(encodedUTF8: UnsafeBufferPointer(rebasing: bytes[range]))
        }

        func snooze(_ f: [Range<Int>]) throws(Malformed) -> Snooze {
            guard f.count == 5, let until = try integer(f[2]), let on = try integer(f[4]) else {
                throw Malformed()
            }
            return Snooze(
                itemKey: text(f[1]), until: Day(ordinal: until), reason: text(f[3]), on: Day(ordinal: on))
        }

        /// Reads an `F` line's five numbers and finds its text; the key part is checked
        /// to name a record of the line's source, so every entry turns back into an item.
        func followUp(_ line: Range<Int>) throws(Malformed) -> DueEntry {
            var start = line.lowerBound + 2
            // Each number ends at a tab, found as its digits are read.
            func number() throws(Malformed) -> Int? {
                let (value, end) = try integer(upToTabIn: start..<line.upperBound)
                guard end < line.upperBound else { throw Malformed() }
                start = end + 1
                return value
            }
            let (due, redFrom, neverDone, severity, sourceIndex) = (
                try number(), try number(), try number(), try number(),
                try number()
            )
            guard let due, PackedDay.keeps(ordinal: due), redFrom.map(PackedDay.keeps(ordinal:)) ?? true,
                let sourceIndex, sources.indices.contains(sourceIndex), neverDone == nil || neverDone == 1,
                severity.map({ (1...Severity.allCases.count).contains($0) }) ?? true,
                let ends = DueEntry.FieldEnds(in: field(start..<line.upperBound)),
                DueRef.isKeyPart(
                    field(start..<start + Int(ends.keyPart)), of: sources[sourceIndex])
            else {
                throw Malformed()
            }
            return DueEntry(
                due: Day(ordinal: due), redFrom: redFrom.map(Day.init(ordinal:)), neverDone: neverDone == 1,
                severity: severity.map { Severity.allCases[$0 - 1] }, source: sources[sourceIndex],
                text: indices(start..<line.upperBound), fieldEnds: ends)
        }

        /// A decimal integer (optionally negative); nil for an empty field.
        func integer(_ range: Range<Int>) throws(Malformed) -> Int? {
            let (value, end) = try integer(upToTabIn: range)
            guard end == range.upperBound else { throw Malformed() }
            return value
        }

        /// The decimal integer (optionally negative) at the start of `range`, read up to
        /// the first tab or the range's end, and where it stopped; nil when there are no
        /// digits. One pass: a follow-up line's five numbers are read this way, a hundred
        /// thousand lines at every start.
        func integer(upToTabIn range: Range<Int>) throws(Malformed) -> (Int?, end: Int) {
            var i = range.lowerBound
            let negative = i < range.upperBound && bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            let first = i
            var value = 0
            while i < range.upperBound && bytes[i] != FieldText.tab {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39, value < Int.max / 10 - 10 else { throw Malformed() }
                value = value * 10 + Int(b - 0x30)
                i += 1
            }
            guard i > first else {
                if negative { throw Malformed() }
                return (nil, i)
            }
            return (negative ? -value : value, i)
        }

        /// The case whose raw value the bytes spell.
        func choice<T: RawRepresentable & CaseIterable>(_ range: Range<Int>) -> T?
        where T.RawValue == String {
            let given = field(range)
            return T.allCases.first { choice in
                var raw = choice.rawValue
                return raw.withUTF8 {
                    $0.count == given.count
                        && (given.isEmpty || memcmp($0.baseAddress!, given.baseAddress!, given.count) == 0)
                }
            }
        }
    }
}
