import ArgumentParser
import RapportCore
import RapportStore

/// `rapport account ...`: manage accounts.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Manage accounts.",
        subcommands: [AddAccountCommand.self, EditAccountCommand.self, RenewAccountCommand.self])
}

/// `rapport account add NAME`: adds an account.
struct AddAccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an account.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The account's name.")
    var name: String

    @Option(help: "The account manager (default: $RAPPORT_OWNER, else $USER).")
    var owner: String?

    @Option(help: .choice(Tier.self, "The account's tier"), completion: .choice(Tier.self))
    var tier: String = "standard"

    @Option(
        help: .choice(AccountStatus.self, "Where the relationship stands"),
        completion: .choice(AccountStatus.self))
    var status: String = "active"

    @Option(help: .choice(Season.self, "The relationship's season"), completion: .choice(Season.self))
    var season: String = "growth"

    @Option(help: "Annual revenue, e.g. 1200000, 1.2M or 350k.")
    var value: String?

    @Option(name: .customLong("lifetime-value"), help: "Estimated lifetime value.")
    var lifetimeValue: String?

    @Option(help: "Market or industry.")
    var market: String = ""

    // Like every DATE option, the next argument as it is: `--since -2y`.
    @Option(parsing: .unconditional, help: ArgumentHelp("Customer since (DATE).", valueName: "DATE"))
    var since: String?

    @Option(name: .customLong("tag"), help: "A tag; repeat for more.")
    var tags: [String] = []

    @OptionGroup var renewal: RenewalOptions

    func run() throws {
        let context = try CommandContext(global)
        let trimmed = name.trimmingWhitespace()
        let store = try context.openStore()
        try Account.validateName(trimmed, among: store.list { $0.name }.items)
        var account = Account(
            name: trimmed, owner: owner ?? context.userName, tier: try parseChoice(tier, "--tier"),
            status: try parseChoice(status, "--status"),
            annualValue: try value.map(Money.parse) ?? 0,
            lifetimeValue: try lifetimeValue.map(Money.parse) ?? 0,
            customerSince: try since.map { try customerSince($0, context) },
            market: market, tags: tags, season: try parseChoice(season, "--season"), createdOn: context.today)
        if !renewal.isEmpty {
            var change = AccountFactsChange()
            try renewal.fill(&change, context)
            guard change.renewsOn != nil else {
                throw InputError("give --renews DATE with the renewal terms")
            }
            let facts = try change.applied(to: AccountFacts(account))
            try RenewalOptions.validate(facts)
            facts.apply(to: &account, today: context.today)
        }
        // Added as lost or former: with its loss record, as every status change gives one.
        let active = AccountFacts(Account(name: trimmed, createdOn: context.today))
        account.loss = LossChange.recorded(AccountFacts(account), from: active, today: context.today).loss
        try store.create(account)
        print("Added \(account.name) (\(account.id))")
    }

    /// `--since`, refused when it is after today.
    private func customerSince(_ text: String, _ context: CommandContext) throws -> Day {
        let day = try context.dayParser.parse(text, direction: .past)
        do { try Account.validateCustomerSince(day, today: context.today) } catch {
            throw InputError("--since \(error.message)")
        }
        return day
    }
}
