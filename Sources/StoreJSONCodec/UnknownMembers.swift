import FoundationEssentials

/// The members of a JSON text that a decode did not read (keys a newer Rapport wrote),
/// each with where it sat, so that a save can put them back into the text it writes.
///
/// A member's place is its object's path from the top: keys, and for an array's
/// element its `id` (records are matched by id, so one deleted takes its unknown
/// members with it and one moved keeps them), or its position where it has none (kept
/// only while the array has as many elements). The member is kept as its text was,
/// byte for byte, and goes back among its object's keys in key order, as the encoder
/// sorts them.
public struct UnknownMembers: Sendable, Equatable {
    /// One step of a path from the top of the text.
    enum Step: Sendable, Equatable {
        case key([UInt8])
        /// The element whose `id` is this string.
        case id([UInt8])
        /// The element at this position of an array of `count`.
        case position(Int, count: Int)
    }

    struct Member: Sendable, Equatable {
        var path: [Step]
        var key: [UInt8]
        /// `"key": value` as the text had it.
        var text: [UInt8]
    }

    private(set) var members: [Member] = []

    /// None: a save writes exactly what the encoder writes.
    public static let none = UnknownMembers()

    public var isEmpty: Bool { members.isEmpty }

    /// Each member's place and key (`account.contacts[con-1].x`), for messages and tests.
    public var paths: [String] {
        members.map { member in
            var text = ""
            for step in member.path {
                switch step {
                case .key(let key): text += (text.isEmpty ? "" : ".") + String(decoding: key, as: UTF8.self)
                case .id(let id): text += "[\(String(decoding: id, as: UTF8.self))]"
                case .position(let n, _): text += "[\(n)]"
                }
            }
            return text + (text.isEmpty ? "" : ".") + String(decoding: member.key, as: UTF8.self)
        }
    }

    private init() {}

    /// The members of `index`'s text that no decode looked up, outermost only (a member
    /// inside one not read is part of its text).
    init(unread index: JSONIndex) {
        guard !index.everyKeyLooked else { return }
        var unread: [Int] = []
        for (node, n) in index.nodes.enumerated() where n.kind == .object {
            var at = node + 1
            for _ in 0..<n.first {
                if !index.looked[at] { unread.append(at) }
                at = index.next(at + 1)
            }
        }
        collect(index, node: 0, path: [], unread: unread.sorted())
    }

    /// Whether an `unread` key node (sorted) lies under `node`.
    private static func hasUnread(under node: Int, _ unread: [Int], in index: JSONIndex) -> Bool {
        var low = 0
        var high = unread.count
        while low < high {
            let middle = (low + high) / 2
            if unread[middle] <= node { low = middle + 1 } else { high = middle }
        }
        return low < unread.count && unread[low] < index.next(node)
    }

    /// Collects the unread members under `node`; paths are built only towards the
    /// `unread` key nodes (sorted).
    private mutating func collect(_ index: JSONIndex, node: Int, path: [Step], unread: [Int]) {
        switch index.nodes[node].kind {
        case .object:
            var at = node + 1
            for _ in 0..<index.nodes[node].first {
                if !index.looked[at] {
                    let start = Int(index.nodes[at].first) - 1
                    let text = Array(index.bytes[start..<index.memberEnd(key: at)])
                    members.append(Member(path: path, key: index.bytes(of: at), text: text))
                } else if Self.hasUnread(under: at + 1, unread, in: index) {
                    collect(index, node: at + 1, path: path + [.key(index.bytes(of: at))], unread: unread)
                }
                at = index.next(at + 1)
            }
        case .array:
            let elements = index.elements(of: node)
            for (n, element) in elements.enumerated()
            where index.nodes[element].kind == .object && Self.hasUnread(under: element, unread, in: index) {
                let step = index.id(of: element).map(Step.id) ?? .position(n, count: elements.count)
                collect(index, node: element, path: path + [step], unread: unread)
            }
        default: break
        }
    }

    /// `encoded` (the encoder's text, pretty-printed with sorted keys) with these members
    /// put back where their objects still are; a member whose key the text already has,
    /// or whose object is gone, is left out.
    public func graft(into encoded: Data) throws -> Data {
        guard !members.isEmpty else { return encoded }
        var text = [UInt8](encoded)
        let edits = try text.withUnsafeBufferPointer { bytes in
            let index = try JSONIndex(bytes, refusingNonASCIIKeys: false)
            var byObject: [Int: [Member]] = [:]
            var keys: [Int: Int] = [:]
            for member in members {
                guard let (object, key) = index.find(member.path), index.nodes[object].kind == .object else {
                    continue
                }
                byObject[object, default: []].append(member)
                keys[object] = key
            }
            return byObject.flatMap { object, members in
                Self.edits(putting: members, into: object, keyedBy: keys[object] ?? nil, of: index)
            }
        }
        // From the end, so each offset still holds; members at one offset go in key order.
        let backwards = edits.sorted { a, b in
            a.range.lowerBound != b.range.lowerBound
                ? a.range.lowerBound > b.range.lowerBound : b.key.lexicographicallyPrecedes(a.key)
        }
        for edit in backwards {
            text.replaceSubrange(edit.range, with: edit.text)
        }
        return Data(text)
    }

    typealias Edit = (range: Range<Int>, key: [UInt8], text: [UInt8])

    /// The edits that put `members` into the object at `object` (the value of the key
    /// node `key`, if a member), in key order among its own keys.
    private static func edits(
        putting members: [Member], into object: Int, keyedBy key: Int?, of index: JSONIndex
    ) -> [Edit] {
        let comma = UInt8(ascii: ",")
        var present: [(key: [UInt8], start: Int, node: Int)] = []
        var at = object + 1
        for _ in 0..<index.nodes[object].first {
            present.append((index.bytes(of: at), Int(index.nodes[at].first) - 1, at))
            at = index.next(at + 1)
        }
        let missing = members.filter { member in !present.contains { $0.key == member.key } }
        guard let lastPresent = present.last else {
            // An empty object (only ever a member's value here): the members one level in.
            guard let key, let open = index.valueStart(key: key), !missing.isEmpty else { return [] }
            let outer = index.lineBreakAndIndent(at: open)
            let inner = outer + Array("  ".utf8)
            let sorted = missing.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            let body = sorted.map { inner + $0.text }.joined(separator: [comma])
            return [((open + 1)..<(index.memberEnd(key: key) - 1), [], Array(body) + outer)]
        }
        return missing.map { member in
            if let next = present.first(where: { !$0.key.lexicographicallyPrecedes(member.key) }) {
                // Before the first key that sorts after it, indented as that one.
                let text = member.text + [comma] + index.lineBreakAndIndent(at: next.start)
                return (next.start..<next.start, member.key, text)
            }
            let end = index.memberEnd(key: lastPresent.node)
            let text = [comma] + index.lineBreakAndIndent(at: lastPresent.start) + member.text
            return (end..<end, member.key, text)
        }
    }
}
