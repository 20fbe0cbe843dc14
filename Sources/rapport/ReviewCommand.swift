import ArgumentParser
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport review ACCOUNT`: the defection review of a lost account (D48).
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Look back at a lost account: every warning sign before the loss, and when it first showed."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Flag(help: "Print the review as JSON.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let a = try context.findAccount(account, in: store).account
        let questions = try store.readStoreFile().litmusSets
        guard let loss = a.loss, let review = DefectionReview.ofLoss(a, questions: questions) else {
            throw InputError(
                "\(a.name) has no loss recorded; a review looks back from one: "
                    + "rapport account edit '\(a.name)' --status lost")
        }
        if json {
            try System.writeOutput(try RapportJSON.encode(LostAccountJSON(a, loss, review)))
            return
        }
        let currency = try store.readStoreFile().settings.currency
        print("\(a.name) · \(loss.line(currency: currency, money: Money.full))")
        print(review.summary + (review.signs.isEmpty ? "" : ":"))
        for line in SignText.lines(review.signs, before: loss.lostOn) { print(line) }
    }
}
