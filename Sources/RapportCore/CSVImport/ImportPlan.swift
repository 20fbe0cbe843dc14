/// One change to the store an import makes: a new account, or mutations to apply to an
/// existing one (under the lock, to its newest copy).
public enum AccountChange: Sendable {
    case create(Account)
    case update(RecordID, [Mutation])

    /// The account the change is about.
    public var accountID: RecordID {
        switch self {
        case .create(let account): return account.id
        case .update(let id, _): return id
        }
    }
}

/// What one good row does.
public struct ImportOutcome: Equatable, Sendable {
    public enum Action: String, Sendable {
        case create, update, skip
    }

    public var line: Int
    public var action: Action
    /// The record, as the user knows it: "Northwind Logistics", "Ana Ruiz at Northwind".
    public var record: String
    /// The fields an update changes, by the names the forms use.
    public var changed: [String] = []
}

/// An import worked out before anything is written: the changes per account (each
/// account's in one change, so it is saved whole), what every good row does, and the
/// bad rows with their reasons.
public struct ImportPlan: Sendable {
    public var changes: [AccountChange] = []
    public var outcomes: [ImportOutcome] = []
    public var issues: [ImportIssue] = []

    public func count(_ action: ImportOutcome.Action) -> Int { outcomes.count { $0.action == action } }

    /// Works out the import of `table` as `kind` into a store holding `accounts`.
    public static func make(
        _ table: CSVTable, kind: ImportKind, maps: [String] = [], accounts: [Account], today: Day,
        importedBy: String = ""
    ) throws(InputError) -> ImportPlan {
        let columns = try ImportColumns(header: table.header, kind: kind, maps: maps)
        var planner = ImportPlanner(accounts: accounts, today: today, importedBy: importedBy)
        for record in table.records {
            let row = ImportRow(record, columns: columns)
            if let problem = record.problem {
                planner.plan.issues.append(row.issue(nil, problem))
                continue
            }
            if record.fields.count > table.header.count {
                planner.plan.issues.append(
                    row.issue(
                        nil,
                        "has \(record.fields.count) fields but the header names \(table.header.count) columns; "
                            + "quote a field that holds the delimiter"))
                continue
            }
            do {
                switch kind {
                case .accounts: try planner.importAccount(row)
                case .contacts: try planner.importContact(row)
                case .touchpoints: try planner.importTouchpoint(row)
                }
            } catch {
                planner.plan.issues.append(error)
            }
        }
        return planner.finished()
    }
}

/// The state of an import being worked out: the accounts as they will be once the rows
/// so far are applied, so a later row sees what an earlier one added.
struct ImportPlanner {
    var plan = ImportPlan()
    var accounts: [Account]
    let today: Day
    let importedBy: String
    /// Accounts the file creates, by their index in `accounts`.
    var created: Set<Int> = []
    /// Mutations per existing account, in the order the accounts first appear.
    var mutations: [Int: [Mutation]] = [:]
    var order: [Int] = []
    var byID: [RecordID: Int] = [:]
    var bySource: [String: Int] = [:]
    var byName: [String: Int] = [:]

    init(accounts: [Account], today: Day, importedBy: String) {
        self.accounts = accounts
        self.today = today
        self.importedBy = importedBy
        for i in accounts.indices { index(i) }
    }

    mutating func index(_ i: Int) {
        byID[accounts[i].id] = i
        if let s = accounts[i].sourceID { bySource[s] = i }
        byName[accounts[i].name.lowercased()] = i
    }

    /// Records that `mutation` changes the account at `i`, applying it to the working
    /// copy at once; a mutation that does not fit is the row's issue.
    mutating func change(_ i: Int, _ mutation: Mutation, row: ImportRow) throws(ImportIssue) {
        try change(i, mutation, line: row.line)
    }

    /// Records that `mutation` changes the account at `i`, for the record starting on
    /// `line` (a vCard's, a calendar event's).
    mutating func change(_ i: Int, _ mutation: Mutation, line: Int) throws(ImportIssue) {
        var account = accounts[i]
        do {
            try mutation.apply(to: &account, today: today)
        } catch {
            throw ImportIssue(line: line, column: nil, message: "\(error)")
        }
        accounts[i] = account
        guard !created.contains(i) else { return }
        if mutations[i] == nil { order.append(i) }
        mutations[i, default: []].append(mutation)
    }

    /// The account a contact's or touchpoint's row names: by its id here or in the
    /// source system, else by its exact name (ignoring case); never a guess.
    func account(of row: ImportRow) throws(ImportIssue) -> Int {
        if let id = row[.accountID] {
            if let rid = RecordID(rawValue: id), let i = byID[rid] { return i }
            if let i = bySource[id] { return i }
            if row[.account] == nil {
                throw row.issue(.accountID, "no account has the id '\(id)'; import the accounts first")
            }
        }
        guard let name = row[.account] else {
            throw row.issue(.account, "the account is empty; every row needs the account it belongs to")
        }
        guard let i = byName[name.lowercased()] else {
            throw row.issue(
                .account,
                "no account is named '\(name)' (names must match exactly); import the accounts first")
        }
        return i
    }

    func finished() -> ImportPlan {
        var plan = plan
        for i in created.sorted() { plan.changes.append(.create(accounts[i])) }
        for i in order { plan.changes.append(.update(accounts[i].id, mutations[i]!)) }
        return plan
    }
}

extension FieldMergeable where Self: Equatable {
    /// The names of the fields `mine` changes from `base`, as an update reports them.
    static func changedFields(from base: Self, to mine: Self) -> [String] {
        mergeFields.filter { field in
            var merged = base
            _ = field.merge(base, mine, base, &merged, [], [:])
            return merged != base
        }.map(\.name)
    }
}
