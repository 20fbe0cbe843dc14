import ArgumentParser
import FoundationEssentials
import RapportCore
import RapportDemo
import RapportResources
import RapportStore
import StoreJSONCodec

/// `rapport demo`: creates a realistic demo store.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo store with a realistic portfolio (refuses to overwrite a store).",
        discussion: """
            Without --accounts: the hand-written demo portfolio (27 accounts). With --accounts N: a \
            synthetic portfolio of N accounts (about 5 contacts, 50 touchpoints and 2 concerns each, \
            a plan, a worksheet on one in five, litmus history), the same for the same --seed.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Generate a synthetic portfolio of N accounts.", valueName: "N"))
    var accounts: Int?

    @Option(help: ArgumentHelp("Seed for the synthetic portfolio.", valueName: "S"))
    var seed: UInt64 = 2026

    func validate() throws {
        if let accounts, !(1...1_000_000).contains(accounts) {
            throw ValidationError("--accounts must be between 1 and 1000000, not \(accounts)")
        }
    }

    /// The store is built beside its place and renamed into it once whole
    /// (`FileStore.buildAside`): an interrupted or full-disk run leaves no half store.
    func run() throws {
        let context = try CommandContext(global)
        var created = 0
        let removed = try FileStore.buildAside(at: context.storePath) { aside in
            if let accounts {
                try DemoData.createSyntheticStore(
                    at: aside, accounts: accounts, seed: seed, today: context.today)
                created = accounts
            } else {
                created = try DemoData.createStore(at: aside, today: context.today).count
            }
        }
        for path in removed { print("Removed \(path), a store half built by an interrupted 'rapport demo'") }
        if accounts != nil {
            print("Created a synthetic store with \(created) accounts (seed \(seed)) at \(context.storePath)")
        } else {
            print("Created a demo store with \(created) accounts at \(context.storePath)")
        }
    }
}

/// The bundled demo data, decoded.
enum DemoData {
    static func portfolio() throws -> DemoPortfolio {
        try decode(DemoPortfolio.self, BundledData.demoPortfolio, "demo/portfolio.json")
    }

    static func playbook() throws -> Playbook {
        try decode(Playbook.self, BundledData.playbook, "playbook/relationship-for-life.json")
    }

    /// The store's current litmus question set (the bundled first version for a store
    /// that has none yet).
    static func currentLitmus(_ file: StoreFile, today: Day) throws -> LitmusQuestionSet {
        try file.litmusSets.last ?? questions(today: today)
    }

    static func questions(today: Day) throws -> LitmusQuestionSet {
        try decode(LitmusQuestionFile.self, BundledData.litmusQuestionsV1, "litmus/questions-v1.json")
            .questionSet(version: 1, introducedOn: today.adding(years: -3))
    }

    /// Creates a store at `path` holding the demo portfolio; refuses if a store exists.
    static func createStore(at path: String, today: Day) throws -> [Account] {
        let accounts = try self.accounts(today: today)
        let store = try FileStore.create(
            at: path, today: today, settings: StoreSettings(currency: try portfolio().currency),
            litmus: try questions(today: today))
        for account in accounts { try store.create(account) }
        return accounts
    }

    /// Creates a store at `path` holding `count` synthetic accounts.
    static func createSyntheticStore(at path: String, accounts count: Int, seed: UInt64, today: Day) throws {
        let portfolio = SyntheticPortfolio(
            seed: seed, today: today, playbook: try playbook(), questions: try questions(today: today))
        let store = try FileStore.create(
            at: path, today: today, settings: StoreSettings(currency: "EUR"),
            litmus: try questions(today: today))
        // A line on a terminal from a thousand accounts on (a second's work or more).
        let line = ProgressLine(total: count, atLeast: 1_000) { done, total in
            "creating the demo store: \(done) of \(total) accounts"
        }
        defer { line?.finish() }
        try store.bulkCreate(count: count, progress: { line?.update($0, of: count) }, portfolio.account)
    }

    static func accounts(today: Day) throws -> [Account] {
        try DemoBuilder(
            portfolio: portfolio(), playbook: playbook(), questions: questions(today: today), today: today
        ).build()
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8], _ name: String) throws -> T {
        do {
            return try RapportJSON.decode(type, from: Data(bytes))
        } catch {
            throw InputError("bundled resource \(name) is damaged: \(RapportJSON.describe(error))")
        }
    }
}

/// `rapport init`: creates an empty store.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty store (refuses to overwrite a store).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Currency of account values, e.g. EUR, USD, GBP.")
    var currency: String = "EUR"

    func run() throws {
        let context = try CommandContext(global)
        let code = currency.uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw InputError(
                "--currency '\(currency)' is not a currency code; expected three letters such as EUR")
        }
        _ = try FileStore.create(
            at: context.storePath, today: context.today, settings: StoreSettings(currency: code),
            litmus: try DemoData.questions(today: context.today))
        print("Created an empty store at \(context.storePath)")
    }
}
