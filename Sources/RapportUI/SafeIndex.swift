extension Array {
    /// The element at `index`, or nil when out of range (a selection past a list that shrank).
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
