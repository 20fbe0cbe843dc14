import RapportCore
import RapportStore

/// A follow-up named by the id `due --json` gives it (`acc-…/plan/pi-…`; the calendar's
/// UID, with `@rapport`, names it too): its account, and its item in the newest copy.
struct FollowUpTarget {
    let accountID: RecordID
    /// The item's stable key (`FollowUp.key`).
    let key: String
    let typed: String

    private static let hint = "'rapport due --json' gives every item's id"

    init(_ text: String) throws {
        typed = text
        var id = text.trimmingSpaces()
        if id.hasSuffix("@rapport") { id.removeLast("@rapport".count) }
        guard let slash = id.firstIndex(of: "/"), let account = RecordID(rawValue: String(id[..<slash])),
            let ref = DueRef(keyPart: String(id[id.index(after: slash)...]))
        else {
            throw InputError(
                "'\(text)' is not a follow-up id; an id looks like acc-k3v9x2mq/plan/pi-4f7h2k9x (\(Self.hint))"
            )
        }
        accountID = account
        key = "\(account)/\(ref.keyPart)"
    }

    /// Applies `change` to the item in the newest copy of its account, under the store lock.
    func update<T>(in store: FileStore, today: Day, _ change: (inout Account, FollowUp) throws -> T) throws
        -> (
            result: T, saved: LoadedAccount
        )
    {
        do {
            return try store.update(accountID) { account in
                try change(&account, try item(in: account, today: today, policy: store.policy))
            }
        } catch StoreError.noSuchAccount {
            throw InputError("no account has the id \(accountID), which '\(typed)' names; \(Self.hint)")
        }
    }

    /// The item as it stands in `account`, or an error naming what is due there instead.
    private func item(in account: Account, today: Day, policy: DuePolicy) throws -> FollowUp {
        let items = DueList.scored(account, on: today, policy: policy)
        if let item = items.first(where: { $0.key == key }) { return item }
        let listed = items.sorted { $0.due < $1.due }.prefix(5).map { "\($0.key) (\($0.title))" }
        let there =
            listed.isEmpty
            ? "nothing is due there"
            : "due there: " + listed.joined(separator: ", ") + (items.count > 5 ? ", …" : "")
        throw InputError(
            "'\(typed)' is not due at \(account.name): it was done already or its record was removed; "
                + "\(there) (\(Self.hint))")
    }
}
