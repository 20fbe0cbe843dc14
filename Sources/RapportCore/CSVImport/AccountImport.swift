/// Accounts from a CSV row: found again by our id, the source's id or the name (in that
/// order); a found account takes the row's non-empty cells, a new one is created.
extension ImportPlanner {
    mutating func importAccount(_ row: ImportRow) throws(ImportIssue) {
        guard let name = row[.name] else {
            throw row.issue(.name, "the account name is empty")
        }
        let sourceID = row[.sourceID]
        let found =
            row.ownID.flatMap { byID[$0] } ?? sourceID.flatMap { bySource[$0] } ?? byName[name.lowercased()]
        var facts =
            found.map { AccountFacts(accounts[$0]) } ?? AccountFacts(Account(name: name, createdOn: today))
        let base = facts
        try read(row, into: &facts, name: name)
        if let sourceID { facts.sourceID = sourceID }
        facts.seasonReason = "Imported from CSV"
        if let other = byName[name.lowercased()], other != found {
            throw row.issue(.name, "an account named '\(accounts[other].name)' already exists")
        }
        guard let i = found else {
            create(facts, id: row.ownID, line: row.line)
            return
        }
        let changed = AccountFacts.changedFields(from: base, to: facts)
        guard !changed.isEmpty else {
            plan.outcomes.append(ImportOutcome(line: row.line, action: .skip, record: accounts[i].name))
            return
        }
        byName[accounts[i].name.lowercased()] = nil
        try change(i, .editFacts(base: base, mine: facts), row: row)
        index(i)
        plan.outcomes.append(
            ImportOutcome(line: row.line, action: .update, record: accounts[i].name, changed: changed))
    }

    /// A new account with the row's facts; our id kept when the file carries a free one.
    private mutating func create(_ facts: AccountFacts, id: RecordID?, line: Int) {
        let fresh = id.map { byID[$0] == nil && $0.rawValue.hasPrefix("acc-") } ?? false
        var account = Account(id: fresh ? id! : .generate("acc"), name: facts.name, createdOn: today)
        account.seasonHistory = []
        facts.apply(to: &account, today: today)
        account.seasonHistory = [
            SeasonChange(day: today, season: account.season, reason: "Imported from CSV")
        ]
        accounts.append(account)
        created.insert(accounts.count - 1)
        index(accounts.count - 1)
        plan.outcomes.append(ImportOutcome(line: line, action: .create, record: account.name))
    }

    /// The row's non-empty cells over the facts, each checked as the account form checks it.
    private func read(_ row: ImportRow, into facts: inout AccountFacts, name: String) throws(ImportIssue) {
        facts.name = name
        if let owner = row[.owner] { facts.owner = owner }
        if let tier: Tier = try row.choice(.tier) { facts.tier = tier }
        if let type = row[.type] { Self.read(type: type, into: &facts) }
        if let status: AccountStatus = try row.choice(.status) { facts.status = status }
        if let season: Season = try row.choice(.season) { facts.season = season }
        if let value = try row.money(.value) { facts.annualValue = value }
        if let value = try row.money(.lifetimeValue) { facts.lifetimeValue = value }
        if let market = row[.market] { facts.market = market }
        if let since = try row.day(.since, today: today, direction: .past) {
            do { try Account.validateCustomerSince(since, today: today) } catch {
                throw row.issue(.since, error.message)
            }
            facts.customerSince = since
        }
        if let tags = row.list(.tags) { facts.tags = tags }
    }

    /// A CRM's account type: a customer is active, a former or churned one former, a lost
    /// one lost; any other type (prospect, partner) is kept as a tag.
    static func read(type: String, into facts: inout AccountFacts) {
        let t = type.lowercased()
        if t.hasPrefix("customer") {
            facts.status = .active
        } else if t.hasPrefix("former") || t.hasPrefix("churned") || t.hasPrefix("ex-customer") {
            facts.status = .former
        } else if t == "lost" {
            facts.status = .lost
        } else if !facts.tags.contains(where: { $0.lowercased() == t }) {
            facts.tags.append(type)
        }
    }
}
