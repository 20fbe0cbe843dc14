import FoundationEssentials
import RapportCore
import StoreJSONCodec

// Why an account file cannot be read, worded for the person who has to fix it (D41).
extension FileStore {
    /// The problem `error` (from reading account `id`) is, naming the file and the account.
    func problem(reading id: RecordID, _ error: Error) -> StoreProblem {
        if case StoreError.unreadable(let path, let reason) = error {
            return StoreProblem(path: path, reason: reason, account: id)
        }
        if case StoreError.io(_, let reason) = error {
            return StoreProblem(path: path(of: id), reason: reason, account: id)
        }
        return StoreProblem(path: path(of: id), reason: "\(error)", account: id)
    }

    /// Why `data` is not JSON: git conflict markers are named with their line, since a
    /// merge that stopped half-way is the usual cause in a store shared through git.
    static func whyNotJSON(_ data: Data, _ error: Error) -> String {
        if let line = ConflictMarkers.firstLine(in: data) {
            return
                "git conflict markers at line \(line) (a merge left unfinished: keep one side of each "
                + "conflict and delete the <<<<<<<, ======= and >>>>>>> lines)"
        }
        return RapportJSON.describe(error)
    }
}

/// Git's conflict markers: `<<<<<<<`, `|||||||`, `=======` or `>>>>>>>` at the start of
/// a line. None can start a line of JSON, so their presence explains a file that does
/// not parse.
enum ConflictMarkers {
    private static let markers: [[UInt8]] = ["<<<<<<<", "|||||||", "=======", ">>>>>>>"].map {
        Array($0.utf8)
    }

    /// The 1-based number of the first line that starts with a marker, or nil.
    static func firstLine(in data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var line = 1
            var start = 0
            while start < bytes.count {
                let rest = UnsafeBufferPointer(rebasing: bytes[start...])
                if markers.contains(where: { rest.starts(with: $0) }) { return line }
                guard let newline = rest.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                start += newline + 1
                line += 1
            }
            return nil
        }
    }
}

extension Migrator {
    /// The schemas this Rapport reads: "schema 1", or "schemas 1 to 3" once migrations exist.
    var readable: String {
        let oldest = steps.map(\.from).min() ?? current
        return oldest == current ? "schema \(current)" : "schemas \(oldest) to \(current)"
    }
}
