import ArgumentParser
import RapportCore
import RapportStore

/// `rapport plan`: the relationship-for-life plan of an account.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Work with an account's relationship-for-life plan.",
        subcommands: [PlanExportCommand.self])
}

/// `rapport plan export ACCOUNT --markdown`.
struct PlanExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the plan as a Markdown document to share with the customer or team.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Flag(help: "Markdown output (the default and only format).")
    var markdown = false

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let found = try context.findAccount(account, in: store).account
        guard found.plan != nil else {
            throw InputError(
                "\(found.name) has no plan yet; start one in the app (account view, section 6, p)")
        }
        print(PlanDocument.markdown(found, today: context.today), terminator: "")
    }
}
