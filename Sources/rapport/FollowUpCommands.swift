import ArgumentParser
import RapportCore
import RapportStore

/// `rapport done ITEM`: marks a follow-up done, as the app's due list does.
struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done",
        abstract: "Mark a follow-up done, as the app's due list does (x).",
        discussion: """
            ITEM is the item's id from 'rapport due --json'. It is recorded where it belongs (a plan \
            item's completion, an action's status, a concern's response, a reading) and the touchpoint \
            it implies is logged. A satisfaction or reading item needs --value, an evaluation --outcome.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The follow-up's id (from rapport due --json).", valueName: "ITEM"))
    var item: String

    @Option(help: ArgumentHelp("What happened, in a line ('-' reads standard input).", valueName: "TEXT"))
    var note: String = ""

    @Option(
        parsing: .unconditional, help: ArgumentHelp("When it was done (default today).", valueName: "DATE"))
    var on: String?

    @Option(parsing: .unconditional, help: "The reading, for a satisfaction or measure-reading item.")
    var value: String?

    @Option(
        help: .choice(Outcome.self, "For a worksheet evaluation: how it went"),
        completion: .choice(Outcome.self))
    var outcome: String?

    func run() throws {
        let context = try CommandContext(global)
        let target = try FollowUpTarget(item)
        var input = StandardInput()
        let note = try input.text(self.note, "--note").trimmingWhitespace()
        let day = try on.map { try context.dayParser.parse($0, direction: .past) } ?? context.today
        guard day <= context.today else {
            throw InputError("--on \(day.iso) is in the future; mark it done when it is done")
        }
        var done = DueCompletion(day: day, note: note, by: context.userName)
        done.value = try value.map { text in
            do throws(InputError) { return try MeasureReading.parseValue(text) } catch {
                throw InputError("--value \(error.message)")
            }
        }
        done.outcome = try outcome.map { try parseChoice($0, "--outcome") }
        let store = try context.openStore()
        let (message, saved) = try target.update(in: store, today: context.today) { account, item in
            try Self.check(done, for: item)
            return try Mutation.completeFollowUp(item.ref, done).apply(to: &account, today: context.today)
        }
        print("\(message ?? "Done") at \(saved.account.name)")
    }

    /// What the item needs besides a note is given, and nothing it cannot take.
    static func check(_ done: DueCompletion, for item: FollowUp) throws {
        let what = "'\(item.title)' (\(item.source.label))"
        switch item.ref.needs {
        case .value where done.value == nil:
            throw InputError("\(what) needs its value: give --value, e.g. --value 82")
        case .outcome where done.outcome == nil:
            throw InputError("\(what) needs its outcome: --outcome \(Outcome.acceptedList)")
        case .litmusTest:
            throw InputError(
                "\(what) is done by answering its questions: open the account in the app and press t on Health"
            )
        default: break
        }
        if done.value != nil && item.ref.needs != .value {
            throw InputError("--value is for satisfaction and measure-reading items; \(what) takes none")
        }
        if done.outcome != nil && item.ref.needs != .outcome {
            throw InputError("--outcome is for worksheet evaluations; \(what) takes none")
        }
    }
}

/// `rapport snooze ITEM DATE --reason TEXT`: puts a follow-up off, as the app's due list does.
struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze",
        abstract: "Put a follow-up off until a later day, saying why (as the app's due list does, z).",
        discussion: "ITEM is the item's id from 'rapport due --json'. A later snooze replaces an earlier one."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The follow-up's id (from rapport due --json).", valueName: "ITEM"))
    var item: String

    @Argument(help: ArgumentHelp("Until when (a day after today).", valueName: "DATE"))
    var until: String

    @Option(help: ArgumentHelp("Why it can wait ('-' reads standard input).", valueName: "TEXT"))
    var reason: String

    func run() throws {
        let context = try CommandContext(global)
        let target = try FollowUpTarget(item)
        let day = try context.dayParser.parse(until, direction: .future)
        guard day > context.today else {
            throw InputError("DATE \(day.iso) is not after today; snooze until a later day, e.g. +1w or mon")
        }
        var input = StandardInput()
        let why = try input.text(reason, "--reason").trimmingWhitespace()
        guard !why.isEmpty else { throw InputError("--reason is empty; say why it can wait") }
        let store = try context.openStore()
        let (title, saved) = try target.update(in: store, today: context.today) { account, item in
            try Mutation.snooze(item, until: day, reason: why).apply(to: &account, today: context.today)
            return item.title
        }
        print("Snoozed until \(day.iso): \(title) at \(saved.account.name)")
    }
}
