import ArgumentParser
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport show ACCOUNT`: one account in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one account: facts, contacts, team, touchpoints, concerns and more.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Flag(help: "Print the account and all its records as JSON.")
    var json = false

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let found = try context.findAccount(account, in: store).account
        if json {
            try System.writeOutput(try RapportJSON.encode(found))
        } else {
            let currency = try store.readStoreFile().settings.currency
            print(
                AccountReport(account: found, today: context.today, currency: currency).text, terminator: "")
        }
    }
}

/// A plain-text report of one account.
struct AccountReport {
    let account: Account
    let today: Day
    let currency: String

    var text: String {
        let a = account
        var out = "\(a.name)  [\(a.id)]\n"
        out +=
            "Owner \(a.owner.isEmpty ? "-" : a.owner) · \(a.tier.rawValue) · \(a.status.label) · season \(a.season.rawValue)"
        out += " · \(a.market.isEmpty ? "no market set" : a.market)\n"
        out +=
            "Value \(Money.full(a.annualValue, currency: currency))/year, lifetime \(Money.full(a.lifetimeValue, currency: currency))"
        if let since = a.customerSince { out += " · customer since \(since)" }
        out += "\n"
        if let loss = a.loss { out += loss.line(currency: currency, money: Money.full) + "\n" }
        if let health = a.health {
            out += "Health \(health)/100"
            if let change = a.healthChange { out += " (\(change >= 0 ? "+" : "")\(change) since last check)" }
            out += "\n"
        }
        if let c = a.contract {
            out +=
                "Renews \(c.renewsOn) (\(today.days(until: c.renewsOn)) days), worth "
                + "\(Money.full(a.renewalValue, currency: currency))/year; \(c.termMonths)-month term, "
                + (c.autoRenews ? "renews itself" : "does not renew itself")
                + (c.noticeDays > 0 ? ", \(c.noticeDays) days' notice" : "") + "\n"
        }
        let flags = a.warningFlags(on: today)
        if !flags.isEmpty { out += "Warnings: " + flags.map(\.short).joined(separator: ", ") + "\n" }
        let reasons = AccountDigest(a, policy: DuePolicy()).riskReasons(on: today)
        if !reasons.isEmpty {
            out += "Value at risk: " + reasons.map(\.explanation).joined(separator: "; ") + "\n"
        }
        if !a.tags.isEmpty { out += "Tags: " + a.tags.joined(separator: ", ") + "\n" }

        out += section(
            "Contacts",
            a.contacts.map { c in
                var line =
                    "\(c.name) — \(c.title.isEmpty ? "no title" : c.title), \(c.level.label), prefers \(c.channel.label)"
                if let left = c.leftOn { line += ", left \(left)" }
                let last =
                    a.lastTouch(with: c.id).map { "last touch \($0.days(until: today))d ago" }
                    ?? "never touched"
                return line + " · " + last
            })
        out += section(
            "Team",
            a.team.map {
                "\($0.name) — \($0.role.label)\($0.responsibility.isEmpty ? "" : ": \($0.responsibility)")"
            })
        let touches = a.touchpoints.sorted { $0.day > $1.day }
        out += section(
            "Recent touchpoints (\(touches.count) in all)",
            touches.prefix(10).map { t in
                let who = t.contactIDs.compactMap { a.contact($0)?.name }.joined(separator: ", ")
                var line = "\(t.day)  \(t.kind.label.padded(to: 15)) \(t.summary)"
                if !who.isEmpty { line += " (with \(who))" }
                if t.sentiment != .neutral { line += " [\(t.sentiment.rawValue)]" }
                if let f = t.followUp, t.followUpDoneOn == nil { line += " → follow up \(f)" }
                return line
            })
        out += section(
            "Open concerns",
            a.openConcerns.map { c in
                var line = "[\(c.severity.rawValue)] \(c.summary) — raised \(c.raisedOn)"
                if let due = c.respondBy {
                    line += c.isOverdue(on: today) ? ", response OVERDUE since \(due)" : ", respond by \(due)"
                }
                return line
            })
        out += section(
            "Litmus history",
            a.litmusHistory.map { "\($0.day)  \($0.score)/100 (question set v\($0.version))" })
        if let plan = a.plan {
            out += section(
                "Relationship plan",
                plan.items.map { item in
                    let next = item.nextDue.map { "next due \($0)" } ?? (item.paused ? "paused" : "done")
                    return "\(item.title) — \(item.cadence.label), \(next)"
                })
        }
        out += section(
            "Worksheets",
            a.worksheets.map {
                "\($0.title) — \($0.status.rawValue), at step \($0.currentStep.rawValue) \($0.currentStep.title)"
            })
        out += section("Risks", a.risks.map { "[\($0.state.rawValue)] \($0.disruption)" })
        out += section(
            "Measures",
            a.measures.map { m in
                let last = m.readings.max { $0.month < $1.month }
                return "\(m.name): "
                    + (last.map { "\(Measure.format($0.value)) \(m.unit) in \($0.month)" } ?? "no readings")
            })
        for set in a.expectations { out += expectations(set) }
        if !a.notes.isEmpty { out += section("Notes", a.notes.split(separator: "\n").map(String.init)) }
        return out
    }

    /// One set of expectations: its answered checklist questions, what is still blank, and
    /// the goals with their chance of success and barriers.
    private func expectations(_ set: ExpectationSet) -> String {
        var lines = set.answers.compactMap { item in
            item.answer.map { "\(item.label): " + $0.replacingText("\n", with: " / ") }
        }
        if !set.blankAnswers.isEmpty {
            lines.append("still blank: " + set.blankAnswers.joined(separator: ", "))
        }
        for goal in set.goals {
            var line = "goal (\(goal.probability)%): \(goal.text)"
            if goal.isLongShot { line += " — a coin toss or worse" }
            if !goal.barriers.isEmpty {
                line +=
                    "; barriers: "
                    + goal.barriers.map { "\($0.text) (\($0.underOurControl ? "ours" : "not ours"))" }
                    .joined(separator: ", ")
            }
            lines.append(line)
        }
        let agreed = set.agreedOn.map { ", agreed \($0)" } ?? ""
        return section("Expectations: \(set.title)\(agreed)", lines)
    }

    private func section(_ title: String, _ lines: [String]) -> String {
        guard !lines.isEmpty else { return "" }
        return "\n\(title)\n" + lines.map { "  \($0)\n" }.joined()
    }
}
