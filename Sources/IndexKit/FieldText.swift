#if canImport(Glibc)
    import Glibc
#endif

/// Tab-separated text fields as UTF-8 bytes, the way the store's index and a digest's
/// follow-up text keep them: backslash, tab, newline, carriage return and the list
/// separator (U+001F) are escaped, so any text round-trips and a field never spans a
/// tab or a line.
public enum FieldText {
    public static let tab: UInt8 = 0x09
    public static let newline: UInt8 = 0x0A
    public static let backslash: UInt8 = 0x5C
    public static let listSeparator: UInt8 = 0x1F

    /// Appends `text` escaped.
    /// The bytes are read through a buffer: through `String.UTF8View`, byte by byte, this
    /// was a tenth of making an index entry (D51).
    public static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: needsEscape) else {
                out.append(contentsOf: utf8)
                return
            }
            for b in utf8 {
                switch b {
                case backslash: out += [backslash, UInt8(ascii: "\\")]
                case tab: out += [backslash, UInt8(ascii: "t")]
                case newline: out += [backslash, UInt8(ascii: "n")]
                case 0x0D: out += [backslash, UInt8(ascii: "r")]
                case listSeparator: out += [backslash, UInt8(ascii: "u")]
                default: out.append(b)
                }
            }
        }
    }

    @inline(__always)
    static func needsEscape(_ b: UInt8) -> Bool {
        b == backslash || b == tab || b == newline || b == 0x0D || b == listSeparator
    }

    /// The text an escaped field stands for.
    public static func unescape(_ bytes: SharedBytes) -> String {
        bytes.withUnsafeBufferPointer(unescape)
    }

    /// The same from a buffer (the index reads its fields this way).
    public static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        withUnescaped(bytes) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes an escaped field stands for: the field's own where it
    /// has no escape (most do), without a copy.
    public static func withUnescaped<R>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R {
        guard let base = bytes.baseAddress, memchr(base, Int32(backslash), bytes.count) != nil else {
            return body(bytes)
        }
        return unescapedBytes(bytes).withUnsafeBufferPointer(body)
    }

    /// The bytes an escaped field stands for.
    public static func unescapedBytes(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var escaped = false
        for b in bytes {
            if escaped {
                switch b {
                case UInt8(ascii: "t"): out.append(tab)
                case UInt8(ascii: "n"): out.append(newline)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "u"): out.append(listSeparator)
                default: out.append(b)
                }
                escaped = false
            } else if b == backslash {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return out
    }

    /// Lists as tab-separated fields, each list's elements escaped and joined by the
    /// list separator (what `list(_:at:)` reads back).
    public static func lists(_ lists: [[String]]) -> SharedBytes {
        var bytes: [UInt8] = []
        for (n, elements) in lists.enumerated() {
            if n > 0 { bytes.append(tab) }
            for (i, element) in elements.enumerated() {
                if i > 0 { bytes.append(listSeparator) }
                escape(element, into: &bytes)
            }
        }
        return SharedBytes(bytes)
    }

    /// The list in tab-separated field `field` of `text` (an empty field: no elements).
    public static func list(_ text: SharedBytes, at field: Int) -> [String] {
        text.withUnsafeBufferPointer { bytes in
            // Counted first, so the array is made once at its size.
            var count = 0
            forEachElement(ofField: field, in: bytes) { _ in count += 1 }
            var result: [String] = []
            result.reserveCapacity(count)
            forEachElement(ofField: field, in: bytes) { result.append(unescape($0)) }
            return result
        }
    }

    /// Calls `body` with each element, still escaped, of the list in tab-separated field
    /// `field` of `bytes`, in order (an empty field has none; a separator at its end
    /// leaves one more, empty, element): what `list(_:at:)` reads, without making strings.
    public static func forEachElement(
        ofField field: Int, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var start = 0
        for _ in 0..<field {
            while start < bytes.count && bytes[start] != tab { start += 1 }
            start += 1
        }
        guard start < bytes.count, bytes[start] != tab else { return }
        var i = start
        while true {
            var end = i
            while end < bytes.count && bytes[end] != tab && bytes[end] != listSeparator { end += 1 }
            body(UnsafeBufferPointer(rebasing: bytes[i..<end]))
            guard end < bytes.count, bytes[end] == listSeparator else { return }
            i = end + 1
        }
    }

    /// Whether an escaped field equals `lowercased` (escaped the same way), ignoring the
    /// case of ASCII letters in the field (escapes are lower-case letters either way).
    public static func equalFoldingCase(_ field: some Collection<UInt8>, _ lowercased: [UInt8]) -> Bool {
        guard field.count == lowercased.count else { return false }
        return zip(field, lowercased).allSatisfy { ($0 >= 65 && $0 <= 90 ? $0 + 32 : $0) == $1 }
    }
}
