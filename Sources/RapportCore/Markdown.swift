import Foundation

/// Small pieces the Markdown exports (plan, worksheet) share.
enum Markdown {
    /// A paragraph of user text, or an italic note that it is still empty.
    static func text(_ s: String) -> String {
        let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "_not written yet_" : trimmed
    }

    /// A table cell: pipes escaped, no line breaks, "-" when empty.
    static func cell(_ s: String) -> String {
        s.isEmpty ? "-" : s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension String {
    /// The text, or `fallback` when it is empty.
    public func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
