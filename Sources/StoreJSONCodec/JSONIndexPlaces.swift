/// Where things are in an indexed text: what `UnknownMembers` needs to take a member out
/// of one text and put it into another.
extension JSONIndex {
    /// Whether every key of every object was looked up (nothing is unknown).
    var everyKeyLooked: Bool {
        // A Bool is one byte, 0 or 1: eight at a time, the set bits of a word count them.
        let raw = UnsafeRawBufferPointer(looked)
        var count = 0
        var i = 0
        while i + 8 <= raw.count {
            count += raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).nonzeroBitCount
            i += 8
        }
        while i < raw.count {
            count += Int(raw[i])
            i += 1
        }
        return count == keyCount
    }

    /// The bytes of the string at `node`, as written (a key is never escaped here).
    func bytes(of node: Int) -> [UInt8] {
        Array(bytes[Int(nodes[node].first)..<Int(nodes[node].second)])
    }

    /// The `id` of the object at `object`, if it has a string one.
    func id(of object: Int) -> [UInt8]? {
        var at = object + 1
        for _ in 0..<nodes[object].first {
            if nodes[at + 1].kind == .string, bytes(of: at) == Array("id".utf8) { return bytes(of: at + 1) }
            at = next(at + 1)
        }
        return nil
    }

    /// The object at `path` and the key node it is the value of (nil at the top).
    func find(_ path: [UnknownMembers.Step]) -> (node: Int, key: Int?)? {
        var (node, key): (Int, Int?) = (0, nil)
        for step in path {
            switch (step, nodes[node].kind) {
            case (.key(let wanted), .object):
                var at = node + 1
                var found: Int?
                for _ in 0..<nodes[node].first where found == nil {
                    if bytes(of: at) == wanted { found = at }
                    at = next(at + 1)
                }
                guard let found else { return nil }
                (node, key) = (found + 1, found)
            case (.id(let wanted), .array):
                guard let element = elements(of: node).first(where: { id(of: $0) == wanted }) else {
                    return nil
                }
                (node, key) = (element, nil)
            case (.position(let n, let count), .array):
                let elements = elements(of: node)
                guard elements.count == count, nodes[elements[n]].kind == .object else { return nil }
                (node, key) = (elements[n], nil)
            default: return nil
            }
        }
        return (node, key)
    }

    /// The offset of the first byte of the value of the key node `key`.
    func valueStart(key: Int) -> Int? {
        var parser = JSONParser(bytes: bytes, refusingNonASCIIKeys: false, nodeCapacity: 0)
        parser.position = Int(nodes[key].second) + 1
        parser.skipWhitespace()
        guard parser.position < bytes.count, bytes[parser.position] == UInt8(ascii: ":") else { return nil }
        parser.position += 1
        parser.skipWhitespace()
        return parser.position
    }

    /// The offset just past the value of the key node `key`.
    func memberEnd(key: Int) -> Int {
        var parser = JSONParser(bytes: bytes, refusingNonASCIIKeys: false, nodeCapacity: 64)
        parser.position = valueStart(key: key) ?? bytes.count
        // The text was indexed whole, so the value reads again.
        try? parser.value(depth: 0)
        return parser.position
    }

    /// A line break and the indentation of the line holding `offset`.
    func lineBreakAndIndent(at offset: Int) -> [UInt8] {
        var start = offset
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        let indent = bytes[start..<offset].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return [UInt8(ascii: "\n")] + indent
    }
}
