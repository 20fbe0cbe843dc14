import RapportCore
import TUIKit

/// The `:` command line.
enum CommandPrompt {
    static let help =
        "commands: :q quit · :account NAME opens an account · :filter flag=no-senior tier=key … · :search TEXT · :portfolio · :sync · :due · :accounts · :help"

    static func run(_ text: String, state: inout AppState) -> [Effect] {
        let trimmed = text.trimmingSpaces()
        let word = trimmed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let rest = trimmed.dropFirst(word.count).trimmingSpaces()
        switch word.lowercased() {
        case "": return []
        case "q", "quit", "q!", "wq", "x":
            state.quitting = true
            return []
        case "help", "h":
            state.overlay = .help(scroll: 0)
        case "portfolio", "p":
            PortfolioScreen.show(&state)
        case "sync":
            state.syncRequested = true
            state.message = Message("Syncing with the team through git…")
        case "due", "d":
            DueScreen.show(&state)
        case "accounts", "ls":
            state.screen = .accounts
        case "search", "s", "find":
            guard !AccountSearch(rest).words.isEmpty else {
                state.message = Message("give the words to search for: :search EV transition", isError: true)
                return []
            }
            return [.search(rest)]
        case "filter", "f":
            do {
                state.list.conditions = try AccountFilter.parse(rest, me: state.me)
                state.list.table.selection = 0
                state.screen = .accounts
                state.message = Message(
                    state.list.conditions.isEmpty
                        ? "Filters cleared" : "Filtered: \(state.list.conditions.text)")
            } catch {
                state.message = Message("\(error)", isError: true)
            }
        case "account", "a", "open":
            let candidates = Lookup.candidates(rest, in: state.digests, id: \.id, name: \.name)
            if candidates.count > 1 {
                // Every candidate, where a one-line message would cut the list: the table,
                // filtered to the name, on the first of them.
                state.screen = .accounts
                state.list.filter = TextField(rest)
                state.list.table.selection = 0
                state.message = Message(
                    "'\(rest)' matches \(candidates.count) accounts, listed here: Enter opens the selected one"
                )
                return []
            }
            do {
                let account = try Lookup.find(
                    rest, in: state.digests, kind: "account", id: \.id, name: \.name)
                return AccountsScreen.open(&state, account.id)
            } catch {
                state.message = Message("\(error)", isError: true)
            }
        default:
            state.message = Message("unknown command ':\(word)'; \(help)", isError: true)
        }
        return []
    }
}
