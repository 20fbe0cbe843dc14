import ArgumentParser
import Dispatch
import FoundationEssentials
import RapportCore

/// `rapport bench-run OUTPUT ARGS…`: runs `rapport ARGS…` with its standard output in the
/// file OUTPUT and prints its wall milliseconds, exit status and peak memory (kB). The
/// bench starts every command through it, so a command's peak is its own, not the
/// bench's (`BenchProcess`).
struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-run", shouldDisplay: false)

    @Argument var output: String
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws {
        let binary = try System.executablePath()
        let start = DispatchTime.now()
        guard let (status, usage) = System.run(binary, arguments, outputFile: output, quiet: true) else {
            throw InputError("cannot run \(binary)")
        }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        print("\(ms) \(status) \(usage.ru_maxrss)")
    }
}
