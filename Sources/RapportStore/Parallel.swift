import Dispatch
import Synchronization

/// Work spread over the machine's cores.
enum Parallel {
    /// `body` for each of `0..<count`, run concurrently, results in order. The index
    /// reads its 256 shards this way: parsing them is most of opening a large store.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Mutex([T?](repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let value = body(i)
            results.withLock { $0[i] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}
