/// Which text a JSON string must escape.
public enum JSONEscaping {
    /// Whether any byte is a quote, a backslash or a control character, sixteen bytes
    /// at a time (the due list's text is 20 MB, an account's 27 KB). With `tabsAllowed`,
    /// tabs are passed over: for several tab-separated fields checked at once.
    @inlinable
    public static func isNeeded(in utf8: UnsafeBufferPointer<UInt8>, tabsAllowed: Bool = false) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let control = SIMD16<UInt8>(repeating: 0x20)
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C)
        // A control character other than `tab`: when tabs are not allowed, `tab` is a byte no
        // control character equals (a space), so every one counts.
        let tab = SIMD16<UInt8>(repeating: tabsAllowed ? 0x09 : 0x20)
        func escaped(at offset: Int) -> Bool {
            let v = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
            return any(((v .< control) .& (v .!= tab)) .| (v .== quote) .| (v .== backslash))
        }
        guard utf8.count < 16 else {
            // The last sixteen bytes as one block, overlapping the one before.
            for offset in stride(from: 0, to: utf8.count - 16, by: 16) where escaped(at: offset) {
                return true
            }
            return escaped(at: utf8.count - 16)
        }
        var i = 0
        while i < utf8.count {
            let b = base[i]
            if (b < 0x20 && !(tabsAllowed && b == 0x09)) || b == 0x22 || b == 0x5C { return true }
            i += 1
        }
        return false
    }
}
