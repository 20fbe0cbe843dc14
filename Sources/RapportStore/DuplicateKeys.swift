import RapportCore

// `rapport check` on keys an account file gives twice: JSON readers disagree on which
// copy wins (Rapport's reader keeps one, a teammate's tool may keep the other), so a
// merge that left both is named with the key and its lines (D41).
extension FileStore {
    /// A problem for every key given twice in one object of a readable account's file.
    func duplicateKeys(_ accounts: [LoadedAccount]) -> [StoreProblem] {
        var problems: [StoreProblem] = []
        for loaded in accounts {
            let path = path(of: loaded.account.id)
            guard let bytes = try? POSIXFile.readBytes(path) else { continue }
            for duplicate in DuplicateKeys.find(in: bytes) {
                problems.append(
                    StoreProblem(
                        path: path,
                        reason:
                            "the key \"\(duplicate.key)\" is given twice in one object, at lines "
                            + "\(duplicate.first) and \(duplicate.line); only one is read: remove the other",
                        account: loaded.account.id))
            }
        }
        return problems
    }
}

/// Finds keys that occur twice in one JSON object, with their line numbers.
enum DuplicateKeys {
    struct Duplicate: Equatable {
        var key: String
        var first: Int
        var line: Int
    }

    /// Every repeated key of every object in `bytes` (which is valid JSON: the account
    /// decoder read it), in the order the repeats occur. Keys are compared as written.
    static func find(in bytes: [UInt8]) -> [Duplicate] {
        var found: [Duplicate] = []
        // One dictionary of keys (with their lines) per open object or array.
        var open: [[ArraySlice<UInt8>: Int]] = []
        var line = 1
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                open.append([:])
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = open.popLast()
            case UInt8(ascii: "\""):
                let start = i + 1
                i = start
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                let text = bytes[start..<min(i, bytes.count)]
                var next = i + 1
                while next < bytes.count && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
                let isKey = next < bytes.count && bytes[next] == UInt8(ascii: ":")
                if isKey, !open.isEmpty {
                    if let first = open[open.count - 1][text] {
                        found.append(
                            Duplicate(key: String(decoding: text, as: UTF8.self), first: first, line: line))
                    } else {
                        open[open.count - 1][text] = line
                    }
                }
            default:
                break
            }
            i += 1
        }
        return found
    }
}
