import ArgumentParser
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport sweep`: the active accounts showing now the signs that came before a loss (D48).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Find the active accounts showing now the warning signs lost accounts showed.",
        discussion: """
            A sign shows now when it showed in the last \(DefectionSweep.window) days. Ranked by \
            the number of matching signs, then by annual value. --schedule asks for a litmus \
            check-up on each, due today (it shows in rapport due).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        help: ArgumentHelp(
            "Look for one lost account's signs (default: every recorded loss's).",
            valueName: "ACCOUNT"), completion: .account)
    var like: String?

    @Flag(help: "Print the matches as JSON.")
    var json = false

    @Flag(help: "Put a litmus check-up on each match, due today.")
    var schedule = false

    struct MatchJSON: Encodable {
        let id: String
        let name: String
        let annualValue: Int
        let signs: [SignJSON]
    }

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        var lost: Account?
        if let like {
            let a = try context.findAccount(like, in: store).account
            guard a.loss != nil else {
                throw InputError("--like \(a.name): it has no loss recorded; name a lost account with one")
            }
            lost = a
        }
        let sweep = try store.sweep(like: lost, today: context.today, schedule: schedule)
        let matches = sweep.matches
        if json {
            let rows = matches.map {
                MatchJSON(
                    id: $0.account.rawValue, name: $0.name, annualValue: $0.annualValue,
                    signs: $0.signs.map { SignJSON($0, before: context.today) })
            }
            try System.writeOutput(try RapportJSON.encode(rows))
            return
        }
        try printText(matches, losses: sweep.losses, kinds: sweep.kinds, store: store, context: context)
    }

    private func printText(
        _ matches: [SweepMatch], losses: [Account], kinds: Set<DefectionSignKind>, store: FileStore,
        context: CommandContext
    ) throws {
        guard !losses.isEmpty else {
            print("No loss recorded yet: record one with rapport account edit ACCOUNT --status lost")
            return
        }
        let from = losses.count == 1 ? losses[0].name : "\(losses.count) lost accounts"
        let named = DefectionSignKind.allCases.filter(kinds.contains).map(\.rawValue).joined(separator: ", ")
        print("Signs from \(from): \(named.isEmpty ? "none" : named)")
        guard !matches.isEmpty else {
            print("No active account shows them now.")
            return
        }
        let currency = try store.readStoreFile().settings.currency
        for m in matches {
            let signs = m.signs.map(\.kind.rawValue).joined(separator: ", ")
            print(
                "\(m.name) · \(Money.full(m.annualValue, currency: currency)) · "
                    + "\(m.signs.count) signs: \(signs)"
            )
        }
        let count = matches.count
        print("\(count) account\(count == 1 ? "" : "s") show\(count == 1 ? "s" : "") the signs now")
        if schedule { print("Asked for a litmus check-up on each, due \(context.today.iso)") }
    }
}
