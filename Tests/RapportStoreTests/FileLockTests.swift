import Dispatch
import Foundation
import Testing

@testable import RapportStore

/// The store lock waited for in the kernel: a waiter that gives up never keeps the lock.
@Suite struct FileLockTests {
    @Test func aWaiterThatGaveUpLetsTheLockGoWhenItComes() throws {
        let t = try TempStore()
        let path = t.root + "/.lock"
        let held = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let holder = DispatchGroup()
        DispatchQueue.global().async(group: holder) {
            try? FileLock.withLock(at: path) {
                held.signal()
                release.wait()
            }
        }
        held.wait()
        #expect(throws: StoreError.locked(path: path)) {
            try FileLock.withLock(at: path, timeout: 0.05) {}
        }
        release.signal()
        holder.wait()
        // The abandoned waiter got the lock when the holder let go, and let it go in turn.
        let ran = try FileLock.withLock(at: path, timeout: 5) { true }
        #expect(ran)
    }
}
