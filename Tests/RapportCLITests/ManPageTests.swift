import Foundation
import Testing

/// `rapport man`: the manual page lists every command a user can type, none of the
/// hidden ones, and the environment; and it is roff that `man` renders without a warning.
@Suite struct ManPageTests {
    @Test func everyVisibleCommandAndNoHiddenOne() throws {
        let cli = CLIHarness()
        let page = try cli.run("man")
        #expect(page.status == 0)
        #expect(page.out.hasPrefix(".TH RAPPORT 1"))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "ENVIRONMENT"] {
            #expect(page.out.contains("\n.SH \(section)\n"), "section \(section)")
        }
        // The commands `rapport --help` lists, each with its own subsection.
        let help = try cli.run("--help").out
        let listed = help.components(separatedBy: "SUBCOMMANDS:")[1].split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0 != "help" && $0 != "See" }
        #expect(listed.count > 20, "found the commands in --help: \(listed)")
        for command in listed {
            #expect(
                page.out.contains(".SS \"rapport \(command.replacingOccurrences(of: "-", with: "\\-"))"),
                "rapport \(command) has its subsection")
        }
        for nested in ["account add", "account edit", "import vcard", "import ics", "litmus questions"] {
            #expect(page.out.contains(".SS \"rapport \(nested)"), "rapport \(nested)")
        }
        #expect(!page.out.contains("bench\\-probe"))
        #expect(!page.out.contains("rapport man"))
        for variable in ["RAPPORT_STORE", "RAPPORT_OWNER", "RAPPORT_TODAY", "VISUAL, EDITOR"] {
            #expect(page.out.contains(".B \(variable)\n"))
        }
        #expect(page.out.contains("\\fB\\-\\-tier\\fR \\fItier\\fR"))
    }

    @Test func manRendersItWithoutWarnings() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let cli = CLIHarness()
        let path = cli.root + "/rapport.1"
        try FileManager.default.createDirectory(atPath: cli.root, withIntermediateDirectories: true)
        try cli.run("man").out.write(toFile: path, atomically: true, encoding: .utf8)
        for device in ["-Tutf8", "-Tascii"] {
            let rendered = try Subprocess(
                "/usr/bin/groff", ["-man", device, "-ww", path], environment: ["PATH": "/usr/bin:/bin"]
            ).wait()
            #expect(rendered.status == 0)
            #expect(rendered.err == "", "groff \(device) warns: \(rendered.err)")
            #expect(rendered.out.contains("RAPPORT_STORE"))
        }
    }
}
