import ArgumentParser
import RapportCore
import RapportStore

/// `rapport import ics FILE`: a calendar export's meetings with contacts, as touchpoints.
struct ImportICSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ics", abstract: "Log the meetings of an iCalendar (.ics) file as touchpoints.",
        discussion: """
            Each event whose organizer or attendees (mailto:) include a contact's email is logged as a \
            meeting with those contacts on their account, on the day it starts, with its summary. The \
            event's UID is kept, so importing the same file again skips what came in before. Events \
            matching no contact are listed; those still to come and cancelled ones are counted and not \
            logged. Bad events are reported by line and the good ones imported; the exit status is then 1.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The iCalendar file (UTF-8).", completion: .file(extensions: ["ics"]))
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Print what would be logged and skipped; change nothing.")
    var dryRun = false

    func run() throws {
        let context = try CommandContext(global)
        let text = try System.readText(file)
        let (events, issues) = CalendarEvent.read(text)
        if events.isEmpty && issues.isEmpty {
            throw InputError("\(file) holds no event (BEGIN:VEVENT … END:VEVENT); nothing was imported")
        }
        let store = try context.openStore()
        let snapshot = store.loadAll()
        context.reportProblems(snapshot.problems)
        let result = EventImportPlan.make(
            events: events, issues: issues, accounts: snapshot.accounts.map(\.account), today: context.today,
            importedBy: context.userName)
        let plan = result.plan
        for issue in plan.issues { System.writeError("\(file) \(issue)\n") }
        let failed = dryRun ? [:] : try ImportReport.apply(plan, to: store, context)
        ImportReport(file: file, what: "touchpoints", unit: "event")
            .show(plan, failed: failed, dryRun: dryRun, unmatched: result.unmatched.count)
        if !result.unmatched.isEmpty {
            print("Matching no contact's email:")
            for event in result.unmatched {
                let who = event.emails.isEmpty ? "no attendees" : event.emails.joined(separator: ", ")
                let title = event.summary.isEmpty ? "(no title)" : event.summary
                print(
                    "  line \(event.line)  \(event.day)  \(title)  (\(who))"
                )
            }
        }
        if !result.upcoming.isEmpty {
            let n = result.upcoming.count
            System.writeError(
                "note: \(n) event\(n == 1 ? " is" : "s are") still to come, "
                    + "not logged (import again once they have happened)\n")
        }
        if !result.cancelled.isEmpty {
            System.writeError("note: \(result.cancelled.count) cancelled event(s) not logged\n")
        }
        if !plan.issues.isEmpty || !failed.isEmpty { throw ExitCode(1) }
    }
}
