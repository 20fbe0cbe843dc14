import ArgumentParser
import RapportCore

/// The renewal terms `account add` and `account edit` take (D50).
struct RenewalOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The next renewal day ('none' removes the renewal terms).", valueName: "DATE"))
    var renews: String?

    @Option(help: ArgumentHelp("How long a renewal runs, in months (default 12).", valueName: "MONTHS"))
    var term: Int?

    @Option(
        name: .customLong("renewal-value"),
        help: ArgumentHelp(
            "What the renewal is worth a year ('none': the annual value).", valueName: "AMOUNT"))
    var renewalValue: String?

    @Flag(inversion: .prefixedNo, help: "Whether the contract renews itself unless someone gives notice.")
    var autoRenew: Bool?

    @Option(
        help: ArgumentHelp("Days of notice the contract needs before its renewal day.", valueName: "DAYS"))
    var notice: Int?

    /// Whether any renewal option is given.
    var isEmpty: Bool {
        renews == nil && term == nil && renewalValue == nil && autoRenew == nil && notice == nil
    }

    /// The named terms, into `change`; checked before the store is opened.
    func fill(_ change: inout AccountFactsChange, _ context: CommandContext) throws {
        if let renews {
            if ContactOptions.isNone(renews) {
                change.renewsOn = .some(nil)
            } else {
                let day = try context.dayParser.parse(renews, direction: .future)
                change.renewsOn = .some(day)
            }
        }
        change.contractTermMonths = term
        change.renewalValue = try renewalValue.map { text -> Int? in
            if ContactOptions.isNone(text) { return nil }
            do throws(InputError) { return try Money.parse(text) } catch {
                throw InputError("--renewal-value \(error.message)")
            }
        }
        change.autoRenews = autoRenew
        change.noticeDays = notice
    }

    /// Refuses terms without a renewal day to hang them on, and terms no contract has.
    static func validate(_ facts: AccountFacts) throws {
        do throws(InputError) { try facts.validateRenewal() } catch {
            throw InputError("renewal terms: \(error.message)")
        }
    }
}

/// `rapport account renew ACCOUNT`: marks the renewal renewed.
struct RenewAccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renew",
        abstract:
            "Mark an account's renewal renewed: the next term starts (as done on the due list's renewal day)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Option(
        parsing: .unconditional, help: ArgumentHelp("When it was renewed (default today).", valueName: "DATE")
    )
    var on: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The next renewal day (default: one term after the last).", valueName: "DATE"))
    var until: String?

    @Option(help: ArgumentHelp("What the renewal is worth a year, if it changed.", valueName: "AMOUNT"))
    var value: String?

    func run() throws {
        let context = try CommandContext(global)
        let day = try on.map { try context.dayParser.parse($0, direction: .past) } ?? context.today
        guard day <= context.today else {
            throw InputError("--on \(day.iso) is in the future; a renewal is marked once done")
        }
        let next = try until.map { try context.dayParser.parse($0, direction: .future) }
        let worth = try value.map { text in
            do throws(InputError) { return try Money.parse(text) } catch {
                throw InputError("--value \(error.message)")
            }
        }
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store)
        let (_, saved) = try store.update(target.account.id) { account in
            try account.markRenewed(on: day, until: next, value: worth)
        }
        let c = saved.account.contract!
        let currency = try store.readStoreFile().settings.currency
        print(
            "Renewed \(saved.account.name) on \(day.iso), worth "
                + "\(Money.full(saved.account.renewalValue, currency: currency)) a year; next renewal \(c.renewsOn.iso)"
        )
    }
}
