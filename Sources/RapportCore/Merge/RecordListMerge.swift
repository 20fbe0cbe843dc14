extension MergeField {
    /// A list of records with ids (a worksheet's causes, a set's goals), merged entry by
    /// entry: entries either side added are kept, an entry edited on one side takes that
    /// side's fields (field by field, when both edited it), and one deleted on one side
    /// stays deleted unless the other edited it (a conflict). Mine's order is kept when
    /// only I moved entries; theirs otherwise, a conflict when both moved them differently.
    ///
    /// `each` names an entry ("Cause"), `title` shows one ("Too few trucks").
    public static func records<Entry: FieldMergeable & Identifiable>(
        _ name: String, _ path: WritableKeyPath<Record, [Entry]>, each: String,
        title: @escaping (Entry) -> String
    ) -> MergeField where Entry.ID == RecordID {
        MergeField(name: name) { base, mine, current, merged, keepingMine, names in
            var list = RecordListMerge(
                name: name, each: each, title: title, keepingMine: keepingMine, names: names)
            let (entries, conflicts) = list.merge(
                base: base[keyPath: path], mine: mine[keyPath: path], current: current[keyPath: path])
            merged[keyPath: path] = entries
            return conflicts
        }
    }

    private init(
        name: String,
        merge: @escaping (Record, Record, Record, inout Record, Set<String>, MergeNames) -> [FieldConflict]
    ) {
        self.name = name
        self.merge = merge
    }
}

/// The three-way merge of one list of records with ids (see `MergeField.records`).
private struct RecordListMerge<Entry: FieldMergeable & Identifiable> where Entry.ID == RecordID {
    let name: String
    let each: String
    let title: (Entry) -> String
    let keepingMine: Set<String>
    let names: MergeNames
    private(set) var conflicts: [FieldConflict] = []

    init(
        name: String, each: String, title: @escaping (Entry) -> String, keepingMine: Set<String>,
        names: MergeNames
    ) {
        self.name = name
        self.each = each
        self.title = title
        self.keepingMine = keepingMine
        self.names = names
    }

    mutating func merge(base: [Entry], mine: [Entry], current: [Entry]) -> ([Entry], [FieldConflict]) {
        guard mine != base else { return (current, []) }
        let b = Self.byID(base)
        let m = Self.byID(mine)
        let c = Self.byID(current)
        var kept: [RecordID: Entry] = [:]
        for id in Self.ids(mine + current + base) {
            kept[id] = entry(id, base: b[id], mine: m[id], current: c[id])
        }
        let order = self.order(base: base, mine: mine, current: current, kept: kept)
        return (order.compactMap { kept[$0] }, conflicts)
    }

    /// What the merged list holds of one entry (nil: nothing).
    private mutating func entry(_ id: RecordID, base b: Entry?, mine m: Entry?, current c: Entry?) -> Entry? {
        let key = "\(name)/\(id.rawValue)"
        switch (b, m, c) {
        case (let b?, let m?, let c?):
            guard m != b else { return c }
            let prefix = key + "/"
            let (merged, inner) = Entry.merge(
                base: b, mine: m, current: c,
                keepingMine: Set(
                    keepingMine.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil }
                ),
                names: names)
            conflicts += inner.map {
                FieldConflict(
                    key: prefix + $0.key, field: "\(each) “\(title(c))”: \($0.field)", mine: $0.mine,
                    theirs: $0.theirs)
            }
            return merged
        case (let b?, let m?, nil):
            // They deleted it; I changed it.
            guard m != b else { return nil }
            if keepingMine.contains(key) { return m }
            conflicts.append(
                FieldConflict(key: key, field: "\(each) “\(title(m))”", mine: "changed", theirs: "deleted"))
            return nil
        case (let b?, nil, let c?):
            // I deleted it; they changed it.
            guard c != b, !keepingMine.contains(key) else { return nil }
            conflicts.append(
                FieldConflict(key: key, field: "\(each) “\(title(c))”", mine: "deleted", theirs: "changed"))
            return c
        case (nil, let m?, let c?):
            guard m != c else { return c }
            if keepingMine.contains(key) { return m }
            conflicts.append(
                FieldConflict(key: key, field: "\(each) “\(title(c))”", mine: title(m), theirs: title(c)))
            return c
        case (_, let m, let c):
            // Added on one side, or deleted on both.
            return b == nil ? (m ?? c) : nil
        }
    }

    /// The merged list's order: mine where only I moved entries, else theirs; the other
    /// side's new entries go after the entry they follow on their side (and after what
    /// the first side added there).
    private mutating func order(base: [Entry], mine: [Entry], current: [Entry], kept: [RecordID: Entry])
        -> [RecordID]
    {
        let shared = Set(base.map(\.id)).intersection(mine.map(\.id)).intersection(current.map(\.id))
        func sequence(_ list: [Entry]) -> [RecordID] { list.map(\.id).filter(shared.contains) }
        let iMoved = sequence(mine) != sequence(base)
        let theyMoved = sequence(current) != sequence(base) && sequence(current) != sequence(mine)
        let key = "\(name) order"
        var mineFirst = iMoved && !theyMoved
        if iMoved && theyMoved {
            if keepingMine.contains(key) {
                mineFirst = true
            } else {
                conflicts.append(
                    FieldConflict(
                        key: key, field: "Order of \(name.lowercased())",
                        mine: MergeText.list(mine.map(title)), theirs: MergeText.list(current.map(title))))
            }
        }
        let (first, second) = mineFirst ? (mine, current) : (current, mine)
        let inBase = Set(base.map(\.id))
        var out = first.map(\.id).filter { kept[$0] != nil }
        var placed = Set(out)
        var previous: RecordID?
        for id in second.map(\.id) where kept[id] != nil {
            if !placed.contains(id) {
                // After the entry it follows, and after what the first side added there.
                var at = previous.flatMap { p in out.firstIndex(of: p).map { $0 + 1 } } ?? 0
                while at < out.count, !inBase.contains(out[at]), !second.contains(where: { $0.id == out[at] })
                {
                    at += 1
                }
                out.insert(id, at: at)
                placed.insert(id)
            }
            previous = id
        }
        return out
    }

    private static func byID(_ list: [Entry]) -> [RecordID: Entry] {
        Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every id once, in the order first seen.
    private static func ids(_ list: [Entry]) -> [RecordID] {
        var seen = Set<RecordID>()
        return list.map(\.id).filter { seen.insert($0).inserted }
    }
}
