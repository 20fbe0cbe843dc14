#if canImport(Glibc)
    import Glibc
#endif

/// Reads JSON text into `JSONNode`s, refusing anything that is not strict JSON.
struct JSONParser: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var nodes: NodeList
    /// How many keys the text has, in all its objects.
    private(set) var keyCount = 0

    /// Whether a key with bytes outside ASCII is refused (only worth checking when the
    /// text has such bytes).
    private let refusingNonASCIIKeys: Bool

    /// A parser for indexing all of `bytes` (room made for their nodes at once) or, with
    /// `nodeCapacity`, for reading a value or some whitespace in them.
    init(bytes: UnsafeBufferPointer<UInt8>, refusingNonASCIIKeys: Bool, nodeCapacity: Int? = nil) {
        self.bytes = bytes
        self.refusingNonASCIIKeys = refusingNonASCIIKeys
        nodes = NodeList(capacity: nodeCapacity ?? bytes.count / 8 + 16)
    }

    /// The nodes read, for the index to own and deallocate.
    consuming func releaseNodes() -> UnsafeMutableBufferPointer<JSONNode> { nodes.release() }

    /// `JSONDecoder`'s limit on nesting.
    static let maximumDepth = 512

    mutating func skipWhitespace() {
        // Most calls find no whitespace, or one space (around a colon); a line's end and
        // its indentation are read eight bytes at a time.
        guard position < bytes.count, bytes[position] <= 0x20 else { return }
        if bytes[position] == 0x20, position + 1 < bytes.count, bytes[position + 1] > 0x20 {
            position += 1
            return
        }
        while position + 8 <= bytes.count {
            let word = UInt64(
                littleEndian: UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self))
            let white =
                Self.zeroBytes(word ^ 0x2020_2020_2020_2020) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                | Self.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D) | Self.zeroBytes(word ^ 0x0909_0909_0909_0909)
            let other = ~white & 0x8080_8080_8080_8080
            if other != 0 {
                position += other.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The high bit of each byte of `x` that is zero, and of no other (no carry crosses
    /// from one byte to the next).
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low7) &+ low7) | x | low7)
    }

    private func refuse() -> JSONTextDecoder.Refused { JSONTextDecoder.Refused() }

    mutating func value(depth: Int) throws {
        skipWhitespace()
        guard position < bytes.count, depth < Self.maximumDepth else { throw refuse() }
        switch bytes[position] {
        case UInt8(ascii: "{"): try container(depth: depth, isObject: true)
        case UInt8(ascii: "["): try container(depth: depth, isObject: false)
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw refuse()
        }
    }

    private mutating func literal(_ word: StaticString, _ kind: JSONNode.Kind) throws {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
            memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0
        else { throw refuse() }
        nodes.append(JSONNode(kind: kind, first: Int32(position), second: Int32(position + count)))
        position += count
    }

    private mutating func container(depth: Int, isObject: Bool) throws {
        let index = nodes.count
        nodes.append(JSONNode(kind: isObject ? .object : .array, first: 0, second: 0))
        position += 1
        skipWhitespace()
        let close = UInt8(ascii: isObject ? "}" : "]")
        var count: Int32 = 0
        // The key node read last in this object, to check the keys come in order.
        var previousKey = -1
        var sorted = true
        if position < bytes.count, bytes[position] == close {
            position += 1
        } else {
            while true {
                if isObject {
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                        throw refuse()
                    }
                    try string()
                    let key = nodes.count - 1
                    // Keys are compared as bytes, so an escaped one is left to JSONDecoder, and
                    // one outside ASCII too: it compares `String`s, equal when canonically
                    // equivalent (a Kelvin sign is a K, a composed é the decomposed one).
                    guard nodes[key].kind == .string, !refusingNonASCIIKeys || isASCII(nodes[key]) else {
                        throw refuse()
                    }
                    if previousKey >= 0, sorted {
                        sorted = precedes(previousKey, key)
                    }
                    previousKey = key
                    keyCount += 1
                    skipWhitespace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw refuse() }
                    position += 1
                }
                try value(depth: depth + 1)
                count += 1
                skipWhitespace()
                guard position < bytes.count else { throw refuse() }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                } else if bytes[position] == close {
                    position += 1
                    break
                } else {
                    throw refuse()
                }
            }
        }
        // Keys Rapport writes are in order, so none repeats; others are checked pairwise.
        if !sorted {
            let keys = keyNodes(of: index, count: Int(count))
            for (i, a) in zip(keys.indices, keys) {
                for b in keys[(i + 1)...] where !precedes(a, b) && !precedes(b, a) { throw refuse() }
            }
        }
        nodes[index].first = count
        nodes[index].second = Int32(nodes.count)
    }

    /// The key nodes of the object at `object`, which has `count` members.
    private func keyNodes(of object: Int, count: Int) -> [Int] {
        var keys: [Int] = []
        var at = object + 1
        for _ in 0..<count {
            keys.append(at)
            let value = nodes[at + 1]
            at = value.kind == .object || value.kind == .array ? Int(value.second) : at + 2
        }
        return keys
    }

    /// Whether the string at `node` is all ASCII.
    private func isASCII(_ node: JSONNode) -> Bool {
        var any: UInt8 = 0
        for i in Int(node.first)..<Int(node.second) { any |= bytes[i] }
        return any < 0x80
    }

    /// Whether the string at node `a` sorts before the one at `b`, byte by byte.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (nodes[a], nodes[b])
        let (xCount, yCount) = (Int(x.second - x.first), Int(y.second - y.first))
        // Most keys differ in their first byte.
        if xCount > 0, yCount > 0, bytes[Int(x.first)] != bytes[Int(y.first)] {
            return bytes[Int(x.first)] < bytes[Int(y.first)]
        }
        let order = memcmp(
            bytes.baseAddress! + Int(x.first), bytes.baseAddress! + Int(y.first), min(xCount, yCount))
        return order < 0 || (order == 0 && xCount < yCount)
    }

    private mutating func string() throws {
        position += 1
        let start = position
        var escaped = false
        skipPlainText()
        while true {
            guard position < bytes.count else { throw refuse() }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw refuse() }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 1
            }
            position += 1
        }
        nodes.append(
            JSONNode(kind: escaped ? .escapedString : .string, first: Int32(start), second: Int32(position)))
        position += 1
    }

    /// Moves to the first byte that ends or escapes a string, or that no string may
    /// hold (a control character), eight bytes at a time.
    private mutating func skipPlainText() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= bytes.count {
            let word = UInt64(
                littleEndian: UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self))
            // A byte's high bit is set where it is 0x22, 0x5C or below 0x20 (exact for
            // the first such byte; bytes of 0x80 and up are masked out).
            func zeroBytes(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
            let found =
                (zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
                    | ((word &- ones &* 0x20) & ~word & highs))
            if found != 0 {
                position += found.trailingZeroBitCount / 8
                return
            }
            position += 8
        }
    }

    private mutating func number() throws {
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - from
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let leading = position
        guard digits() > 0, bytes[leading] != UInt8(ascii: "0") || position == leading + 1 else {
            throw refuse()
        }
        var kind = JSONNode.Kind.integer
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw refuse() }
            kind = .number
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count,
                bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
            {
                position += 1
            }
            guard digits() > 0 else { throw refuse() }
            kind = .number
        }
        nodes.append(JSONNode(kind: kind, first: Int32(start), second: Int32(position)))
    }

    /// A string's bytes with its escapes replaced; nil for a bad escape or a lone surrogate.
    static func unescaped(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var i = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= text.count else { return nil }
            var value: UInt32 = 0
            for byte in text[at..<(at + 4)] {
                guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else { return nil }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while i < text.count {
            let byte = text[i]
            guard byte == UInt8(ascii: "\\") else {
                result.append(byte)
                i += 1
                continue
            }
            guard i + 1 < text.count else { return nil }
            switch text[i + 1] {
            case UInt8(ascii: "\""): result.append(0x22)
            case UInt8(ascii: "\\"): result.append(0x5C)
            case UInt8(ascii: "/"): result.append(0x2F)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                guard var code = hex4(i + 2) else { return nil }
                if (0xD800..<0xDC00).contains(code) {
                    guard i + 7 < text.count, text[i + 6] == UInt8(ascii: "\\"),
                        text[i + 7] == UInt8(ascii: "u"),
                        let low = hex4(i + 8), (0xDC00..<0xE000).contains(low)
                    else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }
                result.append(contentsOf: UTF8.encode(scalar)!)
                i += 6
                continue
            default: return nil
            }
            i += 2
        }
        return result
    }
}

/// The nodes a parse writes, in memory of its own that the index then owns (an array's
/// appends checked its uniqueness each time, and the index copied it out); freed with
/// the parser unless the index took them.
struct NodeList: ~Copyable {
    private(set) var base: UnsafeMutablePointer<JSONNode>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    mutating func append(_ node: JSONNode) {
        if count == capacity {
            let grown = UnsafeMutablePointer<JSONNode>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: node)
        count += 1
    }

    subscript(i: Int) -> JSONNode {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    /// The nodes written, for the index to own and deallocate.
    consuming func release() -> UnsafeMutableBufferPointer<JSONNode> {
        let nodes = UnsafeMutableBufferPointer(start: base, count: count)
        discard self
        return nodes
    }
}
