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
        for text in s.tags {
            bytes.append(separator)
            appendLowercased(text, to: &bytes)
        }
        for text in s.contactNames {
            bytes.append(separator)
            appendLowercased(text, to: &bytes)
        }
        for flag in s.flags {
            bytes.append(separator)
            bytes += flagTexts[flag]!
        }
    }

    private static let separator: UInt8 = 0x1F

    /// Each flag's short text, lower-cased, made once.
    private static let flagTexts = Dictionary(
        uniqueKeysWithValues: WarningFlag.allCases.map { ($0, Array($0.short.lowercased().utf8)) })

    private static func appendLowercased(_ text: String, to bytes: inout [UInt8]) {
        let done = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return false }
            for byte in utf8 {
                bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            }
            return true
        }
        if done != true { bytes += text.lowercased().utf8 }
    }
}
