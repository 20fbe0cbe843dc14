import ArgumentParser
import FoundationEssentials
import RapportCore
import RapportStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory.", valueName: "PATH"))
    var store: String?
}

/// What a command needs from its environment: where the store is, what day it is,
/// who the user is. `RAPPORT_TODAY=YYYY-MM-DD` pins the day (for tests and demos).
struct CommandContext {
    let storePath: String
    let today: Day
    let environment: [String: String]

    init(_ options: GlobalOptions) throws {
        environment = ProcessInfo.processInfo.environment
        storePath = StoreLocation.resolve(explicit: options.store, environment: environment)
        if let pinned = environment["RAPPORT_TODAY"], !pinned.isEmpty {
            guard let day = Day(iso: pinned) else {
                throw InputError("RAPPORT_TODAY='\(pinned)' is not a calendar day; expected YYYY-MM-DD")
            }
            do { try Day.validateSupported(day, typed: pinned) } catch {
                throw InputError("RAPPORT_TODAY: \(error.message)")
            }
            today = day
        } else {
            today = Day.today()
        }
    }

    /// The user's name for new records: `$RAPPORT_OWNER`, else `$USER`.
    var userName: String {
        [environment["RAPPORT_OWNER"], environment["USER"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
    }

    var dayParser: DayParser { DayParser(today: today) }

    func openStore() throws -> FileStore { try FileStore.open(at: storePath).reportingRebuild() }

    /// The account `query` names (an id, a name, or the unambiguous start of one), read in
    /// full. An id is read straight from its file; a name is looked up in the names
    /// index while it is in step with the accounts directory, else in the summary index
    /// (kept in step with the files, never trusted over them), so only the one account's
    /// file is decoded, however large the store. An account whose file cannot
    /// be read, given by its id or by the name the index knew it by, is said to exist and
    /// why it cannot be read, not "no account matches" (D41).
    func findAccount(_ query: String, in store: FileStore) throws -> LoadedAccount {
        if let id = RecordID(rawValue: query.trimmingSpaces().lowercased()), id.rawValue.hasPrefix("acc-") {
            do {
                return try store.load(id)
            } catch StoreError.noSuchAccount {
                // Not an id after all (a name that looks like one): look it up by name.
            } catch is StoreError {
                // Its file cannot be read: the digests name it with its reason, below.
            }
        }
        // The names index finds the one account a name means without reading every
        // digest; believed only if that account's file still holds the name (D52).
        if let (id, name) = store.accountByName(query), let found = try? store.load(id),
            found.account.name == name
        {
            return found
        }
        // Every account's id and name, and nothing else of its digest.
        let snapshot = store.list { (id: $0.id, name: $0.name) }
        do {
            let found = try Lookup.find(query, in: snapshot.items, kind: "account", id: \.id, name: \.name)
            reportProblems(snapshot.problems)
            return try store.load(found.id)
        } catch let error as InputError {
            let named = snapshot.problems.filter { $0.account != nil }
            guard
                let problem = try? Lookup.find(
                    query, in: named, kind: "account", id: { $0.account! }, name: { $0.name ?? "" })
            else {
                reportProblems(snapshot.problems)
                throw error
            }
            reportProblems(snapshot.problems.filter { $0.path != problem.path })
            let name = problem.name.map { " (\($0))" } ?? ""
            throw InputError(
                "account \(problem.account!)\(name) exists but its file cannot be read: \(problem.reason); "
                    + "fix or remove \(problem.path) (rapport check lists every problem)")
        }
    }

    /// Unreadable files are named on stderr, one line each; the command goes on with the rest.
    func reportProblems(_ problems: [StoreProblem]) {
        guard !problems.isEmpty else { return }
        var text = ""
        for problem in problems {
            text += "rapport: \(problem.path) cannot be read: \(problem.reason); it is left out\n"
        }
        System.writeError(text)
    }
}

/// Parses a `Choice` option value with a one-line error naming what is accepted.
func parseChoice<T: Choice>(_ text: String, _ option: String) throws -> T {
    guard let value = T(parsing: text) else {
        throw InputError("\(option) '\(text)' is not valid; expected \(T.acceptedList)")
    }
    return value
}

extension ArgumentHelp {
    /// The help of every command's account argument (resolved by `Lookup.find`).
    static let account: ArgumentHelp = "The account (id, name, or unambiguous start of its name)."

    /// A choice option's help: what it is, then its values from `allCases` ("key, core or
    /// standard"), so help and parsing can never disagree. (ArgumentParser's own
    /// `ExpressibleByArgument` would list them too, but a bad value then prints a
    /// ten-line block instead of the one line every other bad input gets.)
    static func choice<T: Choice>(_ type: T.Type, _ what: String) -> ArgumentHelp {
        ArgumentHelp("\(what): \(T.acceptedList).")
    }
}
