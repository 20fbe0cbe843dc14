import IndexKit
import RapportCore
import TUIKit

/// The whole state of the app, as a value. `update` changes it; `render` draws it.
public struct AppState: Equatable, Sendable {
    public var today: Day
    var currency: String
    var storePath: String
    public var width: Int
    public var height: Int
    /// Every readable account's digest (from the store's index): what lists need.
    private(set) var digests: [AccountDigest] = []
    /// Full accounts loaded so far (opened, or edited): loaded on demand.
    private(set) var loaded: [RecordID: Account] = [:]
    /// The accounts table's rows, sorted by name, with lower-cased text to filter on.
    private(set) var summaries: [AccountSummary] = []
    private(set) var searchTexts = PackedTexts()
    /// Raised whenever `summaries` change, so `visibleRows` knows its rows are stale.
    private(set) var summariesVersion = 0
    /// The accounts table's rows last shown (see `AccountsScreen.visiblePositions`).
    var visibleRows = VisibleRows()
    /// Every follow-up within the due list's horizon, most urgent first (slots of
    /// `digests`; `DueList.followUp` builds the ones shown).
    var dueSlots: [DueSlot] {
        rankedDue ?? DueList.ranked(for: digests, on: today, withinDays: due.horizon)
    }
    /// The due list, once ranked: not at start-up (the first frame is the accounts
    /// table) but when the due screen first shows, then kept in step with every save.
    private var rankedDue: [DueSlot]?
    /// The due list's follow-ups as the table's rows were made, in account order, until
    /// the list is first ranked (from them: a sort, not a pass over every digest).
    private var unrankedDue: [DueSlot]?
    /// Files that could not be read ("path: reason").
    var problems: [String]
    /// The screen showing, with the state of this visit to it (see `Screen`).
    public var screen: Screen
    /// The accounts table's state. Unlike the account view's it is not in `Screen`: its
    /// filters, sort and selection survive leaving the table and coming back.
    var list = AccountListState()
    /// The due list's state, kept here for the same reason: it survives leaving the list.
    var due = DueListState()
    /// Intervals for the due engine (from the store's settings).
    var policy: DuePolicy
    /// The user's name ($RAPPORT_OWNER or $USER): what "mine" means on the due list.
    var me: String
    /// The relationship-for-life template new plans start from.
    var playbook: Playbook?
    /// The store's current litmus question set (new checks answer it).
    public var litmus: LitmusQuestionSet?
    var overlay: Overlay?
    var message: Message?
    /// What `u` brings back.
    var undo: Undo?
    /// Set when the user asked to quit.
    public var quitting = false
    /// `:sync` was asked for: it runs once the frame saying so is drawn.
    public var syncRequested = false

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
        if let warning = Self.warning(problems) { message = warning }
    }

    /// The message naming the files that could not be read ("path: reason" each), the
    /// first with its reason: "Cannot read …; not shown (and 2 more: rapport check)".
    static func warning(_ problems: [String]) -> Message? {
        guard let first = problems.first else { return nil }
        let more = problems.count == 1 ? "rapport check" : "and \(problems.count - 1) more: rapport check"
        return Message("Cannot read \(first); not shown (\(more))", isError: true)
    }

    /// Smallest terminal the app draws in; smaller shows the too-small screen.
    static let minimumWidth = 60
    static let minimumHeight = 16

    /// A state over full accounts, all of them loaded (tests, a freshly created store).
    init(
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

    func digest(_ id: RecordID) -> AccountDigest? { digests.first { $0.id == id } }

    /// Replaces every digest (the store was read again; they come in name order, as
    /// `FileStore.loadDigests` gives them); loaded accounts are dropped.
    mutating func setDigests(_ digests: [AccountDigest]) {
        assert(
            digests.map(\.nameOrder) == digests.map(\.nameOrder).sorted(), "digests must come in name order")
        self.digests = digests
        loaded = [:]
        refreshLists()
    }

    /// Takes in an account as saved: its loaded copy, its digest and the lists.
    mutating func store(_ account: Account) {
        loaded[account.id] = account
        replace(account.id, with: AccountDigest(account, policy: policy))
    }

    /// Keeps a loaded account without changing the lists (it was only read).
    mutating func keep(_ account: Account) { loaded[account.id] = account }

    mutating func remove(_ id: RecordID) {
        loaded[id] = nil
        replace(id, with: nil)
    }

    /// Recomputes the table rows and the due list from all the digests.
    mutating func refreshLists() {
        let rows = AccountRows(digests, today: today, dueWithin: due.horizon)
        summaries = rows.summaries
        searchTexts = rows.searchTexts
        summariesVersion += 1
        rankedDue = nil
        unrankedDue = rows.dueSlots
    }

    /// Changes one account's place in the lists without recomputing the others: a save
    /// costs the same at 30 accounts as at 10,000.
    private mutating func replace(_ id: RecordID, with digest: AccountDigest?) {
        summariesVersion += 1
        let old = digests.firstIndex { $0.id == id }
        if let old {
            digests.remove(at: old)
            summaries.remove(at: old)
            searchTexts.remove(at: old)
        }
        guard let digest else {
            rankedDue = rankedDue.map {
                DueList.replacing(account: old, movedTo: nil, with: [], in: $0)
            }
            unrankedDue = unrankedDue.map {
                DueList.replacing(account: old, movedTo: nil, with: [], inAccountOrder: $0)
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
            digest, today: today, next: own.min { DueList.earlier($0, $1) }, sharingBytes: true)
        summaries.insert(summary, at: low)
        searchTexts.insert(utf8: SearchText.bytes(summary), at: low)
        let within = own.filter { DueList.isWithin(due.horizon, $0.due, on: today) }
        rankedDue = rankedDue.map {
            DueList.replacing(account: old, movedTo: low, with: within, in: $0)
        }
        unrankedDue = unrankedDue.map {
            DueList.replacing(account: old, movedTo: low, with: within, inAccountOrder: $0)
        }
    }

    /// Looks `days` ahead in the due list (ranked again when it next draws).
    mutating func setDueHorizon(_ days: Int) {
        due.horizon = days
        rankedDue = nil
        unrankedDue = nil
    }

    /// Ranks the due list if it is not yet (before the due screen draws).
    mutating func rankDueList() {
        guard rankedDue == nil else { return }
        if var slots = unrankedDue {
            DueList.sortByUrgency(&slots, today: today)
            rankedDue = slots
        } else {
            rankedDue = DueList.ranked(for: digests, on: today, withinDays: due.horizon)
        }
        unrankedDue = nil
    }
}

/// Which screen is showing, carrying the state of this visit to it: each visit to an
/// account starts afresh, and so does each worksheet opened. The accounts table's and
/// the due list's states outlive a visit, so they are `AppState.list` and `AppState.due`.
public enum Screen: Equatable, Sendable {
    case welcome
    /// A lost account's defection review (D48).
    indirect case review(DefectionReviewState)
    case accounts
    /// One account: its view's state holds the account's id.
    indirect case account(AccountViewState)
    case due
    /// The root-cause worksheet editor: its state holds the account's and worksheet's ids.
    indirect case worksheet(WorksheetEditorState)
    /// What a search found (`:search TEXT`, `F`).
    indirect case search(SearchScreenState)
    /// The book at a glance (`P`, `:portfolio`).
    case portfolio(PortfolioScreenState)

    /// An account's view as it opens: its Overview, Esc going back to the accounts table.
    public static func account(_ id: RecordID) -> Screen { .account(AccountViewState(id: id)) }

    /// The account the account view shows (nil on every other screen, the worksheet editor too).
    var accountID: RecordID? {
        guard case .account(let view) = self else { return nil }
        return view.id
    }
}

extension AppState {
    /// The account view's state while it shows (nil on other screens). Setting it
    /// changes the view showing; it never switches screens, and nil is ignored.
    var accountView: AccountViewState? {
        get {
            guard case .account(let view) = screen else { return nil }
            return view
        }
        set {
            guard let newValue, case .account = screen else { return }
            screen = .account(newValue)
        }
    }

    /// The worksheet editor's state while it shows (nil on other screens). Setting it
    /// changes the editor showing; it never switches screens, and nil is ignored.
    var worksheetEditor: WorksheetEditorState? {
        get {
            guard case .worksheet(let editor) = screen else { return nil }
            return editor
        }
        set {
            guard let newValue, case .worksheet = screen else { return }
            screen = .worksheet(newValue)
        }
    }
}

/// A line at the bottom: information, or an error in red.
struct Message: Equatable, Sendable {
    var text: String
    var isError: Bool
    init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }
}

/// Something drawn over the screen that takes the keys.
enum Overlay: Equatable, Sendable {
    case help(scroll: Int)
    case form(FormPurpose, Form)
    case confirm(ConfirmPurpose)
    case command(TextField)
    case litmus(LitmusRun)
    /// Fields both sides changed: which to keep.
    case conflict(ConflictReview)
    /// A merge conflict on an account: keep the value it holds, or take the other.
    case settle(MergeConflictSettlement)
}

extension AppState {
    /// Takes in the digests as the files hold them now, keeping the accounts table on the
    /// account it had selected and every overlay (an open form keeps its edits); returns
    /// what changed. A few changes are placed one by one; many rebuild the lists.
    mutating func takeDiskChanges(_ new: [AccountDigest]) -> DiskChanges {
        let changes = DiskChanges(before: digests, after: new)
        guard !changes.ids.isEmpty else { return changes }
        let selected = AccountsScreen.selected(self)?.id
        if changes.ids.count > 64 {
            let kept = loaded.filter { !changes.ids.contains($0.key) }
            setDigests(new)
            loaded = kept
        } else {
            let byID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for id in changes.ids {
                loaded[id] = nil
                replace(id, with: byID[id])
            }
        }
        if let selected,
            let row = AccountsScreen.visiblePositions(self).firstIndex(where: {
                summaries[$0].id == selected
            })
        {
            list.table.selection = row
        }
        return changes
    }
}
