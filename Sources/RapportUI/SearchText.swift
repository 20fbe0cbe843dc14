import IndexKit
import RapportCore

/// What filter-as-you-type matches in an account's row: its name, owner, tags, contacts
/// and warning flags (`/no senior`), lower-cased, joined by U+001F, as UTF-8. Written
/// straight into the table's text buffer at start (joining strings and lower-casing the
/// result was half the time the table's rows took); text of ASCII only is lowered byte by
/// byte, any other as `String.lowercased()` lowers it.
enum SearchText {
    static func bytes(_ s: AccountSummary) -> [UInt8] {
        var bytes: [UInt8] = []
        append(s, to: &bytes)
        return bytes
    }

    static func append(_ s: AccountSummary, to bytes: inout [UInt8]) {
        appendLowercased(s.name, to: &bytes)
        bytes.append(separator)
        appendLowercased(s.owner, to: &bytes)
        s.lists.withUnsafeBufferPointer { appendLists($0, to: &bytes) }
        for flag in s.flags {
            bytes.append(separator)
            bytes += flagTexts[flag]!
        }
    }

    /// About how many bytes a digest's text takes, for room made at once: its name,
    /// owner, tags and contact names, and a few flags (lowered non-ASCII text, or many
    /// flags, can take more).
    static func likelySize(of digest: AccountDigest) -> Int {
        digest.name.utf8.count + digest.owner.utf8.count + digest.listText.count + 32
    }

    private static let separator: UInt8 = 0x1F

    /// Each flag's short text, lower-cased, made once.
    private static let flagTexts = Dictionary(
        uniqueKeysWithValues: WarningFlag.allCases.map { ($0, Array($0.short.lowercased().utf8)) })

    /// The tags' and contact names' elements, each after a separator, from the lists as
    /// the index keeps them. An element that is escaped or not ASCII is made a string and
    /// lowered.
    private static func appendLists(_ lists: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        for field in 0..<2 {
            FieldText.forEachElement(ofField: field, in: lists) { escaped in
                bytes.append(separator)
                if escaped.allSatisfy({ $0 < 0x80 && $0 != FieldText.backslash }) {
                    appendASCIILowercased(escaped, to: &bytes)
                } else {
                    bytes += FieldText.unescape(escaped).lowercased().utf8
                }
            }
        }
    }

    private static func appendLowercased(_ text: String, to bytes: inout [UInt8]) {
        let done = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            appendASCIILowercased(utf8, to: &bytes)
            return true
        }
        if done != true { bytes += text.lowercased().utf8 }
    }

    private static func appendASCIILowercased(_ ascii: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        for byte in ascii {
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
    }
}
