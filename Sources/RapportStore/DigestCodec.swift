import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RapportCore

/// The index's text format: one `A` line per account (its file stamp and digest),
/// followed by an `F` line per follow-up and an `S` line per snooze. Fields are
/// tab-separated and escaped with `FieldText`; list elements are joined by U+001F
/// (which escaping never leaves in an element). Days are day ordinals.
///
/// An `F` line is `F, due, red from, never done, severity, source` and then the
/// entry's four text fields exactly as the digest keeps them, so reading one copies
/// bytes and parses five numbers: no strings are built until an item is shown.
/// Hand-written because JSONDecoder needs most of a second for ten thousand digests.
enum DigestCodec {
    struct Entry: Equatable, Sendable {
        var stamp: FileStamp
        var digest: AccountDigest
    }

    struct Malformed: Error {}

    // MARK: Encoding

    static func encode(_ entry: Entry, into out: inout [UInt8]) {
        let d = entry.digest
        out.append(UInt8(ascii: "A"))
        for field in [d.id.rawValue, String(entry.stamp.size), String(entry.stamp.modifiedNanoseconds), d.name, d.owner,
                      d.tier.rawValue, d.status.rawValue, d.season.rawValue, d.market, String(d.annualValue),
                      String(d.lifetimeValue)] {
            out.append(FieldText.tab)
            FieldText.escape(field, into: &out)
        }
        for list in [d.tags, d.contactNames] {
            out.append(FieldText.tab)
            for (i, element) in list.enumerated() {
                if i > 0 { out.append(FieldText.listSeparator) }
                FieldText.escape(element, into: &out)
            }
        }
        for field in [day(d.lastTouch), d.health.map(String.init) ?? "", d.healthChange.map(String.init) ?? "",
                      d.fixedFlags.map(\.rawValue).joined(separator: ","), day(d.lateConcernFrom), day(d.outOfTouchFrom),
                      String(d.openConcerns)] {
            out.append(FieldText.tab)
            FieldText.escape(field, into: &out)
        }
        out.append(FieldText.newline)
        for (i, e) in d.dueEntries.enumerated() {
            let numbers = [day(e.due), day(e.redFrom), e.neverDone ? "1" : "", e.severity.map { String($0.weight) } ?? "",
                           String(DueSource.allCases.firstIndex(of: e.source)!)]
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
    /// Follow-up text stays in `bytes`: each digest keeps a slice of it.
    static func decode(_ bytes: ArraySlice<UInt8>) throws -> [Entry] {
        var entries: [Entry] = []
        var followUps: [DueEntry] = []
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            let lineEnd = find(FieldText.newline, in: bytes, from: lineStart) ?? bytes.endIndex
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            guard line.count >= 2, line[line.startIndex + 1] == FieldText.tab else { throw Malformed() }
            switch line[line.startIndex] {
            case UInt8(ascii: "A"):
                finish(&entries, &followUps, in: bytes)
                entries.append(try account(fields(line)))
            case UInt8(ascii: "F"):
                guard !entries.isEmpty, entries[entries.count - 1].digest.snoozes.isEmpty else { throw Malformed() }
                followUps.append(try followUp(line))
            case UInt8(ascii: "S"):
                guard !entries.isEmpty else { throw Malformed() }
                entries[entries.count - 1].digest.snoozes.append(try snooze(fields(line)))
            default:
                throw Malformed()
            }
        }
        finish(&entries, &followUps, in: bytes)
        return entries
    }

    /// Hands the follow-ups read so far to the last account.
    private static func finish(_ entries: inout [Entry], _ followUps: inout [DueEntry], in bytes: ArraySlice<UInt8>) {
        guard let last = entries.indices.last else { return }
        let text = followUps.isEmpty ? bytes[bytes.startIndex..<bytes.startIndex]
            : bytes[followUps[0].text.lowerBound..<followUps[followUps.count - 1].text.upperBound]
        entries[last].digest.dueEntries = DueEntries(followUps, text: text)
        followUps.removeAll(keepingCapacity: true)
    }

    private static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(separator: FieldText.tab, omittingEmptySubsequences: false)
    }

    /// An `A` line: strings are built for the texts only; numbers and choices are read
    /// from the bytes.
    private static func account(_ f: [ArraySlice<UInt8>]) throws -> Entry {
        func text(_ i: Int) -> String { FieldText.unescape(f[i]) }
        func number(_ i: Int) throws -> Int { guard let n = try integer(f[i]) else { throw Malformed() }; return n }
        func day(_ i: Int) throws -> Day? { try integer(f[i]).map(Day.init(ordinal:)) }
        guard f.count == 21, let id = RecordID(rawValue: text(1)), let tier: Tier = choice(f[6]),
              let status: AccountStatus = choice(f[7]), let season: Season = choice(f[8]) else { throw Malformed() }
        let flags = try f[17].split(separator: UInt8(ascii: ",")).map { (raw: ArraySlice<UInt8>) throws -> WarningFlag in
            guard let flag: WarningFlag = choice(raw) else { throw Malformed() }
            return flag
        }
        let digest = AccountDigest(
            id: id, name: text(4), owner: text(5), tier: tier, status: status, season: season, market: text(9),
            annualValue: try number(10), lifetimeValue: try number(11), tags: list(f[12]), contactNames: list(f[13]),
            lastTouch: try day(14), health: try integer(f[15]), healthChange: try integer(f[16]), fixedFlags: flags,
            lateConcernFrom: try day(18), outOfTouchFrom: try day(19), openConcerns: try number(20),
            followUps: [], snoozes: [])
        return Entry(stamp: FileStamp(size: try number(2), modifiedNanoseconds: try number(3)), digest: digest)
    }

    private static func snooze(_ f: [ArraySlice<UInt8>]) throws -> Snooze {
        guard f.count == 5, let until = try integer(f[2]), let on = try integer(f[4]) else { throw Malformed() }
        return Snooze(itemKey: FieldText.unescape(f[1]), until: Day(ordinal: until), reason: FieldText.unescape(f[3]),
                      on: Day(ordinal: on))
    }

    /// The case whose raw value the bytes spell.
    private static func choice<T: RawRepresentable & CaseIterable>(_ bytes: ArraySlice<UInt8>) -> T? where T.RawValue == String {
        bytes.withUnsafeBytes { given in
            T.allCases.first { choice in
                var raw = choice.rawValue
                return raw.withUTF8 { $0.count == given.count && (given.isEmpty || memcmp($0.baseAddress!, given.baseAddress!, given.count) == 0) }
            }
        }
    }

    /// The first position of `byte` at or after `from` (memchr: lines are found by
    /// the hundred thousand).
    private static func find(_ byte: UInt8, in bytes: ArraySlice<UInt8>, from: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let offset = from - bytes.startIndex
            guard offset < buffer.count, let base = buffer.baseAddress,
                  let hit = memchr(base + offset, Int32(byte), buffer.count - offset) else { return nil }
            return bytes.startIndex + (base.distance(to: hit.assumingMemoryBound(to: UInt8.self)))
        }
    }

    /// Reads an `F` line's five numbers and finds its text; the key part is checked to
    /// name a record of the line's source, so every entry turns back into an item.
    private static func followUp(_ line: ArraySlice<UInt8>) throws -> DueEntry {
        // `start` is passed, not captured: a captured variable is checked for exclusive
        // access at run time, on every one of a hundred thousand lines.
        func number(after start: inout Int) throws -> Int? {
            guard let end = find(FieldText.tab, in: line, from: start) else { throw Malformed() }
            defer { start = end + 1 }
            return try integer(line[start..<end])
        }
        var start = line.startIndex + 2
        let (due, redFrom, neverDone, severity, sourceIndex) = (try number(after: &start), try number(after: &start),
                                                                try number(after: &start), try number(after: &start),
                                                                try number(after: &start))
        let text = line[start...]
        guard let due, let sourceIndex, DueSource.allCases.indices.contains(sourceIndex), neverDone == nil || neverDone == 1,
              severity.map({ (1...Severity.allCases.count).contains($0) }) ?? true,
              let keyEnd = find(FieldText.tab, in: text, from: text.startIndex),
              DueRef.isKeyPart(text[..<keyEnd], of: DueSource.allCases[sourceIndex]) else { throw Malformed() }
        return DueEntry(due: Day(ordinal: due), redFrom: redFrom.map(Day.init(ordinal:)), neverDone: neverDone == 1,
                        severity: severity.map { Severity.allCases[$0 - 1] }, source: DueSource.allCases[sourceIndex],
                        text: text.startIndex..<text.endIndex)
    }

    /// A decimal integer (optionally negative); nil for an empty field.
    private static func integer(_ bytes: ArraySlice<UInt8>) throws -> Int? {
        try bytes.withUnsafeBufferPointer { digits throws(Malformed) -> Int? in
            guard let first = digits.first else { return nil }
            let negative = first == UInt8(ascii: "-") && digits.count > 1
            var value = 0
            for b in digits.dropFirst(negative ? 1 : 0) {
                guard b >= 0x30 && b <= 0x39, value < Int.max / 10 - 10 else { throw Malformed() }
                value = value * 10 + Int(b - 0x30)
            }
            return negative ? -value : value
        }
    }

    private static func list(_ field: ArraySlice<UInt8>) -> [String] {
        guard !field.isEmpty else { return [] }
        return field.split(separator: FieldText.listSeparator, omittingEmptySubsequences: false).map(FieldText.unescape)
    }
}
