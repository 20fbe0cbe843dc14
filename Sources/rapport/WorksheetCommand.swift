import ArgumentParser
import RapportCore
import RapportStore

/// `rapport worksheet`: an account's root-cause worksheets.
struct WorksheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worksheet", abstract: "Work with an account's root-cause worksheets.",
        subcommands: [WorksheetExportCommand.self])
}

/// `rapport worksheet export ACCOUNT [WORKSHEET] --markdown`.
struct WorksheetExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a worksheet as a Markdown document to share with the customer or team.",
        discussion:
            "WORKSHEET is an id or an unambiguous start of its title; without it, the account's most recent open worksheet."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Argument(help: "The worksheet (id or unambiguous start of its title).")
    var worksheet: String?

    @Flag(help: "Markdown output (the default and only format).")
    var markdown = false

    func run() throws {
        let context = try CommandContext(global)
        let found = try context.findAccount(account, in: try context.openStore()).account
        guard !found.worksheets.isEmpty else {
            throw InputError(
                "\(found.name) has no worksheets; start one in the app (account view, section 7, n)")
        }
        let chosen: Worksheet
        if let worksheet {
            chosen = try Lookup.find(
                worksheet, in: found.worksheets, kind: "worksheet", id: \.id, name: \.title)
        } else {
            chosen =
                found.worksheets.filter { $0.status != .closed }.max { $0.createdOn < $1.createdOn }
                ?? found.worksheets.max { $0.createdOn < $1.createdOn }!
        }
        print(WorksheetDocument.markdown(chosen, in: found), terminator: "")
    }
}
