import Foundation
import RapportCore

/// The index's text format: one `A` line per account (its file stamp and digest),
/// followed by an `F` line per follow-up and an `S` line per snooze. Fields are
/// tab-separated; backslash, tab, newline, carriage return and the list separator
/// (U+001F) are escaped, so any text round-trips. Hand-written because decoding ten
/// thousand digests with JSONDecoder takes most of a second; this takes milliseconds.
enum DigestCodec {
    static let listSeparator: Character = "\u{1F}"

    struct Entry: Equatable {
        var stamp: FileStamp
        var digest: AccountDigest
    }

    struct Malformed: Error {}

    // MARK: Encoding

    static func encode(_ entry: Entry, into out: inout String) {
        let d = entry.digest
        line(&out, "A", [d.id.rawValue, String(entry.stamp.size), String(entry.stamp.modifiedNanoseconds), d.name, d.owner,
                         d.tier.rawValue, d.status.rawValue, d.season.rawValue, d.market, String(d.annualValue),
                         String(d.lifetimeValue), list(d.tags), list(d.contactNames), day(d.lastTouch),
                         d.health.map(String.init) ?? "", d.healthChange.map(String.init) ?? "",
                         d.fixedFlags.map(\.rawValue).joined(separator: ","), day(d.lateConcernFrom), day(d.outOfTouchFrom),
                         String(d.openConcerns)])
        for f in d.followUps {
            line(&out, "F", [f.ref.keyPart, f.title, day(f.due), f.owner, f.why, day(f.redFrom), f.neverDone ? "1" : "",
                             f.severity?.rawValue ?? ""])
        }
        for s in d.snoozes {
            line(&out, "S", [s.itemKey, day(s.until), s.reason, day(s.on)])
        }
    }

    private static func line(_ out: inout String, _ tag: String, _ fields: [String]) {
        out += tag
        for field in fields {
            out += "\t"
            escape(field, into: &out)
        }
        out += "\n"
    }

    private static func escape(_ text: String, into out: inout String) {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x1F }) else {
            out += text
            return
        }
        for ch in text.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{1F}": out += "\\u"
            default: out.unicodeScalars.append(ch)
            }
        }
    }

    /// A list as one field: each element's backslashes and separators escaped first,
    /// so an element may contain anything.
    private static func list(_ items: [String]) -> String {
        items.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{1F}", with: "\\u") }
            .joined(separator: String(listSeparator))
    }
    /// Days are written as their ordinal (days since 1970-01-01): parsing an integer is
    /// several times cheaper than parsing an ISO date, and the index is not for people.
    private static func day(_ d: Day?) -> String { d.map { String($0.ordinal) } ?? "" }

    // MARK: Decoding

    /// Parses a shard's entries (after its header line); throws on anything malformed.
    /// (Lists are `A` fields 12 and 13: their elements are unescaped once more.)
    static func decode(_ bytes: ArraySlice<UInt8>) throws -> [Entry] {
        var entries: [Entry] = []
        for rawLine in bytes.split(separator: 0x0A) {
            let fields = rawLine.split(separator: 0x09, omittingEmptySubsequences: false).map(unescape)
            guard let tag = fields.first else { throw Malformed() }
            switch tag {
            case "A":
                guard fields.count == 21, let size = Int(fields[2]), let mtime = Int(fields[3]) else { throw Malformed() }
                entries.append(Entry(stamp: FileStamp(size: size, modifiedNanoseconds: mtime), digest: try account(fields)))
            case "F":
                guard !entries.isEmpty else { throw Malformed() }
                let owner = entries[entries.count - 1].digest
                entries[entries.count - 1].digest.followUps.append(try followUp(fields, of: owner))
            case "S":
                guard !entries.isEmpty, fields.count == 5, let until = try optionalDay(fields[2]), let on = try optionalDay(fields[4]) else { throw Malformed() }
                entries[entries.count - 1].digest.snoozes.append(Snooze(itemKey: fields[1], until: until, reason: fields[3], on: on))
            default:
                throw Malformed()
            }
        }
        return entries
    }

    private static func account(_ f: [String]) throws -> AccountDigest {
        guard f.count == 21, let id = RecordID(rawValue: f[1]), let tier = Tier(rawValue: f[6]),
              let status = AccountStatus(rawValue: f[7]), let season = Season(rawValue: f[8]),
              let value = Int(f[10]), let lifetime = Int(f[11]), let open = Int(f[20]) else { throw Malformed() }
        return AccountDigest(
            id: id, name: f[4], owner: f[5], tier: tier, status: status, season: season, market: f[9],
            annualValue: value, lifetimeValue: lifetime, tags: split(f[12]), contactNames: split(f[13]),
            lastTouch: try optionalDay(f[14]), health: Int(f[15]), healthChange: Int(f[16]),
            fixedFlags: try f[17].split(separator: ",").map { guard let flag = WarningFlag(rawValue: String($0)) else { throw Malformed() }; return flag },
            lateConcernFrom: try optionalDay(f[18]), outOfTouchFrom: try optionalDay(f[19]), openConcerns: open,
            followUps: [], snoozes: [])
    }

    private static func followUp(_ f: [String], of a: AccountDigest) throws -> FollowUp {
        guard f.count == 9, let ref = DueRef(keyPart: f[1]), let due = try optionalDay(f[3]) else { throw Malformed() }
        return FollowUp(accountID: a.id, accountName: a.name, title: f[2], ref: ref, due: due, owner: f[4], why: f[5],
                        redFrom: try optionalDay(f[6]), neverDone: f[7] == "1", severity: f[8].isEmpty ? nil : Severity(rawValue: f[8]))
    }

    private static func optionalDay(_ text: String) throws -> Day? {
        if text.isEmpty { return nil }
        guard let ordinal = Int(text) else { throw Malformed() }
        return Day(ordinal: ordinal)
    }

    private static func split(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: listSeparator, omittingEmptySubsequences: false).map { unescape(Array($0.utf8)[...]) }
    }

    private static func unescape(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.contains(0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var escaped = false
        for b in bytes {
            if escaped {
                switch b {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "u"): out.append(0x1F)
                default: out.append(b)
                }
                escaped = false
            } else if b == 0x5C {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
