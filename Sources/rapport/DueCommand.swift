import ArgumentParser
import IndexKit
import RapportCore
import RapportStore
import StoreJSONCodec

/// `rapport due`: the follow-up list for scripts and calendars.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "List follow-ups across all accounts: overdue, today, this week, later.",
        discussion: """
            Sources: plan items, worksheet actions and evaluations, concerns awaiting a response, \
            contacts past their keep-in-touch interval, litmus tests, satisfaction measurements, \
            monthly readings, touchpoint follow-ups and risk reviews. Most urgent first; \
            'rapport due --explain' shows the urgency formula's parts for each item.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(
        help:
            "Print JSON (an array with keys id, account, title, source, due, daysOverdue, urgency, owner, …)."
    )
    var json = false

    @Flag(
        help:
            "Print an iCalendar file (RFC 5545) with one all-day event per item, for a calendar subscription."
    )
    var ics = false

    // Unconditional, like the DATE options: `--within -5` reaches `validate`, which says
    // what is accepted, instead of failing as a missing value.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Only items due within DAYS from today (overdue ones always show).", valueName: "DAYS"))
    var within: Int = 30

    @Option(
        help: ArgumentHelp(
            "Only items owned by NAME (case-insensitive); 'me' means $RAPPORT_OWNER.", valueName: "NAME"))
    var owner: String?

    @Flag(help: "Show why each item ranks where it does.")
    var explain = false

    func validate() throws {
        if json && ics { throw ValidationError("choose one of --json and --ics") }
        if within < 0 { throw ValidationError("--within must be 0 or more days, not \(within)") }
    }

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let who = try owner.map { try AccountFilter.owner($0, me: context.userName, option: "--owner me") }
        let (today, within) = (context.today, within)
        // Each account's follow-ups within the horizon, copied out as its shard is read:
        // the list holds those and a `DueAccount`, not the index and the digests; those
        // due later are not even read.
        let snapshot = store.dueAccounts(within: within, of: today)
        context.reportProblems(snapshot.problems)
        let accounts = snapshot.items
        let slots = DueList.slots(for: accounts, on: today, withinDays: within, owner: who)
        if let who, slots.isEmpty {
            // The list stays empty (scripts read it as before); the note, on standard error, says
            // whether the name owns nothing at all (beyond the horizon too), and which names there are.
            let all = store.loadDigests().digests
            if let note = Self.unknownOwnerNote(who, digests: all, today: context.today) {
                System.writeError(note + "\n")
            }
        }
        if json {
            DueItemJSON.writeAndExit(slots, accounts: accounts, today: context.today)
        }
        if ics {
            let items = slots.map { DueList.followUp($0, in: accounts, on: context.today) }
            try System.writeOutput(ICalendar.document(items, today: context.today).utf8)
        } else {
            DueText.writeAndExit(slots, accounts: accounts, today: context.today, explaining: explain)
        }
    }

    /// When no follow-up at all (whatever its day) belongs to `owner`: one line naming
    /// the owners there are. Nil when the owner has items, only none in the window.
    static func unknownOwnerNote(_ owner: String, digests: [AccountDigest], today: Day) -> String? {
        guard DueList.slots(for: digests, on: today, owner: owner).isEmpty else { return nil }
        var seen = Set<String>()
        var owners: [String] = []
        for slot in DueList.slots(for: digests, on: today) {
            let name = DueList.followUp(slot, in: digests, on: today).owner
            if !name.isEmpty, seen.insert(name.lowercased()).inserted { owners.append(name) }
        }
        owners.sort { $0.lowercased() < $1.lowercased() }
        let list =
            owners.isEmpty ? "no follow-up has an owner" : "the owners are " + owners.joined(separator: ", ")
        return "no follow-up has an owner called '\(owner)'; \(list)"
    }
}

/// The JSON shape of the due list; every key is always written. Written straight
/// from the accounts' follow-up text: no item is built.
enum DueItemJSON {
    static func writeAndExit(_ slots: [DueSlot], accounts: [DueAccount], today: Day) -> Never {
        // Every account's name and id, and every due day, written once rather than per item.
        let ids = JSONPieces(count: accounts.count) { a, o in
            accounts.withUnsafeBufferPointer { o.escaped($0[a].id.rawValue) }
        }
        let names = JSONPieces(count: accounts.count) { a, o in
            accounts.withUnsafeBufferPointer { o.escaped($0[a].name) }
        }
        let days = Days(slots)
        // Each account's follow-ups as pointers, taken once: reading them through the
        // accounts would count references for every item. `accounts` holds their memory,
        // and is kept until the process ends.
        let views = accounts.map(\.dueEntries.unsafeView)
        return withExtendedLifetime(accounts) {
            DueReadAhead.with(slots: slots, views: views, pieces: (ids, names)) { ahead in
                write(slots, views, ids: ids, names: names, days: days, ahead: ahead, today: today)
            }
        }
    }

    /// The items, each with its account's pieces, the memory of those ahead asked for
    /// as each is written (the items lie scattered through memory, in urgency order).
    private static func write(
        _ slots: [DueSlot], _ views: [DueEntries.View], ids: JSONPieces, names: JSONPieces, days: Days,
        ahead: DueReadAhead, today: Day
    ) -> Never {
        JSONArrayWriter.writeAndExit(count: slots.count) { i, o in
            ahead.readAhead(of: i)
            let slot = slots[i]
            let entries = views[slot.account]
            let (keyPart, title, owner, why) = entries.fields(of: slot.item)
            // The entry's four fields checked at once: the usual entry escapes nothing,
            // and each field is copied as it is.
            let plain = !JSONEscaping.isNeeded(in: entries.text(of: slot.item), tabsAllowed: true)
            func field(_ text: UnsafeBufferPointer<UInt8>) {
                if plain { o.literal(text) } else { o.fieldText(text) }
            }
            // `id` (what `done` and `snooze` take) and `key` are the same stable text.
            o.literal(",\n{\"id\":\"")
            ids.write(slot.account, to: &o)
            o.literal("/")
            field(keyPart)
            o.literal("\",\"key\":\"")
            ids.write(slot.account, to: &o)
            o.literal("/")
            field(keyPart)
            o.literal("\",\"account\":\"")
            names.write(slot.account, to: &o)
            o.literal("\",\"accountID\":\"")
            ids.write(slot.account, to: &o)
            o.literal("\",\"title\":\"")
            field(title)
            o.literal("\",\"source\":\"")
            var source = entries[slot.item].source.rawValue
            source.withUTF8 { o.literal($0) }
            o.literal("\",\"due\":\"")
            days.write(slot.due, to: &o)
            o.literal("\",\"daysOverdue\":")
            o.number(max(0, slot.due.days(until: today)))
            o.literal(",\"urgency\":")
            o.number(slot.score)
            o.literal(",\"owner\":\"")
            field(owner)
            o.literal("\",\"why\":\"")
            field(why)
            o.literal("\",\"band\":\"")
            o.literal(bands[slot.band(on: today).rawValue])
            o.literal("\",\"snoozedUntil\":")
            if slot.snoozed {
                o.literal("\"")
                days.write(slot.due, to: &o)
                o.literal("\"}")
            } else {
                o.literal("null}")
            }
        }
    }

    private static let bands: [StaticString] = ["overdue", "today", "this-week", "later"]

    /// The slots' due days as ISO text, made once for every day from the first to the
    /// last (when that span is a few years, as it is); otherwise each time.
    struct Days: Sendable {
        let first: Day
        let pieces: JSONPieces?

        init(_ slots: [DueSlot]) {
            // No slots (nothing due) makes no span; days far apart (a hand-edited index)
            // make one too long to subtract: both are written each time.
            guard let some = slots.first else {
                first = Day(ordinal: 0)
                pieces = nil
                return
            }
            let (low, high) = slots.reduce((some.due.ordinal, some.due.ordinal)) {
                (min($0.0, $1.due.ordinal), max($0.1, $1.due.ordinal))
            }
            first = Day(ordinal: low)
            let (distance, overflow) = high.subtractingReportingOverflow(low)
            pieces =
                overflow || distance >= 20_000
                ? nil
                : JSONPieces(count: distance + 1) { [first] k, o in
                    first.adding(days: k).withISO { o.literal($0) }
                }
        }

        func write(_ day: Day, to writer: inout JSONArrayWriter) {
            if let pieces {
                pieces.write(first.days(until: day), to: &writer)
            } else {
                day.withISO { writer.literal($0) }
            }
        }
    }
}
