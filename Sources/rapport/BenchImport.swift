import FoundationEssentials
import RapportCore

#if canImport(Glibc)
    import Glibc
#endif

extension BenchFigures {
    /// `rapport import csv` of one row per account of the store (name, owner, tier,
    /// value, market, a source id) into an empty store, each run a fresh store, then the
    /// same file again into the last one (every row unchanged). Process times, flushed.
    func printImportFigures(_ digests: [AccountDigest]) throws {
        var writer = CSVWriter()
        writer.write(["Account ID", "Account Name", "Account Owner", "Annual Revenue", "Industry", "Tier"])
        for (i, d) in digests.enumerated() {
            writer.write(["SF\(i)", d.name, d.owner, String(d.annualValue), d.market, d.tier.rawValue])
        }
        let file = root + "-import.csv"
        try System.write(String(decoding: writer.bytes, as: UTF8.self), to: file)
        defer { unlink(file) }
        var fresh: [Double] = []
        var again: [Double] = []
        // Ten thousand rows take seconds; at a hundred thousand one run of each is enough.
        for run in 0..<(digests.count > 20_000 ? 1 : max(1, min(runs, 3))) {
            let target = root + "-import-\(run)"
            defer { try? FileManager.default.removeItem(atPath: target) }
            _ = try BenchProcess.run(binary, ["init", "--store", target], keepingOutput: false)
            let importing = ["import", "csv", file, "--accounts", "--store", target]
            fresh.append(try BenchProcess.run(binary, importing, keepingOutput: false).0)
            again.append(try BenchProcess.run(binary, importing, keepingOutput: false).0)
        }
        line("import csv, \(digests.count) account rows into an empty store", median(fresh), "ms")
        line("import csv again, \(digests.count) rows unchanged", median(again), "ms")
    }
}
