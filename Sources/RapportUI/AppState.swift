import RapportCore
import TUIKit

/// The whole state of the app, as a value. `update` changes it; `render` draws it.
public struct AppState: Equatable, Sendable {
    public var today: Day
    public var currency: String
    public var storePath: String
    public var width: Int
    public var height: Int
    /// Every readable account's digest (from the store's index): what lists need.
    public private(set) var digests: [AccountDigest] = []
    /// Full accounts loaded so far (opened, or edited): loaded on demand.
    public private(set) var loaded: [RecordID: Account] = [:]
    /// The accounts table's rows, sorted by name, with lower-cased text to filter on.
    public private(set) var summaries: [AccountSummary] = []
    public private(set) var searchTexts: [String] = []
    /// Every follow-up within the due list's horizon, most urgent first (slots of
    /// `digests`; `DueList.followUp` builds the ones shown).
    public var dueSlots: [DueSlot] {
        rankedDue ?? DueList.ranked(for: digests, on: today, withinDays: due.horizon)
    }
    /// The due list, once ranked: not at start-up (the first frame is the accounts
    /// table) but when the due screen first shows, then kept in step with every save.
    private var rankedDue: [DueSlot]?
    /// Files that could not be read ("path: reason").
    public var problems: [String]
    public var screen: Screen
    public var list = AccountListState()
    public var view = AccountViewState()
    public var due = DueListState()
    public var editor = WorksheetEditorState()
    /// Intervals for the due engine (from the store's settings).
    public var policy: DuePolicy
    /// The user's name ($RAPPORT_OWNER or $USER): what "mine" means on the due list.
    public var me: String
    /// The relationship-for-life template new plans start from.
    public var playbook: Playbook?
    /// The store's current litmus question set (new checks answer it).
    public var litmus: LitmusQuestionSet?
    public var overlay: Overlay?
    public var message: Message?
    /// What `u` brings back.
    public var undo: Undo?
    /// Set when the user asked to quit.
    public var quitting = false

    /// A state over digests in name order, as the store's index gives them.
    public init(
        today: Day, currency: String, storePath: String, width: Int, height: Int,
        digests: [AccountDigest], problems: [String] = [], storeExists: Bool = true,
        policy: DuePolicy = DuePolicy(), me: String = "", playbook: Playbook? = nil
    ) {
        self.today = today
        self.currency = currency
        self.storePath = storePath
        self.policy = policy
        self.me = me
        self.playbook = playbook
        self.width = width
        self.height = height
        self.problems = problems
        screen = storeExists ? .accounts : .welcome
        setDigests(digests)
        if !problems.isEmpty {
            message = Message(
                "\(problems.count) file\(problems.count == 1 ? "" : "s") could not be read and \(problems.count == 1 ? "is" : "are") not shown (rapport check names them)",
                isError: true)
        }
    }

    /// Smallest terminal the app draws in; smaller shows the too-small screen.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    /// A state over full accounts, all of them loaded (tests, a freshly created store).
    public init(
        today: Day, currency: String, storePath: String, width: Int, height: Int,
        accounts: [Account], problems: [String] = [], storeExists: Bool = true,
        policy: DuePolicy = DuePolicy(), me: String = "", playbook: Playbook? = nil
    ) {
        self.init(
            today: today, currency: currency, storePath: storePath, width: width, height: height,
            digests: AccountDigest.nameOrdered(accounts.map { AccountDigest($0, policy: policy) }),
            problems: problems,
            storeExists: storeExists, policy: policy, me: me, playbook: playbook)
        for account in accounts { loaded[account.id] = account }
    }

    /// A loaded account (nil when it is not loaded yet, or gone).
    public func account(_ id: RecordID) -> Account? { loaded[id] }

    public func digest(_ id: RecordID) -> AccountDigest? { digests.first { $0.id == id } }

    /// Replaces every digest (the store was read again; they come in name order, as
    /// `FileStore.loadDigests` gives them); loaded accounts are dropped.
    public mutating func setDigests(_ digests: [AccountDigest]) {
        assert(
            digests.map(\.nameOrder) == digests.map(\.nameOrder).sorted(), "digests must come in name order")
        self.digests = digests
        loaded = [:]
        refreshLists()
    }

    /// Takes in an account as saved: its loaded copy, its digest and the lists.
    public mutating func store(_ account: Account) {
        loaded[account.id] = account
        replace(account.id, with: AccountDigest(account, policy: policy))
    }

    /// Keeps a loaded account without changing the lists (it was only read).
    public mutating func keep(_ account: Account) { loaded[account.id] = account }

    public mutating func remove(_ id: RecordID) {
        loaded[id] = nil
        replace(id, with: nil)
    }

    /// Recomputes the table rows and the due list from all the digests.
    mutating func refreshLists() {
        let today = self.today
        let rows = Parallel.map(digests) { digest in
            let summary = AccountSummary(digest, today: today, next: DueList.nextSlot(of: digest, on: today))
            return (summary, Self.searchText(summary))
        }
        summaries = rows.map(\.0)
        searchTexts = rows.map(\.1)
        rankedDue = nil
    }

    /// Changes one account's place in the lists without recomputing the others: a save
    /// costs the same at 30 accounts as at 10,000.
    private mutating func replace(_ id: RecordID, with digest: AccountDigest?) {
        let old = digests.firstIndex { $0.id == id }
        if let old {
            digests.remove(at: old)
            summaries.remove(at: old)
            searchTexts.remove(at: old)
        }
        guard let digest else {
            rankedDue = rankedDue.map {
                DueList.replacing(account: old, movedTo: nil, with: [], in: $0, digests: digests)
            }
            return
        }
        // Binary search for its place in name order (lower-casing 14 names, not 10,000).
        let key = digest.nameOrder
        var low = 0
        var high = digests.count
        while low < high {
            let mid = (low + high) / 2
            if digests[mid].nameOrder < key { low = mid + 1 } else { high = mid }
        }
        digests.insert(digest, at: low)
        let own = DueList.slots(of: digest, at: low, on: today)
        let summary = AccountSummary(
            digest, today: today, next: own.min { DueList.ordered($0, $1, in: digests) })
        summaries.insert(summary, at: low)
        searchTexts.insert(Self.searchText(summary), at: low)
        rankedDue = rankedDue.map {
            DueList.replacing(
                account: old, movedTo: low,
                with: own.filter { DueList.isWithin(due.horizon, $0.due, on: today) },
                in: $0, digests: digests)
        }
    }

    /// Ranks the due list if it is not yet (before the due screen draws).
    mutating func rankDueList() {
        if rankedDue == nil { rankedDue = DueList.ranked(for: digests, on: today, withinDays: due.horizon) }
    }

    /// What filter-as-you-type matches: name, owner, tags and contacts, lower-cased.
    static func searchText(_ s: AccountSummary) -> String {
        ([s.name, s.owner] + s.tags + s.contactNames).joined(separator: "\u{1F}").lowercased()
    }
}

/// Which screen is showing.
public enum Screen: Equatable, Sendable {
    case welcome
    case accounts
    case account(RecordID)
    case due
    /// The root-cause worksheet editor.
    case worksheet(account: RecordID, worksheet: RecordID)
}

/// A line at the bottom: information, or an error in red.
public struct Message: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Something drawn over the screen that takes the keys.
public enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case form(FormPurpose, Form)
    case confirm(ConfirmPurpose)
    case command(TextField)
    case litmus(LitmusRun)
}

/// A litmus test being answered, one question at a time.
public struct LitmusRun: Equatable, Sendable {
    public var account: RecordID
    public var set: LitmusQuestionSet
    /// The question showing; `set.questions.count` means the summary.
    public var index = 0
    public var answers: [Int?]
    public var comments: [String]
    /// The comment being typed for the current question, if any.
    public var comment: TextField?

    public init(account: RecordID, set: LitmusQuestionSet) {
        self.account = account
        self.set = set
        answers = Array(repeating: nil, count: set.questions.count)
        comments = Array(repeating: "", count: set.questions.count)
    }

    public var isComplete: Bool { answers.allSatisfy { $0 != nil } }
}

/// Which part of a worksheet a form edits (nil ids: a new entry).
public enum WorksheetPart: Equatable, Sendable {
    case define
    case cause(RecordID?)
    case option(RecordID?)
    case implications(RecordID)
    case decision
    case action(RecordID?)
    case evaluation, frame
}

/// The worksheet editor's own state.
public struct WorksheetEditorState: Equatable, Sendable {
    public var step: WorksheetStep = .define
    public var table = TableView()
    public init(step: WorksheetStep = .define) { self.step = step }
}

/// What a yes/no question is about.
public enum ConfirmPurpose: Equatable, Sendable {
    case deleteAccount(RecordID)
    case deleteRecord(account: RecordID, Mutation, undo: Mutation, what: String)
    /// A touchpoint just logged could count as a plan item's completion.
    case countForPlan(account: RecordID, touch: RecordID, item: RecordID, title: String)
    /// A risk just marked as occurred: move the account's season to disruption?
    case seasonToDisruption(account: RecordID, risk: String)
}

/// The last delete, for `u`.
public enum Undo: Equatable, Sendable {
    case account(Account)
    case record(account: RecordID, Mutation, what: String)
}

/// Sort orders of the accounts table (`s` cycles).
public enum AccountSort: String, CaseIterable, Sendable {
    case name, value, health
    case lastTouch = "last touch"
    case nextDue = "next due"
    case flags, tier
}

/// The accounts table's own state.
public struct AccountListState: Equatable, Sendable {
    public var table = TableView()
    public var filter = TextField()
    public var filtering = false
    public var sort: AccountSort = .name
    public var tier: Tier?
    public var status: AccountStatus?
    public var owner: String?
    public init() {}
}

/// Sections of the account view.
public enum AccountSection: Int, CaseIterable, Sendable {
    case overview = 1
    case contacts, team, timeline, concerns, plan, worksheets, health, risks, expectations

    /// Four letters, for a narrow tab bar.
    public var short: String {
        switch self {
        case .health: return "Hlth"
        case .expectations: return "Expt"
        case .worksheets: return "Work"
        default: return String(title.prefix(4))
        }
    }

    public var title: String {
        switch self {
        case .health: return "Health"
        case .risks: return "Risks"
        case .expectations: return "Expectations"
        case .worksheets: return "Worksheets"
        case .plan: return "Plan"
        case .overview: return "Overview"
        case .contacts: return "Contacts"
        case .team: return "Team"
        case .timeline: return "Timeline"
        case .concerns: return "Concerns"
        }
    }
}

/// The account view's own state.
public struct AccountViewState: Equatable, Sendable {
    public var section: AccountSection = .overview
    /// Which expectation set the Expectations section shows.
    public var expectationSet = 0
    public var table = TableView()
    /// Where Esc goes back to (the accounts table, or the due list it was opened from).
    public var back: Screen = .accounts
    public init(section: AccountSection = .overview, back: Screen = .accounts) {
        self.section = section
        self.back = back
    }
}

/// The due list's own state.
public struct DueListState: Equatable, Sendable {
    public var table = TableView()
    public var filter = TextField()
    public var filtering = false
    /// Only the user's own items.
    public var mine = false
    /// How far ahead "Later" looks, in days.
    public var horizon = 30
    public init() {}
}
