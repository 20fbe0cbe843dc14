import RapportCore

/// Writes the summaries of generated touchpoints: each from a phrasing that fits the
/// touch's kind, naming the contact met, and the least used so far across the whole
/// demo, so no summary repeats more than a few times.
struct DemoPhrasebook {
    let subjects: [String]
    private var uses: [String: Int] = [:]

    init(subjects: [String]) {
        self.subjects = subjects.isEmpty ? ["the open questions"] : subjects
    }

    /// A summary from `phrasings` for a touch with `contact` on `day`; among the least
    /// used candidates, one picked by `random`.
    mutating func summary(
        from phrasings: [String], with contact: Contact?, on day: Day, using random: inout SeededRandom
    ) -> String {
        let name = contact.map { Self.shortName($0.name) } ?? "the team"
        let month = YearMonth(day).adding(months: -1).name
        var candidates: [String] = []
        for phrasing in phrasings.isEmpty ? ["Touched base with {name}"] : phrasings {
            let filled = phrasing.replacingText("{name}", with: name).replacingText("{month}", with: month)
            if filled.contains("{subject}") {
                candidates += subjects.map { filled.replacingText("{subject}", with: $0) }
            } else {
                candidates.append(filled)
            }
        }
        let fewest = candidates.map { uses[$0, default: 0] }.min() ?? 0
        let least = candidates.filter { uses[$0, default: 0] == fewest }
        let chosen = least[Int(random.next() % UInt64(least.count))]
        uses[chosen, default: 0] += 1
        return Self.capitalisingFirst(chosen)
    }

    /// How a colleague refers to a contact: the first name, or title and surname
    /// ("Dr. Osei", "Captain Alvarez").
    static func shortName(_ name: String) -> String {
        let words = name.split(separator: " ").map(String.init)
        guard let first = words.first else { return name }
        let titled = first.hasSuffix(".") || first == "Captain"
        return titled && words.count > 1 ? "\(first) \(words[words.count - 1])" : first
    }

    static func capitalisingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
