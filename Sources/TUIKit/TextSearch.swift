#if canImport(Glibc)
    import Glibc
#endif

/// Substring search on UTF-8 bytes: filter-as-you-type runs it over every row on each
/// keystroke, and Foundation's `contains` is far slower on Linux.
public enum TextSearch {
    /// Whether `needle` occurs in `haystack` (byte-exact; lower-case both for a
    /// case-insensitive match).
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                // Candidates found with memchr (vectorised), then compared with memcmp.
                let (base, last) = (h.baseAddress!, h.count - n.count)
                var start = 0
                while start <= last {
                    guard let hit = memchr(base + start, Int32(n[0]), last - start + 1) else { return false }
                    let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + i, n.baseAddress!, n.count) == 0 { return true }
                    start = i + 1
                }
                return false
            }
        }
    }

    /// The same, ignoring the case of ASCII letters in `haystack` (`needle` must be
    /// lower-case), without building a lower-cased copy: for lists filtered on every key.
    public static func containsFoldingCase(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack
        return haystack.withUTF8 { containsFoldingCase($0, needle) }
    }

    /// The same over UTF-8 bytes (a follow-up's text as its digest keeps it).
    public static func containsFoldingCase(_ h: UnsafeBufferPointer<UInt8>, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { n in
            guard !n.isEmpty else { return true }
            guard h.count >= n.count else { return false }
            @inline(__always) func fold(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
            var i = 0
            while i <= h.count - n.count {
                var j = 0
                while j < n.count && fold(h[i + j]) == n[j] { j += 1 }
                if j == n.count { return true }
                i += 1
            }
            return false
        }
    }
}
