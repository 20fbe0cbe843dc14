import ArgumentParser
import FoundationEssentials
import RapportCore

/// `rapport man`: the manual page, as roff on standard output (`rapport man >
/// ~/.local/share/man/man1/rapport.1`). Hidden; written from the commands' own
/// descriptions (ArgumentParser's description of the tool, `ManualPage`), so it cannot
/// fall behind them.
struct ManCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "man", abstract: "Print the manual page (roff).", shouldDisplay: false)

    func run() throws {
        let info: ToolDescription
        do {
            info = try JSONDecoder().decode(ToolDescription.self, from: Data(Rapport._dumpHelp().utf8))
        } catch {
            throw InputError("the commands' description could not be read: \(error)")
        }
        print(ManualPage(info.command, version: Rapport.version).text, terminator: "")
    }
}

/// The manual page of a command tree: NAME, SYNOPSIS, DESCRIPTION, OPTIONS (those every
/// command takes), COMMANDS (each visible command with its synopsis, abstract, discussion,
/// arguments and options; hidden ones left out), ENVIRONMENT, FILES.
struct ManualPage {
    let root: ToolDescription.Command
    let version: String

    init(_ root: ToolDescription.Command, version: String) {
        self.root = root
        self.version = version
    }

    /// Options listed once, under OPTIONS, not with every command.
    static let common: Set<String> = ["store", "help", "version"]

    static let environment: [(String, String)] = [
        ("RAPPORT_STORE", "The store directory, when --store is not given."),
        (
            "XDG_DATA_HOME",
            "Without either, the store is $XDG_DATA_HOME/rapport (default ~/.local/share/rapport)."
        ),
        ("RAPPORT_OWNER", "Your name: the owner of what you add, and what --owner me means (else $USER)."),
        ("RAPPORT_TODAY", "Pins today to a day, YYYY-MM-DD (for demos and tests)."),
        ("VISUAL, EDITOR", "The editor long texts open in (Ctrl-O in a form); VISUAL first."),
        ("NO_COLOR", "Turns the app's colour off.")
    ]

    var text: String {
        var out = ".TH RAPPORT 1 \"\" \"rapport \(version)\" \"User Commands\"\n"
        out += ".SH NAME\nrapport \\- \(Self.escape(root.abstract ?? ""))\n"
        out += ".SH SYNOPSIS\n.B rapport\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]\n.br\n"
        out += ".B rapport help\n\\fICOMMAND\\fR\n"
        out += ".SH DESCRIPTION\n" + Self.paragraphs(root.discussion ?? "")
        out += ".PP\nWith no command, \\fBrapport\\fR opens the terminal app.\n"
        out += ".SH OPTIONS\n"
        for argument in root.subcommands?.first?.arguments ?? [] where argument.preferredName?.name == "store"
        {
            out += option(argument)
        }
        out += ".TP\n\\fB\\-\\-version\\fR\nPrint the version.\n.TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n"
        out += "Print a command's help (rapport COMMAND \\-\\-help).\n"
        out += ".SH COMMANDS\n"
        for command in Self.visible(root.subcommands) { out += section(command, path: ["rapport"]) }
        out += ".SH ENVIRONMENT\n"
        for (name, meaning) in Self.environment { out += ".TP\n.B \(name)\n\(Self.escape(meaning))\n" }
        out += ".SH FILES\n.TP\n.I store.json\nThe store's schema version and settings.\n"
        out += ".TP\n.I accounts/ID.json\nOne account with all its records, readable JSON.\n"
        out += ".SH EXIT STATUS\n0 on success; non\\-zero with a one\\-line message on bad input, "
        out += "which changes nothing; 1 from \\fBcheck\\fR when the store has problems.\n"
        out += ".SH SEE ALSO\n.BR git (1)\n"
        return out
    }

    /// The commands a user can type: hidden ones and ArgumentParser's `help` left out.
    static func visible(_ commands: [ToolDescription.Command]?) -> [ToolDescription.Command] {
        (commands ?? []).filter { $0.shouldDisplay != false && $0.commandName != "help" }
    }

    /// A command's subsection, then its subcommands'.
    func section(_ command: ToolDescription.Command, path: [String]) -> String {
        let path = path + [command.commandName]
        let arguments = (command.arguments ?? []).filter {
            $0.shouldDisplay != false && !Self.common.contains($0.preferredName?.name ?? "")
        }
        let synopsis = ([path.joined(separator: " ")] + arguments.map(Self.usage)).joined(separator: " ")
        var out = ".SS \"\(Self.escape(synopsis).replacingText("\"", with: "\\(dq"))\"\n"
        out += Self.paragraphs(command.abstract ?? "")
        if let discussion = command.discussion, !discussion.isEmpty {
            out += ".PP\n" + Self.paragraphs(discussion)
        }
        for argument in arguments { out += option(argument) }
        for sub in Self.visible(command.subcommands) { out += section(sub, path: path) }
        return out
    }

    /// `[--tier <tier>]`, `<account>`, `[--tag <tag> ...]`.
    static func usage(_ argument: ToolDescription.Argument) -> String {
        var text: String
        switch argument.kind {
        case "positional": text = "<\(argument.valueName ?? "value")>"
        case "option": text = name(argument) + " <\(argument.valueName ?? "value")>"
        default: text = name(argument)
        }
        if argument.isRepeating { text += " ..." }
        return argument.isOptional ? "[\(text)]" : text
    }

    static func name(_ argument: ToolDescription.Argument) -> String {
        guard let name = argument.preferredName else { return argument.valueName ?? "" }
        return dashed(name)
    }

    /// One argument or option as a tagged paragraph: its names and value, its help.
    func option(_ argument: ToolDescription.Argument) -> String {
        let tag: String
        if argument.kind == "positional" {
            tag = "\\fI\(Self.escape(argument.valueName ?? "value"))\\fR"
        } else {
            let names = (argument.names ?? []).map { "\\fB" + Self.escape(Self.dashed($0)) + "\\fR" }
            let value =
                argument.kind == "option" ? " \\fI\(Self.escape(argument.valueName ?? "value"))\\fR" : ""
            tag = names.joined(separator: ", ") + value
        }
        var help = argument.abstract ?? ""
        if let values = argument.allValues, !values.isEmpty, !help.contains(values[0]) {
            help += " (\(values.joined(separator: ", ")))"
        }
        if let d = argument.defaultValue, !d.isEmpty, argument.kind == "option" { help += " Default: \(d)." }
        return ".TP\n\(tag)\n\(Self.escape(help))\n"
    }

    static func dashed(_ name: ToolDescription.Name) -> String {
        name.kind == "long" ? "--" + name.name : "-" + name.name
    }

    /// Text as roff paragraphs, one a line (the commands' discussions put one statement
    /// on a line), each escaped.
    static func paragraphs(_ text: String) -> String {
        text.split(separator: "\n").map { escape(String($0).trimmingSpaces()) }.filter { !$0.isEmpty }
            .joined(separator: "\n.PP\n") + "\n"
    }

    /// roff's special characters: the backslash, a dash (a real minus), a `.` or `'` that
    /// would start a request at the start of a line; dashes, quotes and the ellipsis as
    /// roff's own, and any other non-ASCII character as `\[uXXXX]` (troff reads its input
    /// as Latin-1 unless told otherwise).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
            // Those the commands' help uses, as every output device (man's ASCII too) has them.
            case "\u{2026}": out += "..."
            case "\u{2014}": out += "\\(em"
            case "\u{2013}": out += "\\(en"
            case "\u{2018}", "\u{2019}": out += "'"
            case "\u{201C}", "\u{201D}": out += "\""
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}

/// The part of ArgumentParser's description of the tool (`_dumpHelp`, the JSON that
/// `--experimental-dump-help` prints and its `generate-manual` plugin reads) that the
/// manual page needs. (ArgumentParser's own `ToolInfoV0` types are not a product.)
struct ToolDescription: Decodable {
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        /// `positional`, `option` or `flag`.
        var kind: String
        var shouldDisplay: Bool?
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
    }

    struct Name: Decodable {
        /// `long`, `short` or `longWithSingleDash`.
        var kind: String
        var name: String
    }

    var command: Command
}
