import RapportCore

/// The due screen's lines: a heading per band, then the band's items in urgency order.
/// Made from one pass over the items into a list of positions per band, not a line
/// per item (at 100,000 accounts the list holds half a million items; a frame draws 40).
struct DueLines {
    /// One line: a band's heading with its count, or an item (its position in the items).
    enum Line: Equatable {
        case heading(DueBand, count: Int)
        case item(Int)
    }

    /// The items' positions, band by band (only bands with items).
    private let bands: [(band: DueBand, items: [Int])]

    init(_ items: [DueSlot], today: Day) {
        var byBand = [[Int]](repeating: [], count: DueBand.allCases.count)
        for i in items.indices { byBand[items[i].band(on: today).rawValue].append(i) }
        bands = DueBand.allCases.compactMap { band in
            byBand[band.rawValue].isEmpty ? nil : (band, byBand[band.rawValue])
        }
    }

    /// Headings and items together.
    var count: Int { bands.reduce(0) { $0 + 1 + $1.items.count } }

    func count(of band: DueBand) -> Int { bands.first { $0.band == band }?.items.count ?? 0 }

    subscript(line: Int) -> Line {
        var start = 0
        for (band, items) in bands {
            if line == start { return .heading(band, count: items.count) }
            if line <= start + items.count { return .item(items[line - start - 1]) }
            start += 1 + items.count
        }
        preconditionFailure("line \(line) of \(count)")
    }

    /// The line showing item `item`, if any.
    func line(ofItem item: Int) -> Int? {
        var start = 0
        for (_, items) in bands {
            if let k = items.firstIndex(of: item) { return start + 1 + k }
            start += 1 + items.count
        }
        return nil
    }
}
