#if canImport(Glibc)
    import Glibc
#endif

/// The few text operations the app needs from outside the standard library, written
/// here so that no module imports Foundation: loading it (and ICU) took a third of the
/// start of every command.
extension StringProtocol {
    /// The text without spaces and tabs at either end (Unicode's space separators and
    /// the tab, as Foundation's `.whitespaces` trims).
    public func trimmingSpaces() -> String {
        trimmingScalars { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// The text without white space, line breaks included, at either end (Unicode's
    /// White_Space, as Foundation's `.whitespacesAndNewlines` trims).
    public func trimmingWhitespace() -> String {
        trimmingScalars { $0.properties.isWhitespace }
    }

    private func trimmingScalars(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }),
            let last = scalars.lastIndex(where: { !trimmed($0) })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text with every occurrence of `target` replaced, matching UTF-8 bytes (so a
    /// newline inside a CR LF pair is found, as Foundation's search finds it).
    public func replacingText(_ target: String, with replacement: String) -> String {
        let text = Array(utf8)
        let target = Array(target.utf8)
        guard !target.isEmpty, text.count >= target.count else { return String(self) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if text[i] == target[0], i + target.count <= text.count,
                text[i..<(i + target.count)].elementsEqual(target)
            {
                out.append(contentsOf: replacement.utf8)
                i += target.count
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text followed (or, `left`, preceded) by spaces up to `width` characters (as it
    /// is when it is wider).
    public func padded(to width: Int, left: Bool = false) -> String {
        guard count < width else { return String(self) }
        let spaces = String(repeating: " ", count: width - count)
        return left ? spaces + String(self) : String(self) + spaces
    }
}

extension Double {
    /// The number with `places` decimals, rounded as C's `printf("%.*f")` rounds it.
    public func fixed(places: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let written = withVaList([Int32(places), self]) {
                vsnprintf(buffer.baseAddress!, buffer.count, "%.*f", $0)
            }
            guard written >= 0, Int(written) < buffer.count else { return "\(self)" }
            return String(
                decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(written)),
                as: UTF8.self)
        }
    }
}
