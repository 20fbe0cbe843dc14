import ArgumentParser
import RapportCore
import RapportStore

/// `rapport import vcard FILE --account ACCOUNT`: the cards of an address-book export
/// (an iPhone's, Google Contacts', Outlook's) as contacts of one account.
struct ImportVCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcard", abstract: "Import contacts into an account from a vCard (.vcf) file.",
        discussion: """
            vCard 3.0 and 4.0 are read (several cards a file; name, title, email, phone). A card is the \
            account's contact with its email, else with its name (ignoring case), so importing the same \
            file twice creates nothing; a changed field updates the contact. Bad cards are reported by \
            line and the good ones imported; the exit status is then 1.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The vCard file (UTF-8).", completion: .file(extensions: ["vcf"]))
    var file: String

    @Option(
        help: ArgumentHelp("The account the contacts belong to.", valueName: "ACCOUNT"), completion: .account)
    var account: String

    @Flag(
        name: .customLong("dry-run"),
        help: "Print what would be created, updated and skipped; change nothing.")
    var dryRun = false

    func run() throws {
        let context = try CommandContext(global)
        let text = try System.readText(file)
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store).account
        let (cards, issues) = VCard.read(text)
        if cards.isEmpty && issues.isEmpty {
            throw InputError("\(file) holds no vCard (BEGIN:VCARD … END:VCARD); nothing was imported")
        }
        let plan = ImportPlan.make(cards: cards, issues: issues, into: target, today: context.today)
        for issue in plan.issues { System.writeError("\(file) \(issue)\n") }
        let report = ImportReport(file: file, what: "contacts", unit: "card")
        let failed = dryRun ? [:] : try ImportReport.apply(plan, to: store, context)
        report.show(plan, failed: failed, dryRun: dryRun)
        if !plan.issues.isEmpty || !failed.isEmpty { throw ExitCode(1) }
    }
}

extension System {
    /// A file's text, read whole as UTF-8; refused, naming the file, when it is not.
    static func readText(_ path: String) throws -> String {
        let bytes = try readInput(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError("\(path) is not UTF-8 text; export it as UTF-8 (nothing was imported)")
        }
        return text
    }
}
