import TUIKit

/// Commands available everywhere.
enum GlobalCommand: Sendable { case help, quit, commandLine, redraw, dueList, search, portfolio }

/// The key tables. Each drives its screen's dispatch, its footer and the help overlay;
/// a screen's table is defined in its own file (`extension Keymaps`), beside its state.
enum Keymaps {
    static let navigation: [Key] = [
        .char("j"), .char("k"), .down, .up, .char("g"), .char("G"), .home, .end, .pageUp, .pageDown
    ]

    static let global = Keymap<GlobalCommand>(
        "Everywhere",
        [
            Binding([.char("?"), .function(1)], .help, label: "help", help: "Show this help"),
            Binding([.char("D")], .dueList, label: "due", help: "The follow-up due list across all accounts"),
            Binding([.char("F")], .search, help: "Search every account's records (:search TEXT)"),
            Binding(
                [.char("P")], .portfolio,
                help: "The portfolio: renewals, value at risk and why (:portfolio)"),
            Binding([.ctrl("l")], .redraw, help: "Redraw the screen and read the store again"),
            Binding([.char("Q")], .quit, label: "quit", help: "Quit (everything is already saved)"),
            Binding(
                [.char(":")], .commandLine, label: "cmd",
                help:
                    "Command line: :q :account :filter :search :due :portfolio :sync :help")
        ])
}
