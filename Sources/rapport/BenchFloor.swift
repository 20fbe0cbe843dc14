import ArgumentParser
import RapportCore

#if canImport(Glibc)
    import Glibc
#endif

/// `rapport bench-floor`: the least any list must do, in a fresh process: list the
/// accounts directory, stat every entry (the index's freshness check) and read every
/// index shard whole, with nothing parsed. `rapport bench` times it as the floor the
/// lists are measured against (issue 23).
struct BenchFloorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench-floor", shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        var files = 0
        var bytes = 0
        guard let dir = opendir(context.storePath + "/accounts") else {
            throw InputError("cannot list \(context.storePath)/accounts")
        }
        let fd = dirfd(dir)
        var info = stat()
        while let entry = readdir(dir) {
            let listed = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) {
                    fstatat(fd, $0, &info, AT_SYMLINK_NOFOLLOW)
                }
            }
            if listed == 0 { files += 1 }
        }
        closedir(dir)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        for n in 0..<256 {
            let hex = String(n, radix: 16)
            let shard = open(context.storePath + "/index/\(hex.count == 1 ? "0" + hex : hex).idx", O_RDONLY)
            guard shard >= 0 else { continue }
            var size = stat()
            fstat(shard, &size)
            if buffer.count < Int(size.st_size) { buffer = [UInt8](repeating: 0, count: Int(size.st_size)) }
            bytes += buffer.withUnsafeMutableBytes { read(shard, $0.baseAddress, Int(size.st_size)) }
            close(shard)
        }
        print("\(files) \(bytes)")
    }
}
