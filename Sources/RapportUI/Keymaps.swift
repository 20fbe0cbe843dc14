import TUIKit

/// Commands available everywhere.
public enum GlobalCommand: Sendable { case help, quit, commandLine, redraw, dueList }

/// Commands of the accounts table.
public enum ListCommand: Sendable {
    case move, open, filter, sort, tierFilter, statusFilter, ownerFilter, clearFilters
    case add, log, concern, edit, delete, undo, quit
}

/// Commands of the account view.
public enum ViewCommand: Sendable {
    case move, back, nextSection, previousSection, section
    case log, concern, add, edit, delete, undo
}

/// Commands of the plan section (besides the account view's own).
public enum PlanCommand: Sendable { case start, states, done, pause, moveUp, moveDown, fixGap, export }

/// Commands of the worksheets section and of the concerns section's extra key.
public enum WorksheetListCommand: Sendable { case new, open, fromConcern }

/// Commands of the worksheet editor.
public enum WorksheetCommand: Sendable {
    case move, nextStep, previousStep, step, add, edit, delete, undo, moveUp, moveDown, markRoot, frame,
        close, export, back
}

/// Commands of the Health, Risks and Expectations sections (besides add/edit/delete).
public enum HealthCommand: Sendable { case litmus, reading, addMeasure }
public enum RiskCommand: Sendable { case occurred }
public enum ExpectationCommand: Sendable { case newSet, checklist, nextSet, previousSet }

/// Commands of the due list.
public enum DueCommand: Sendable { case move, open, done, snooze, mine, filter, back }

/// Commands of the welcome screen (no store yet).
enum WelcomeCommand: Sendable { case demo, empty, quit }

/// Commands of the help overlay.
enum HelpCommand: Sendable { case close, down, up }

/// Answers to a yes/no question.
enum ConfirmCommand: Sendable { case yes, no }

/// Choices in an edit's conflict: per field, or for every field at once.
enum ConflictCommand: Sendable { case down, up, mine, theirs, allMine, allTheirs }

/// The key tables. Each drives its screen's dispatch, its footer and the help overlay.
public enum Keymaps {
    static let navigation: [Key] = [
        .char("j"), .char("k"), .down, .up, .char("g"), .char("G"), .home, .end, .pageUp, .pageDown
    ]

    public static let global = Keymap<GlobalCommand>(
        "Everywhere",
        [
            Binding([.char("?"), .function(1)], .help, label: "help", help: "Show this help"),
            Binding([.char("D")], .dueList, label: "due", help: "The follow-up due list across all accounts"),
            Binding([.ctrl("l")], .redraw, help: "Redraw the screen"),
            Binding([.char("Q")], .quit, label: "quit", help: "Quit (everything is already saved)"),
            Binding(
                [.char(":")], .commandLine, label: "cmd",
                help: "Command line: :q, :account NAME, :due, :accounts, :help")
        ])

    static let welcome = Keymap<WelcomeCommand>(
        "Welcome",
        [
            Binding(
                [.char("d"), .enter], .demo, label: "demo portfolio",
                help: "Create the demo portfolio (27 realistic accounts)"),
            Binding([.char("e")], .empty, label: "empty store", help: "Start with an empty store"),
            Binding([.char("q"), .escape], .quit, label: "quit", help: "Quit")
        ])

    static let help = Keymap<HelpCommand>(
        "Help",
        [
            Binding([.escape, .char("?"), .char("q"), .enter], .close, help: "Close the help"),
            Binding([.char("j"), .down], .down, help: "Scroll down"),
            Binding([.char("k"), .up], .up, help: "Scroll up")
        ])

    static let confirm = Keymap<ConfirmCommand>(
        "Questions",
        [
            Binding([.char("y"), .char("Y")], .yes, help: "Yes"),
            Binding([.char("n"), .char("N"), .escape, .char("q")], .no, help: "No")
        ])

    static let conflict = Keymap<ConflictCommand>(
        "Changed meanwhile (both sides changed a field)",
        [
            Binding([.char("m")], .mine, label: "mine", help: "Keep mine for the selected field"),
            Binding([.char("t")], .theirs, label: "theirs", help: "Keep theirs for the selected field"),
            Binding([.char("M")], .allMine, label: "all mine", help: "Keep mine for every field"),
            Binding(
                [.char("T"), .escape], .allTheirs, label: "all theirs",
                help: "Keep theirs for every field (Esc too): nothing of theirs is overwritten",
                hintLabel: "T/Esc"),
            Binding([.char("j"), .down], .down, help: "Next field"),
            Binding([.char("k"), .up], .up, help: "Previous field")
        ])

    public static let accounts = Keymap<ListCommand>(
        "Accounts",
        [
            Binding(navigation, .move, help: "Move: j/k or arrows, g/G first/last, PgUp/PgDn"),
            Binding([.enter], .open, label: "open", help: "Open the selected account"),
            Binding(
                [.char("/")], .filter, label: "filter",
                help: "Filter as you type (name, owner, tags, contacts); Esc clears"),
            Binding(
                [.char("s")], .sort, label: "sort",
                help: "Cycle the sort: name, value, health, last touch, next due, flags, tier"),
            Binding([.char("t")], .tierFilter, help: "Cycle the tier filter: all, key, core, standard"),
            Binding(
                [.char("S")], .statusFilter,
                help: "Cycle the status filter: all, active, at risk, lost, former"),
            Binding([.char("o")], .ownerFilter, help: "Cycle the owner filter through the owners"),
            Binding([.char("x")], .clearFilters, help: "Clear every filter"),
            Binding([.char("l")], .log, label: "log", help: "Log a touchpoint for the selected account"),
            Binding(
                [.char("c")], .concern, label: "concern",
                help: "Record a customer concern for the selected account"),
            Binding([.char("a")], .add, label: "add", help: "Add an account"),
            Binding([.char("e")], .edit, help: "Edit the selected account's facts"),
            Binding([.char("d")], .delete, help: "Delete the selected account (asks first; u undoes)"),
            Binding([.char("u")], .undo, help: "Undo the last delete"),
            Binding([.char("q")], .quit, help: "Quit")
        ])

    public static let due = Keymap<DueCommand>(
        "Follow-ups",
        [
            Binding(navigation, .move, help: "Move: j/k or arrows, g/G first/last, PgUp/PgDn"),
            Binding([.enter], .open, label: "open", help: "Open the account at the right section"),
            Binding(
                [.char("x")], .done, label: "done",
                help: "Mark done (asks for a note; recorded where it belongs)"),
            Binding([.char("z")], .snooze, label: "snooze", help: "Snooze to a later day, with a reason"),
            Binding(
                [.char("m")], .mine, label: "mine",
                help: "Toggle between your follow-ups ($RAPPORT_OWNER) and everyone's"),
            Binding(
                [.char("/")], .filter, label: "filter",
                help: "Filter as you type (account, what, owner, source); Esc clears"),
            Binding([.escape, .char("q")], .back, label: "back", help: "Back to the accounts")
        ])

    public static let plan = Keymap<PlanCommand>(
        "Plan section",
        [
            Binding(
                [.char("p")], .start, label: "playbook",
                help: "Start a plan from the playbook (keep, edit or drop each step)"),
            Binding(
                [.char("x")], .done, label: "done",
                help: "Mark the selected item done (with a note; logs the touchpoint)"),
            Binding(
                [.char("w")], .states, label: "write",
                help: "Write what the relationship is and what it needs to be"),
            Binding(
                [.char("f")], .fixGap, label: "fix gap",
                help: "Fix the first gap: add the missing contact or the regular meeting"),
            Binding([.char("P")], .pause, help: "Pause or resume the selected item"),
            Binding([.char("K")], .moveUp, help: "Move the selected item up"),
            Binding([.char("J")], .moveDown, help: "Move the selected item down"),
            Binding(
                [.char("X")], .export, help: "Export the plan as Markdown (a file in the current directory)")
        ])

    public static let worksheetList = Keymap<WorksheetListCommand>(
        "Worksheets section",
        [
            Binding([.char("n")], .new, label: "new", help: "Start a new root-cause worksheet"),
            Binding([.enter], .open, label: "open", help: "Open the selected worksheet")
        ])

    public static let concernList = Keymap<WorksheetListCommand>(
        "Concerns section",
        [
            Binding(
                [.char("w")], .fromConcern, label: "worksheet",
                help: "Work the selected concern through a root-cause worksheet (Define prefilled)")
        ])

    public static let worksheet = Keymap<WorksheetCommand>(
        "Worksheet",
        [
            Binding(
                [.tab, .char("]")], .nextStep, label: "step",
                help: "Next step (warns when leaving an empty one)"),
            Binding([.backTab, .char("[")], .previousStep, help: "Previous step"),
            Binding((1...7).map { .char(Character(String($0))) }, .step, help: "Jump to a step by number"),
            Binding(navigation, .move, help: "Move within the step's list"),
            Binding(
                [.char("e"), .enter], .edit, label: "edit", help: "Edit the step (or the selected entry)"),
            Binding([.char("a")], .add, label: "add", help: "Add a cause, option or action"),
            Binding(
                [.char("d")], .delete, help: "Delete the selected cause, option or action (u brings it back)"),
            Binding([.char("u")], .undo, help: "Undo the last delete"),
            Binding(
                [.char("r")], .markRoot, label: "root",
                help: "Explore: mark the selected cause as the likely root cause"),
            Binding([.char("K")], .moveUp, help: "Move the selected entry up"),
            Binding([.char("J")], .moveDown, help: "Move the selected entry down"),
            Binding(
                [.char("f")], .frame, label: "frame", help: "Focus, who is accountable, how often we talk"),
            Binding([.char("C")], .close, help: "Close the worksheet (needs an outcome)"),
            Binding([.char("X")], .export, help: "Export as Markdown (a file in the current directory)"),
            Binding([.escape, .char("q")], .back, label: "back", help: "Back to the account")
        ])

    public static let health = Keymap<HealthCommand>(
        "Health section",
        [
            Binding([.char("t")], .litmus, label: "litmus", help: "Run the litmus test (one key per answer)"),
            Binding(
                [.char("r")], .reading, label: "reading",
                help: "Enter a monthly reading for the selected measure"),
            Binding([.char("m")], .addMeasure, label: "measure", help: "Track a new measure")
        ])

    public static let risks = Keymap<RiskCommand>(
        "Risks section",
        [
            Binding(
                [.char("o")], .occurred, label: "occurred",
                help: "Mark the selected risk as occurred (offers the disruption season)")
        ])

    public static let expectations = Keymap<ExpectationCommand>(
        "Expectations section",
        [
            Binding(
                [.char("w")], .checklist, label: "checklist", help: "Write the up-front checklist answers"),
            Binding([.char("n")], .newSet, label: "project", help: "Expectations for another project"),
            Binding([.char("]")], .nextSet, help: "Next project's expectations"),
            Binding([.char("[")], .previousSet, help: "Previous project's expectations")
        ])

    public static let account = Keymap<ViewCommand>(
        "Account",
        [
            Binding(navigation, .move, help: "Move within the section"),
            Binding(
                [.tab, .right], .nextSection, label: "section", help: "Next section (Tab), previous (S-Tab)"),
            Binding([.backTab, .left], .previousSection, help: "Previous section"),
            Binding(
                (0...9).map { .char(Character(String($0))) }, .section,
                help: "Jump to a section by number (0 is Expectations)"),
            Binding([.char("l")], .log, label: "log", help: "Log a touchpoint"),
            Binding([.char("c")], .concern, label: "concern", help: "Record a customer concern"),
            Binding(
                [.char("a")], .add, label: "add",
                help:
                    "Add to the section: contact, team member, touchpoint, concern, plan item, worksheet, measure, risk or goal"
            ),
            Binding(
                [.char("e")], .edit, label: "edit",
                help: "Edit the selected record (the account's facts on Overview)"),
            Binding(
                [.char("d")], .delete, label: "del", help: "Delete the selected record (asks first; u undoes)"
            ),
            Binding([.char("u")], .undo, help: "Undo the last delete"),
            Binding([.escape, .char("q")], .back, label: "back", help: "Back to the accounts")
        ])
}
