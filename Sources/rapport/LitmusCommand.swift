import ArgumentParser
import FoundationEssentials
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport litmus`: litmus history and the versioned question set.
struct LitmusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litmus", abstract: "Litmus test history of an account, and the store's question sets.",
        subcommands: [LitmusHistoryCommand.self, LitmusQuestionsCommand.self, LitmusNewVersionCommand.self],
        defaultSubcommand: LitmusHistoryCommand.self)
}

/// `rapport litmus ACCOUNT`: the score history, with a break wherever the questions changed.
struct LitmusHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Print an account's litmus history (the default).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Flag(help: "Print JSON: {account, accountID, history: [{day, version, score, change, by, answers}]}.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let a = try context.findAccount(account, in: store).account
        if json {
            let sets = try store.readStoreFile().litmusSets
            try System.writeOutput(try RapportJSON.encode(LitmusHistoryJSON(a, sets: sets)))
            return
        }
        guard !a.litmusChecks.isEmpty else {
            print("\(a.name) has no litmus test yet; run one in the app (account view, section 8, t).")
            return
        }
        let sets = try store.readStoreFile().litmusSets
        print("\(a.name) · litmus history · trend \(Sparkline.litmus(a.litmusSegments))")
        var table = TextTable(["DATE", "VERSION", "SCORE", "CHANGE", "BY"])
        for segment in a.litmusSegments {
            var previous: Int?
            for check in segment.checks {
                let change =
                    previous.map { check.score - $0 }.map { $0 >= 0 ? "+\($0)" : "\($0)" }
                    ?? (segment.version == a.litmusSegments.first?.version ? "" : "new questions")
                table.add([check.day.iso, "v\(check.version)", String(check.score), change, check.by])
                previous = check.score
            }
        }
        print(table.render(), terminator: "")
        guard let last = a.litmusHistory.last else { return }
        let questions = sets.first { $0.version == last.version }?.questions ?? []
        print("\nLatest answers (\(last.day.iso)):")
        for answer in last.answers {
            let text = questions.first { $0.id == answer.questionID }?.text ?? answer.questionID
            let value = LitmusQuestionSet.scale[min(max(answer.value, 0), LitmusQuestionSet.maxAnswer)]
            print("  \(value.padded(to: 7)) \(text)" + (answer.comment.isEmpty ? "" : " — \(answer.comment)"))
        }
    }
}

/// `rapport litmus questions`: the current question set.
struct LitmusQuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "questions", abstract: "Print the store's current litmus questions.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the questions as JSON, in the format 'new-version' reads.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let set = try DemoData.currentLitmus(try context.openStore().readStoreFile(), today: context.today)
        if json {
            try System.writeOutput(
                try RapportJSON.encode(LitmusQuestionFile(note: set.note, questions: set.questions)))
            return
        }
        print(
            "Version \(set.version), since \(set.introducedOn.iso)"
                + (set.note.isEmpty ? "" : ": \(set.note)"))
        for (i, q) in set.questions.enumerated() { print("\(i + 1). [\(q.id)] \(q.text)") }
    }
}

/// `rapport litmus new-version FILE`: edits the questions by adding a version.
struct LitmusNewVersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-version",
        abstract:
            "Add a new version of the litmus questions from a JSON file (as 'rapport litmus questions --json' prints).",
        discussion:
            "Versions are never changed in place: checks keep the version they answered, and trends never join scores across versions."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A JSON file with \"note\" and \"questions\" (each with id, text, hint).")
    var file: String

    func run() throws {
        let context = try CommandContext(global)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputError("cannot read \(file)")
        }
        let parsed: LitmusQuestionFile
        do { parsed = try RapportJSON.decode(LitmusQuestionFile.self, from: data) } catch {
            throw InputError("\(file) is not a question file: \(RapportJSON.describe(error))")
        }
        guard !parsed.questions.isEmpty else { throw InputError("\(file) has no questions") }
        let ids = parsed.questions.map(\.id)
        guard Set(ids).count == ids.count, ids.allSatisfy({ !$0.isEmpty }) else {
            throw InputError("every question needs its own non-empty id")
        }
        let set = try context.openStore().addLitmusVersion(
            parsed.questions, note: parsed.note, today: context.today,
            fallback: try DemoData.questions(today: context.today))
        print(
            "Litmus questions version \(set.version) added with \(set.questions.count) questions; new checks answer it."
        )
    }
}
