import ArgumentParser
import RapportCore
import RapportStore

/// `rapport account edit ACCOUNT`: changes the facts named, and no other.
struct EditAccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an account's facts: only those named, in the newest copy of the account.",
        discussion: """
            A season change needs --reason (kept in the season history). --tag replaces the tags \
            (repeat it; --tag '' clears them); --add-tag and --remove-tag change one at a time. \
            --since none clears the day.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Option(help: "A new name (no other account may have it).")
    var name: String?

    @Option(help: "The account manager.")
    var owner: String?

    @Option(help: .choice(Tier.self, "The account's tier"), completion: .choice(Tier.self))
    var tier: String?

    @Option(
        help: .choice(AccountStatus.self, "Where the relationship stands"),
        completion: .choice(AccountStatus.self))
    var status: String?

    @Option(
        help: .choice(Season.self, "The relationship's season (needs --reason)"),
        completion: .choice(Season.self))
    var season: String?

    @Option(help: ArgumentHelp("Why the season changes ('-' reads standard input).", valueName: "TEXT"))
    var reason: String?

    @Option(help: "Annual revenue, e.g. 1200000, 1.2M or 350k.")
    var value: String?

    @Option(name: .customLong("lifetime-value"), help: "Estimated lifetime value.")
    var lifetimeValue: String?

    @Option(help: "Market or industry.")
    var market: String?

    @OptionGroup var lossOptions: LossOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Customer since ('none' clears it).", valueName: "DATE"))
    var since: String?

    @Option(name: .customLong("tag"), help: "The tags, replacing the current ones; repeat for more.")
    var tags: [String] = []

    @Option(name: .customLong("add-tag"), help: "A tag to add; repeat for more.")
    var addTags: [String] = []

    @Option(name: .customLong("remove-tag"), help: "A tag to remove; repeat for more.")
    var removeTags: [String] = []

    @Option(help: ArgumentHelp("Notes on the account ('-' reads standard input).", valueName: "TEXT"))
    var notes: String?

    @OptionGroup var renewal: RenewalOptions

    func run() throws {
        let context = try CommandContext(global)
        var input = StandardInput()
        let change = try self.change(context, &input)
        let loss = try lossOptions.change(context, &input)
        guard !change.isEmpty || !loss.isEmpty else {
            throw InputError(
                "nothing to change: name a fact, e.g. --owner, --tier, --status, --season with --reason, "
                    + "--value, --market, --add-tag or --renews")
        }
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store)
        if let newName = change.name {
            let id = target.account.id
            let others = store.list { $0.id == id ? nil : $0.name }.items.compactMap { $0 }
            do { try Account.validateName(newName, among: others) } catch {
                throw InputError("--name: \(error.message)")
            }
        }
        let (edit, saved) = try store.update(target.account.id) { account -> Mutation in
            let base = AccountFacts(account)
            var mine: AccountFacts
            do throws(InputError) { mine = try change.applied(to: base) } catch {
                throw InputError("--remove-tag \(error.message)")
            }
            mine = try loss.applied(to: mine, from: base, today: context.today)
            do throws(InputError) { try AccountFacts.validateSeasonChange(base: base, mine: mine) } catch {
                throw InputError("--season \(mine.season.rawValue) needs --reason TEXT: \(error.message)")
            }
            if mine.renewsOn == nil, !renewal.isEmpty, change.renewsOn == nil {
                throw InputError(
                    "\(account.name) has no renewal day: give --renews DATE with the renewal terms")
            }
            try RenewalOptions.validate(mine)
            let edit = Mutation.editFacts(base: base, mine: mine)
            try edit.apply(to: &account, today: context.today)
            return edit
        }
        guard !edit.changesNothing else {
            print("\(saved.account.name) already has those facts; nothing changed")
            return
        }
        print("Saved \(saved.account.name) (\(saved.account.id))")
    }

    /// The facts named, checked before the store is opened.
    private func change(_ context: CommandContext, _ input: inout StandardInput) throws -> AccountFactsChange
    {
        var change = AccountFactsChange()
        change.name = name?.trimmingWhitespace()
        change.owner = owner?.trimmingWhitespace()
        change.tier = try tier.map { try parseChoice($0, "--tier") }
        change.status = try status.map { try parseChoice($0, "--status") }
        change.season = try season.map { try parseChoice($0, "--season") }
        change.seasonReason = try input.text(reason, "--reason")?.trimmingWhitespace()
        if change.seasonReason != nil && change.season == nil {
            throw InputError("--reason says why the season changes; give the new season with --season")
        }
        change.annualValue = try value.map { try amount($0, "--value") }
        change.lifetimeValue = try lifetimeValue.map { try amount($0, "--lifetime-value") }
        change.market = market?.trimmingWhitespace()
        change.customerSince = try since.map { text -> Day? in
            if ContactOptions.isNone(text) { return nil }
            let day = try context.dayParser.parse(text, direction: .past)
            do throws(InputError) { try Account.validateCustomerSince(day, today: context.today) } catch {
                throw InputError("--since \(error.message)")
            }
            return day
        }
        change.tags = tags.isEmpty ? nil : tags
        change.addTags = addTags
        change.removeTags = removeTags.map { $0.trimmingSpaces() }
        change.notes = try input.text(notes, "--notes")?.trimmingWhitespace()
        try renewal.fill(&change, context)
        return change
    }

    private func amount(_ text: String, _ option: String) throws -> Int {
        do throws(InputError) { return try Money.parse(text) } catch {
            throw InputError("\(option) \(error.message)")
        }
    }
}
