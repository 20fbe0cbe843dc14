import Dispatch
import Synchronization

/// Work spread over the machine's cores.
public enum Parallel {
    /// `body` for each of `0..<count`, run concurrently, results in order. Opening a
    /// large store works this way: the index's 256 shards, then the table's rows.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let value = body(i)
            results.withLock { $0[i] = value }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `transform` over `items` in a few chunks run concurrently, results in order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunk = 512
        let chunks = (items.count + chunk - 1) / chunk
        return map(chunks) { c in
            items[c * chunk..<min(items.count, (c + 1) * chunk)].map(transform)
        }.joinedWithoutGrowing()
    }
}

extension Parallel {
    /// An array of `count` elements, element `i` made by `element(i)`, a half on each of
    /// two cores: written in place, without parts to join.
    public static func array<T: Sendable>(count: Int, _ element: @Sendable (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            inTwo(buffer, at: count / 2) { part, offset in
                for i in part.indices { (part.baseAddress! + i).initialize(to: element(offset + i)) }
            }
            initialized = count
        }
    }

    /// `body` on the two parts of `buffer` split at `middle`, at once, each part one
    /// task's only; `body` is given a part and where it starts in `buffer`.
    public static func inTwo<T>(
        _ buffer: UnsafeMutableBufferPointer<T>, at middle: Int,
        _ body: @Sendable (UnsafeMutableBufferPointer<T>, _ offset: Int) -> Void
    ) {
        let shared = SharedBuffer(buffer: buffer)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let part = half == 0 ? 0..<middle : middle..<shared.buffer.count
            body(UnsafeMutableBufferPointer(rebasing: shared.buffer[part]), part.lowerBound)
        }
    }

    /// A buffer whose two parts are written by two tasks at once, each its own.
    private struct SharedBuffer<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
    }
}

extension Array {
    /// The parts one after another, in an array made the right size at once.
    public func joinedWithoutGrowing<T>() -> [T] where Element == [T] {
        var joined: [T] = []
        joined.reserveCapacity(reduce(0) { $0 + $1.count })
        for part in self { joined += part }
        return joined
    }
}

/// A value made in one parallel step and taken, whole, by the one task of the next step
/// that needs it: taking leaves no other holder, so the taker can change the value in
/// place (a large array is not copied on its first change).
public final class Handoff<Value: Sendable>: Sendable {
    private let slot: Mutex<Value?>

    public init(_ value: Value) { slot = Mutex(value) }

    /// The value; a second take traps.
    public func take() -> Value { slot.withLock { $0.take()! } }
}
