import ArgumentParser
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport losses`: what the recorded losses teach together (D48).
struct LossesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "losses",
        abstract:
            "Value lost per quarter and per reason, the signs most often present, the median warning time.")

    @OptionGroup var global: GlobalOptions

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Only losses on or after this day.", valueName: "DATE"))
    var since: String?

    @Flag(help: "Print the lessons as JSON.")
    var json = false

    struct ReasonJSON: Encodable {
        let count: Int
        let valueLost: Int
    }

    struct LessonsJSON: Encodable {
        let accounts: [LostAccountJSON]
        let valueLost: Int
        let byReason: [String: ReasonJSON]
        let bySign: [String: Int]
        let medianWarningDays: Int?

        func encode(to encoder: Encoder) throws {
            enum Key: String, CodingKey { case accounts, valueLost, byReason, bySign, medianWarningDays }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(accounts, forKey: .accounts)
            try c.encode(valueLost, forKey: .valueLost)
            try c.encode(byReason, forKey: .byReason)
            try c.encode(bySign, forKey: .bySign)
            try c.encode(medianWarningDays, forKey: .medianWarningDays)
        }
    }

    func run() throws {
        let context = try CommandContext(global)
        let from = try since.map { text in
            do throws(InputError) { return try context.dayParser.parse(text, direction: .past) } catch {
                throw InputError("--since \(error.message)")
            }
        }
        let store = try context.openStore()
        let file = try store.readStoreFile()
        let lessons = LossLessons(
            store.loadAll().accounts.map(\.account), since: from, questions: file.litmusSets)
        if json {
            let out = LessonsJSON(
                accounts: lessons.losses.map { LostAccountJSON($0.account, $0.loss, $0.review) },
                valueLost: lessons.valueLost,
                byReason: Dictionary(
                    uniqueKeysWithValues: lessons.byReason.map {
                        ($0.reason.rawValue, ReasonJSON(count: $0.count, valueLost: $0.value))
                    }),
                bySign: Dictionary(uniqueKeysWithValues: lessons.bySign.map { ($0.kind.rawValue, $0.count) }),
                medianWarningDays: lessons.medianWarningDays)
            try System.writeOutput(try RapportJSON.encode(out))
            return
        }
        print(text(lessons, currency: file.settings.currency, since: from), terminator: "")
    }

    private func text(_ lessons: LossLessons, currency: String, since: Day?) -> String {
        let money = { (amount: Int) in Money.full(amount, currency: currency) }
        let count = lessons.losses.count
        guard count > 0 else {
            return "No loss recorded\(since.map { " since \($0.iso)" } ?? ""); "
                + "record one with rapport account edit ACCOUNT --status lost\n"
        }
        var out = "\(count) account\(count == 1 ? "" : "s") lost, \(money(lessons.valueLost)) a year\n"
        out += "\nValue lost per quarter\n"
        for q in lessons.byQuarter { out += "  \(q.quarter)  \(money(q.value))\n" }
        out += "\nPer reason\n"
        for r in lessons.byReason { out += "  \(r.reason.rawValue)  \(money(r.value)) (\(r.count))\n" }
        if lessons.byReason.isEmpty { out += "  none named\n" }
        out += "\nSigns most often present before a loss\n"
        for s in lessons.bySign { out += "  \(s.count) of \(count)  \(s.kind.label) [\(s.kind.rawValue)]\n" }
        if lessons.bySign.isEmpty { out += "  none\n" }
        out += "\nMedian warning time: "
        out +=
            lessons.medianWarningDays.map { "\($0) days from the first warning to the loss\n" }
            ?? "no warning showed (every sign there from the start)\n"
        return out
    }
}
