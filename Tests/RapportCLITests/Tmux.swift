import Foundation

/// A private tmux server running one command, for end-to-end tests of the app in a
/// real terminal. Screens are read by polling `capture-pane`, never by sleeping.
final class Tmux {
    let socket = "rapport-e2e-\(UUID().uuidString.prefix(8))"

    struct Timeout: Error, CustomStringConvertible {
        let wanted: String, screen: String
        var description: String { "timed out waiting for '\(wanted)'; the screen was:\n\(screen)" }
    }

    /// Starts `command` in a detached session of the given size, in `directory` (by
    /// default the tests' own). The command is followed by `echo EXITED` so a test can see
    /// the app end and inspect the terminal after it.
    init(
        _ command: String, environment: [String: String], width: Int = 100, height: Int = 30,
        directory: String? = nil
    ) throws {
        let env = environment.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let script = "env \(env) \(command); echo EXITED $?; sleep 30"
        try tmux(
            ["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)"]
                + (directory.map { ["-c", $0] } ?? []) + [script])
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try Subprocess.run("tmux", ["-L", socket] + args, environment: ProcessInfo.processInfo.environment)
            .out
    }

    /// Named keys (`Enter`, `Escape`, `Tab`, `C-o`) or single characters.
    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    /// Types text literally.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }

    var screen: String { (try? tmux(["capture-pane", "-p", "-t", "0"])) ?? "" }

    /// Polls the screen until `text` shows (up to `seconds`), returning the screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 15) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let current = screen
            if current.contains(text) { return current }
            if Date() > deadline { throw Timeout(wanted: text, screen: current) }
            usleep(50_000)
        }
    }

    /// From the start of the demo app: filters the accounts down to `name` and opens it.
    func openAccount(_ name: String) throws {
        try waitFor("Accounts  27 of 27")
        try keys("/")
        try type(name)
        try waitFor("Accounts  1 of 27")
        try keys("Enter", "Enter")
        try waitFor("1 Overview")
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Whether the pane is on the alternate screen (curses still owns it).
    var alternateOn: String {
        ((try? tmux(["display-message", "-p", "-t", "0", "#{alternate_on}"])) ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// Sends a signal to the app running in the pane.
    func signalApp(_ signal: String) throws {
        let pid = try tmux(["display-message", "-p", "-t", "0", "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        _ = try Subprocess.run(
            "pkill", ["-\(signal)", "-P", pid, "rapport"], environment: ProcessInfo.processInfo.environment)
    }
}
