import RapportCore
import RapportStore

/// What the app needs of the machine beyond the store: the terminal, the external
/// editor, the working directory. The executable provides the real one; tests a
/// scripted one.
public protocol AppHost: AnyObject {
    /// Creates the demo portfolio (or an empty store) where there is no store yet, and
    /// opens it; returns the store and the accounts created.
    func createStore(demo: Bool) throws -> (store: FileStore, accounts: [Account])
    /// Runs the user's editor on `text`; the edited text, or nil and why it could not run
    /// (an error may come with text too: the editor failed but its text was kept).
    func edit(field: String, text: String) -> (text: String?, error: String?)
    /// Writes a document into the current directory; returns the path written, or throws a
    /// message saying what went wrong and what to do.
    func export(fileName: String, text: String) throws -> String
    /// Draws the whole screen anew at the next frame (Ctrl-L).
    func redraw()
    /// Runs `rapport sync` on the store: what it did, and why it stopped if it did.
    func sync() -> TeamSync.Report
}
