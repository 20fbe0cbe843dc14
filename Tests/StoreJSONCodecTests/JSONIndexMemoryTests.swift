import Foundation
import Testing

@testable import StoreJSONCodec

/// The parser's nodes are memory of their own: whoever reads with a parser frees them,
/// the index when it is done and the places a save finds unknown members at each time.
@Suite struct JSONIndexMemoryTests {
    /// The process's data memory (`VmData`, in bytes): what it has allocated, whether
    /// touched or not, and keeps.
    static func allocated() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmData:") })
        let kilobytes = try #require(Int(line.split(separator: " ")[1]))
        return kilobytes * 1024
    }

    /// Left behind, 1,000 rounds would hold over 300 MB. The measure is the whole process's,
    /// and the tests that run alongside allocate and give back memory of their own (a list
    /// gives its worker threads' back, D57): a margin of 10 MB over 200 rounds failed.
    static let (rounds, margin) = (1_000, 120_000_000)

    @Test func findingAMembersEndLeavesNoMemoryBehind() throws {
        // A 200 KB text: a parser sized for it holds about 300 KB of nodes.
        let text = Array("{\"a\" : [1, 2, 3], \"pad\" : \"\(String(repeating: "x", count: 200_000))\"}".utf8)
        try text.withUnsafeBufferPointer { bytes in
            let index = try JSONIndex(bytes)
            let key = 1
            #expect(index.memberEnd(key: key) == text.firstIndex(of: UInt8(ascii: "]"))! + 1)
            let before = try Self.allocated()
            for _ in 0..<Self.rounds {
                _ = index.valueStart(key: key)
                _ = index.memberEnd(key: key)
            }
            #expect(try Self.allocated() - before < Self.margin)
        }
        // A text the index refuses (cut short) leaves none either.
        let cut = Array(text.dropLast())
        try cut.withUnsafeBufferPointer { bytes in
            let before = try Self.allocated()
            for _ in 0..<Self.rounds {
                #expect(throws: JSONTextDecoder.Refused.self) { try JSONIndex(bytes) }
            }
            #expect(try Self.allocated() - before < Self.margin)
        }
    }
}
