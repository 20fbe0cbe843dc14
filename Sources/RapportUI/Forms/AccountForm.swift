import RapportCore
import TUIKit

/// Adds an account, or edits its facts (a season change keeps its reason in the history).
enum AccountForm: FormKind {
    case add
    /// Edits the account's facts as they were when the form opened.
    case edit(RecordID, base: AccountFacts)

    /// The form's fields, in the order they show.
    enum Field: String, CaseIterable {
        case name, owner, tier, status, season, seasonReason, value, lifetime, market, since, tags
        case renews, renewalValue, term, autoRenews, notice
    }

    /// The account form, pre-filled from `a`; a new account is owned by `me` (the user,
    /// `$RAPPORT_OWNER` or `$USER`), as the command line's `account add` does.
    static func make(_ a: Account?, me: String = "") -> Form {
        Form(
            title: a == nil ? "Add an account" : "Edit \(a!.name)",
            fields: [
                FormField(Field.name, "Name", .text, value: a?.name ?? ""),
                FormField(Field.owner, "Owner", .text, value: a?.owner ?? me),
                FormField(
                    Field.tier, "Tier", .choice(Forms.codes(Tier.self)),
                    choice: Forms.index(a?.tier ?? .standard, Tier.self)),
                FormField(
                    Field.status, "Status", .choice(Forms.codes(AccountStatus.self)),
                    choice: Forms.index(a?.status, AccountStatus.self)),
                FormField(
                    Field.season, "Season", .choice(Forms.codes(Season.self)),
                    choice: Forms.index(a?.season, Season.self)),
                FormField(
                    Field.seasonReason, "Season why", .text,
                    hint: "when the season changes: why (kept in its history)"),
                FormField(
                    Field.value, "Annual value", .number, value: a.map { String($0.annualValue) } ?? "",
                    hint: "e.g. 1.2M or 350k"),
                FormField(
                    Field.lifetime, "Lifetime value", .number, value: a.map { String($0.lifetimeValue) } ?? ""
                ),
                FormField(Field.market, "Market", .text, value: a?.market ?? ""),
                FormField(Field.since, "Customer since", .day, value: a?.customerSince?.iso ?? ""),
                FormField(
                    Field.tags, "Tags", .text, value: a?.tags.joined(separator: ", ") ?? "",
                    hint: "comma-separated"),
                FormField(
                    Field.renews, "Renews on", .day, value: a?.contract?.renewsOn.iso ?? "",
                    hint: "the next renewal day; blank: no renewal terms"),
                FormField(
                    Field.renewalValue, "Renewal value", .number,
                    value: a?.contract?.renewalValue.map(String.init) ?? "", hint: "blank: the annual value"),
                FormField(
                    Field.term, "Term months", .number, value: String(a?.contract?.termMonths ?? 12),
                    hint: "how long a renewal runs"),
                FormField(
                    Field.autoRenews, "Renews itself", .choice(["no", "yes"]),
                    choice: a?.contract?.autoRenews == true ? 1 : 0),
                FormField(
                    Field.notice, "Notice days", .number, value: String(a?.contract?.noticeDays ?? 0),
                    hint: "notice the contract needs before it renews")
            ])
    }

    func submit(_ r: inout FormReader<Field>, state: AppState) -> [Effect] {
        let name = r.text(.name)
        var existingID: RecordID?
        var base: AccountFacts?
        if case .edit(let id, let facts) = self { (existingID, base) = (id, facts) }
        let others = state.digests.lazy.filter { $0.id != existingID }.map(\.name)
        r.check(.name) { () throws(InputError) in try Account.validateName(name, among: others) }
        var facts = base ?? AccountFacts(Account(name: name, createdOn: state.today))
        facts.name = name
        facts.owner = r.text(.owner)
        facts.tier = r.choice(.tier)
        facts.status = r.choice(.status)
        facts.season = r.choice(.season)
        facts.seasonReason = r.text(.seasonReason)
        facts.annualValue = r.amount(.value)
        facts.lifetimeValue = r.amount(.lifetime)
        facts.market = r.text(.market)
        facts.customerSince = r.day(.since, .past)
        if let since = facts.customerSince {
            r.check(.since) { () throws(InputError) in
                try Account.validateCustomerSince(since, today: state.today)
            }
        }
        facts.tags = r.text(.tags).split(separator: ",").map { $0.trimmingSpaces() }.filter {
            !$0.isEmpty
        }
        facts.renewsOn = r.day(.renews, .future)
        facts.renewalValue = r.text(.renewalValue).isEmpty ? nil : r.amount(.renewalValue)
        facts.contractTermMonths = r.count(.term, 1...Contract.maximumTermMonths, "months") ?? 12
        facts.autoRenews = r.text(.autoRenews) == "yes"
        facts.noticeDays = r.count(.notice, Contract.noticeDays, "days") ?? 0
        facts = LossChange.recorded(
            facts, from: base ?? AccountFacts(Account(name: name, createdOn: state.today)), today: state.today
        )
        if let id = existingID, let base {
            r.check(.seasonReason) { () throws(InputError) in
                try AccountFacts.validateSeasonChange(base: base, mine: facts)
            }
            return [.mutate(id, [.editFacts(base: base, mine: facts)], message: "Saved \(name)")]
        }
        var account = Account(name: name, season: facts.season, createdOn: state.today)
        facts.apply(to: &account, today: state.today)
        return [.create(account, message: "Added \(name)")]
    }
}

/// What this file's forms create or edit, as the screens name it.
extension FormPurpose {
    static var addAccount: Self { Self(AccountForm.add) }
    /// Edits the account's facts; the form keeps them as they are now, to merge into.
    static func editAccount(_ a: Account) -> Self { Self(AccountForm.edit(a.id, base: AccountFacts(a))) }
}
