import FoundationEssentials
import IndexKit

/// Encodes `Encodable` values into Rapport's JSON form, byte for byte what
/// `RapportJSON.encoder()` (Foundation's `JSONEncoder`, pretty-printed, keys sorted by
/// their UTF-8 bytes, slashes left alone) writes, with less than half the work (2.5
/// against 5.6 million instructions for an account of 27 KB).
///
/// Values are written straight into one byte buffer as they come. An array's elements
/// are written in place; an object's values are written one after another and, when the
/// object ends, put in key order with their keys. The encoder given to each value is a
/// struct over the shared output, so a value costs no allocation of its own. Foundation
/// builds a tree of boxed values, with a dictionary per object, first.
///
/// Dates, data, URLs and decimals, which `JSONEncoder` treats specially, are refused
/// (`JSONTextEncoder.Unsupported`); `RapportJSON.encode` then uses `JSONEncoder`.
enum JSONTextEncoder {
    /// A value this encoder does not write the way `JSONEncoder` would.
    struct Unsupported: Error {}

    /// The text of `value`, ending with a newline.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let output = JSONOutput(path: [])
        guard try output.encode(value, depth: 0) else {
            throw EncodingError.invalidValue(
                value,
                .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        output.write("\n")
        return Data(buffer: output.bytes.buffer)
    }
}

/// The text being written, and the objects and arrays open in it.
final class JSONOutput {
    /// An object or array whose members are being written.
    struct Frame {
        let depth: Int
        let isObject: Bool
        /// Where an object's first value starts.
        let start: Int
        /// An object's first member in `keys`, `keyPrefixes` and `ends`.
        let firstMember: Int
        var count = 0
        /// Members written later than their turn (nested containers, super encoders), in
        /// outputs of their own: an object's by member index, an array's by the position
        /// their text goes to.
        var deferred: [(at: Int, output: JSONOutput)] = []
    }

    // Unchecked: these are written once or more per value, and the run-time exclusivity
    // checks of a class's properties were a tenth of the encoding time.
    @exclusivity(unchecked) var bytes = GrowingBytes(capacity: 1 << 15)
    /// Where an object's values are copied while they are put in key order.
    @exclusivity(unchecked) private var scratch = GrowingBytes(capacity: 1 << 12)
    @exclusivity(unchecked) private(set) var frames: [Frame] = []
    /// The keys of open objects' members, each frame's from its `firstMember`.
    @exclusivity(unchecked) private var keys: [String] = []
    /// Each key's `UInt64(leadingBytes:)`, to order keys by integer comparison
    /// (comparing the strings was a tenth of the encoding time).
    @exclusivity(unchecked) private var keyPrefixes: [UInt64] = []
    /// Where each open object member's value ends.
    @exclusivity(unchecked) private var ends: [Int] = []
    /// The keys from the top to the value being written.
    @exclusivity(unchecked) private(set) var path: [CodingKey]

    init(path: [CodingKey]) {
        self.path = path
        keys.reserveCapacity(64)
        keyPrefixes.reserveCapacity(64)
        ends.reserveCapacity(64)
    }

    // MARK: Values

    /// Writes `value` at `depth`; false if it wrote nothing (the top level's error).
    /// A nested value that writes nothing is an empty object, as in `JSONEncoder`.
    @discardableResult
    func encode<T: Encodable>(_ value: T, depth: Int) throws -> Bool {
        if try writeCommonScalar(value) { return true }
        if T.self == Data.self || T.self == Date.self || T.self == URL.self || T.self == Decimal.self {
            throw JSONTextEncoder.Unsupported()
        }
        let (openFrames, written) = (frames.count, bytes.count)
        try value.encode(to: ValueEncoder(output: self, depth: depth))
        if frames.count > openFrames {
            try finishFrame()
        } else if bytes.count == written {
            guard depth > 0 else { return false }
            writeEmptyObject(depth: depth)
        }
        return true
    }

    /// Writes `value` as the member `key` of the innermost frame.
    func encode<T: Encodable>(_ value: T, key: CodingKey) throws {
        let depth = beginMember(key)
        path.append(key)
        defer { path.removeLast() }
        try encode(value, depth: depth)
        endMember()
    }

    /// Writes a scalar as the member `key` of the innermost frame.
    func put(_ value: some JSONScalar, key: CodingKey) throws {
        beginMember(key)
        try value.write(to: self)
        endMember()
    }

    /// Strings, integers, booleans and doubles, written without an encoder; false for
    /// any other type.
    private func writeCommonScalar<T>(_ value: T) throws -> Bool {
        if T.self == String.self {
            write(string: unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            write(integer: unsafeBitCast(value, to: Int.self))
        } else if T.self == Bool.self {
            unsafeBitCast(value, to: Bool.self) ? write("true") : write("false")
        } else if T.self == Double.self {
            try write(float: unsafeBitCast(value, to: Double.self))
        } else {
            return false
        }
        return true
    }

    // MARK: Objects and arrays

    /// Opens an object or array for the value at `depth`, or returns the one it opened.
    func open(depth: Int, isObject: Bool) {
        if let last = frames.last, last.depth == depth {
            precondition(last.isObject == isObject, "one value opened both an object and an array")
            return
        }
        if !isObject { write("[\n") }
        frames.append(Frame(depth: depth, isObject: isObject, start: bytes.count, firstMember: keys.count))
    }

    /// Starts a member of the innermost frame; returns the depth its value is written at.
    @discardableResult
    private func beginMember(_ key: CodingKey) -> Int {
        let top = frames.count - 1
        let depth = frames[top].depth
        if frames[top].isObject {
            let text = key.stringValue
            keys.append(text)
            keyPrefixes.append(Self.prefix(of: text))
            ends.append(0)  // set when the value is written, after any members it has
        } else {
            if frames[top].count > 0 { write(",\n") }
            indent(depth + 1)
        }
        return depth + 1
    }

    private func endMember() {
        let top = frames.count - 1
        if frames[top].isObject { ends[ends.count - 1] = bytes.count }
        frames[top].count += 1
    }

    /// A member written later than its turn, into an output of its own.
    func deferredMember(_ key: CodingKey) -> JSONOutput {
        let top = frames.count - 1
        let index = frames[top].count
        beginMember(key)
        let output = JSONOutput(path: path + [key])
        frames[top].deferred.append((frames[top].isObject ? index : bytes.count, output))
        endMember()
        return output
    }

    /// Ends the innermost frame: an array's last line; an object's members in key order.
    private func finishFrame() throws {
        let frame = frames.removeLast()
        if frame.isObject {
            try writeObject(frame)
        } else {
            for (at, output) in frame.deferred.reversed() {
                try output.finishDeferred(depth: frame.depth + 1)
                bytes.insert(output.bytes.buffer, at: at)
            }
            write("\n")
        }
        indent(frame.depth)
        write(frame.isObject ? "}" : "]")
    }

    /// Ends what a deferred member wrote into this output.
    private func finishDeferred(depth: Int) throws {
        if !frames.isEmpty { try finishFrame() } else if bytes.count == 0 { writeEmptyObject(depth: depth) }
    }

    private func writeEmptyObject(depth: Int) {
        write("{\n\n")
        indent(depth)
        write("}")
    }

    private func writeObject(_ frame: Frame) throws {
        scratch.truncate(to: 0)
        scratch.append(UnsafeBufferPointer(rebasing: bytes.buffer[frame.start...]))
        bytes.truncate(to: frame.start)
        write("{\n")
        var first = true
        for member in order(frame) {
            if !first { write(",\n") }
            first = false
            indent(frame.depth + 1)
            write(string: keys[member])
            write(" : ")
            if let output = frame.deferred.first(where: { $0.at == member - frame.firstMember })?.output {
                try output.finishDeferred(depth: frame.depth + 1)
                bytes.append(output.bytes.buffer)
            } else {
                let from = member == frame.firstMember ? 0 : ends[member - 1] - frame.start
                bytes.append(
                    UnsafeBufferPointer(rebasing: scratch.buffer[from..<(ends[member] - frame.start)]))
            }
        }
        write("\n")
        keys.removeSubrange(frame.firstMember...)
        keyPrefixes.removeSubrange(frame.firstMember...)
        ends.removeSubrange(frame.firstMember...)
    }

    /// An object's members (indices into `keys`) in key order by bytes, the last of
    /// equal keys winning, as in `JSONEncoder`.
    private func order(_ frame: Frame) -> [Int] {
        var order = Array(frame.firstMember..<keys.count)
        // Insertion sort: objects have a few members.
        for i in order.indices.dropFirst() {
            let moving = order[i]
            var j = i
            while j > 0, precedes(moving, order[j - 1]) {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = moving
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for i in order {
            if let last = kept.last, keyPrefixes[last] == keyPrefixes[i], keys[last] == keys[i] {
                kept[kept.count - 1] = i
            } else {
                kept.append(i)
            }
        }
        return kept
    }

    /// Whether member `a`'s key sorts before `b`'s; equal keys keep their order.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        if keyPrefixes[a] != keyPrefixes[b] { return keyPrefixes[a] < keyPrefixes[b] }
        return keys[a].utf8.lexicographicallyPrecedes(keys[b].utf8)
    }

    private static func prefix(of key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { UInt64(leadingBytes: $0) }
    }
}
