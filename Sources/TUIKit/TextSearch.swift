/// Substring search on UTF-8 bytes: filter-as-you-type runs it over every row on each
/// keystroke, and Foundation's `contains` is far slower on Linux.
public enum TextSearch {
    /// Whether `needle` occurs in `haystack` (byte-exact; lower-case both for a
    /// case-insensitive match).
    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                let first = n[0]
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
