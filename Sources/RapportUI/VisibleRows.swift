import RapportCore
import TUIKit

/// The accounts table's rows last shown, and what they were shown for: the filter's
/// text, the conditions, the sort and the rows' version. Typing one more letter narrows
/// the rows last shown instead of testing every account again, so a keystroke costs
/// what still matches, not the store's size (issue 23).
///
/// It is a cache: two states that differ only in it are equal.
struct VisibleRows: Equatable, Sendable {
    /// What the positions were computed for.
    struct Key: Equatable, Sendable {
        var query: String
        var conditions: AccountFilter
        var sort: AccountSort
        var reversed: Bool
        var version: Int
    }

    private var key: Key?
    private var positions: [Int] = []

    static func == (lhs: VisibleRows, rhs: VisibleRows) -> Bool { true }

    /// The positions for `key`: kept ones, or `compute`'s. When only the text grew (it
    /// still holds the text last shown, byte for byte, so whatever matches it matched
    /// that), `narrow` is given the positions last shown.
    mutating func positions(
        for key: Key, compute: () -> [Int], narrow: ([Int]) -> [Int]
    ) -> [Int] {
        if let old = self.key, old == key { return positions }
        if let old = self.key, old.conditions == key.conditions, old.sort == key.sort,
            old.reversed == key.reversed, old.version == key.version,
            TextSearch.contains(key.query, old.query)
        {
            positions = narrow(positions)
        } else {
            positions = compute()
        }
        self.key = key
        return positions
    }

    /// The positions if they are those for `key`.
    func kept(for key: Key) -> [Int]? { self.key == key ? positions : nil }
}
