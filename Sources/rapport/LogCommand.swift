import ArgumentParser
import RapportCore
import RapportStore

/// `rapport log ACCOUNT SUMMARY --kind KIND`: logs a touchpoint.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Log a touchpoint with a customer.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Argument(help: "What happened, in a line ('-' reads standard input).")
    var summary: String

    @Option(help: .choice(TouchKind.self, "What kind of touchpoint"), completion: .choice(TouchKind.self))
    var kind: String

    @Option(
        name: .customLong("with"),
        help: ArgumentHelp("A contact (name prefix or id); repeat for more.", valueName: "CONTACT"))
    var contacts: [String] = []

    // Every DATE option takes the next argument as it is, so `--on -3d` works (by default
    // a value starting with a dash reads as another option).
    @Option(
        parsing: .unconditional, help: ArgumentHelp("When it happened (default today).", valueName: "DATE"))
    var on: String?

    @Option(help: .choice(Sentiment.self, "How it went"), completion: .choice(Sentiment.self))
    var sentiment: String = "neutral"

    @Option(
        name: .customLong("follow-up"), parsing: .unconditional,
        help: ArgumentHelp("When to follow it up.", valueName: "DATE"))
    var followUp: String?

    func run() throws {
        let context = try CommandContext(global)
        var input = StandardInput()
        let text = try input.text(summary, "SUMMARY").trimmingWhitespace()
        try Touchpoint.validateSummary(text)
        let kind: TouchKind = try parseChoice(self.kind, "--kind")
        let sentiment: Sentiment = try parseChoice(self.sentiment, "--sentiment")
        let day = try on.map { try context.dayParser.parse($0, direction: .past) } ?? context.today
        do { try Touchpoint.validateDay(day, today: context.today) } catch {
            throw InputError("--on \(error.message) (use --follow-up for what is next)")
        }
        let followUpDay = try followUp.map { try context.dayParser.parse($0, direction: .future) }
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store)
        let (touch, saved) = try store.update(target.account.id) { account -> Touchpoint in
            let ids = try contacts.map { query in
                try Lookup.find(
                    query, in: account.contacts, kind: "contact at \(account.name)", id: \.id, name: \.name
                ).id
            }
            let touch = Touchpoint(
                day: day, kind: kind, contactIDs: ids, summary: text, sentiment: sentiment,
                followUp: followUpDay, loggedBy: context.userName)
            try Mutation.addTouchpoint(touch).apply(to: &account, today: context.today)
            return touch
        }
        let who = touch.contactIDs.compactMap { saved.account.contact($0)?.name }.joined(separator: ", ")
        var message = "Logged \(kind.label) at \(saved.account.name) on \(day)"
        if !who.isEmpty { message += " with \(who)" }
        if let f = followUpDay { message += "; follow up \(f)" }
        print(message + " (\(touch.id))")
    }
}

/// `rapport concern ACCOUNT SUMMARY`: records a customer concern.
struct ConcernCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concern",
        abstract: "Record an issue or comment the customer raised, however small.",
        discussion:
            "Without --respond-by the response is due by severity: critical next day, high in 2 days, medium in 5, low in 10."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Argument(help: "The concern, in a line ('-' reads standard input).")
    var summary: String

    @Option(help: .choice(Severity.self, "How much it matters to them"), completion: .choice(Severity.self))
    var severity: String = "medium"

    @Option(
        name: .customLong("respond-by"),
        parsing: .unconditional, help: ArgumentHelp("When they must hear back from us.", valueName: "DATE"))
    var respondBy: String?

    @Option(
        name: .customLong("raised-by"), help: ArgumentHelp("The contact who raised it.", valueName: "CONTACT")
    )
    var raisedBy: String?

    @Option(
        parsing: .unconditional, help: ArgumentHelp("When it was raised (default today).", valueName: "DATE"))
    var on: String?

    @Option(help: ArgumentHelp("More detail ('-' reads standard input).", valueName: "TEXT"))
    var detail: String = ""

    func run() throws {
        let context = try CommandContext(global)
        var input = StandardInput()
        let text = try input.text(summary, "SUMMARY").trimmingWhitespace()
        try Concern.validateSummary(text)
        let detail = try input.text(self.detail, "--detail")
        let severity: Severity = try parseChoice(self.severity, "--severity")
        let raised = try on.map { try context.dayParser.parse($0, direction: .past) } ?? context.today
        do { try Concern.validateRaisedOn(raised, today: context.today) } catch {
            throw InputError("--on \(error.message)")
        }
        let due =
            try respondBy.map { try context.dayParser.parse($0, direction: .future) }
            ?? Concern.defaultRespondBy(raisedOn: raised, severity: severity)
        do { try Concern.validateRespondBy(due, raisedOn: raised) } catch {
            throw InputError("--respond-by \(error.message)")
        }
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store)
        let (concern, saved) = try store.update(target.account.id) { account -> Concern in
            let by = try raisedBy.map {
                try Lookup.find(
                    $0, in: account.contacts, kind: "contact at \(account.name)", id: \.id, name: \.name
                ).id
            }
            let concern = Concern(
                raisedOn: raised, raisedBy: by, summary: text, detail: detail, severity: severity,
                respondBy: due)
            try Mutation.addConcern(concern).apply(to: &account, today: context.today)
            return concern
        }
        print(
            "Recorded \(severity.rawValue) concern at \(saved.account.name); respond by \(due) (\(concern.id))"
        )
    }
}
