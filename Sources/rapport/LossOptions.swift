import ArgumentParser
import RapportCore

/// The loss record's options of `account edit` (D48): with `--status lost` or `former`;
/// a lost account without them gets a record of today and its annual value.
struct LossOptions: ParsableArguments {
    @Option(
        name: .customLong("lost-on"), parsing: .unconditional,
        help: ArgumentHelp("The day the account was lost (default today).", valueName: "DATE"))
    var lostOn: String?

    @Option(
        name: .customLong("value-lost"),
        help: ArgumentHelp("The annual value lost (default the annual value).", valueName: "AMOUNT"))
    var valueLost: String?

    @Option(
        name: .customLong("loss-reason"),
        help: ArgumentHelp(
            "Why it was lost; repeat or separate by commas: \(LossReason.acceptedList).", valueName: "CODE"))
    var reasons: [String] = []

    @Option(
        name: .customLong("loss-text"),
        help: ArgumentHelp("The reasons in your words ('-' reads standard input).", valueName: "TEXT"))
    var reasonText: String?

    @Option(
        name: .customLong("won-by"), help: ArgumentHelp("Who won the account, if known.", valueName: "NAME"))
    var wonBy: String?

    /// The loss fields named, checked before the store is opened.
    func change(_ context: CommandContext, _ input: inout StandardInput) throws -> LossChange {
        var change = LossChange()
        change.lostOn = try lostOn.map { text in
            do throws(InputError) { return try context.dayParser.parse(text, direction: .past) } catch {
                throw InputError("--lost-on \(error.message)")
            }
        }
        change.valueLost = try valueLost.map { text in
            do throws(InputError) { return try Money.parse(text) } catch {
                throw InputError("--value-lost \(error.message)")
            }
        }
        if !reasons.isEmpty {
            do throws(InputError) {
                change.reasons = try LossRecord.parseReasons(reasons.joined(separator: ","))
            } catch { throw InputError("--loss-reason \(error.message)") }
        }
        change.reasonText = try input.text(reasonText, "--loss-text")?.trimmingWhitespace()
        change.wonBy = wonBy?.trimmingWhitespace()
        return change
    }
}
