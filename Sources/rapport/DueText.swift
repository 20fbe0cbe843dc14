import Dispatch
import IndexKit
import RapportCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// `rapport due` as text (and with `--explain`): a table grouped by band like the screen,
/// each column one width through the whole output, written the way `--json` is:
/// straight from the accounts' follow-up text into byte buffers, rendered on every core
/// while what is rendered is written (D52). No item, row or cell string is made
/// for the usual cell (printable ASCII, copied as it is); a cell with anything a
/// terminal would act on, or any other text, goes through `TerminalText` like every
/// other table's.
enum DueText {
    /// With `explaining`, each row is followed by why it is due and its urgency's parts
    /// (`--explain`), from the follow-up built for it.
    static func writeAndExit(
        _ slots: [DueSlot], accounts: [DueAccount], today: Day, explaining: Bool = false
    ) -> Never {
        guard !slots.isEmpty else {
            try? System.writeOutput("Nothing due. Well done.\n")
            exit(0)
        }
        // The rows band by band, each band in urgency order, as the screen shows them.
        let bandOf = slots.map { $0.band(on: today).rawValue }
        let (order, bandStarts) = bandOrder(bandOf)
        let views = accounts.map(\.dueEntries.unsafeView)
        let names = JSONPieces(count: accounts.count) { a, o in
            accounts.withUnsafeBufferPointer { Cell.literal(Cell.of($0[a].name), to: &o) }
        }
        let layout = Layout(slots, accounts: accounts, views: views, today: today)
        let days = DueItemJSON.Days(slots)
        let overdue = bandStarts[1]
        let closing = "\(slots.count) item\(slots.count == 1 ? "" : "s"), \(overdue) overdue\n"
        return withExtendedLifetime(accounts) {
            DueReadAhead.with(slots: slots, order: order, views: views, pieces: (names, nil)) { ahead in
                JSONArrayWriter.writeAndExit(
                    count: order.count, opening: "", closing: closing, skippingFirst: 0
                ) { i, o in
                    ahead.readAhead(of: i)
                    let slot = slots[order[i]]
                    let band = bandOf[order[i]]
                    if i == bandStarts[band] {
                        let title = DueBand(rawValue: band)!.title
                        Cell.literal("\(title) (\(bandStarts[band + 1] - i))\n  ", to: &o)
                        layout.header(to: &o)
                    }
                    let start = o.written.count
                    o.literal("  ")
                    days.write(slot.due, to: &o)
                    o.spaces(layout.widths[0] - 10)
                    o.literal("  ")
                    o.spaces(layout.widths[1] - Cell.when(slot.due, today, to: &o))
                    o.literal("  ")
                    names.write(slot.account, to: &o)
                    o.spaces(layout.widths[2] - layout.nameWidths[slot.account])
                    let entries = views[slot.account]
                    let fields = entries.fields(of: slot.item)
                    o.literal("  ")
                    o.spaces(layout.widths[3] - Cell.write(fields.title, to: &o))
                    o.literal("  ")
                    var source = entries[slot.item].source.label
                    source.withUTF8 { o.literal($0) }
                    o.spaces(layout.widths[4] - source.utf8.count)
                    o.literal("  ")
                    _ = Cell.write(fields.owner, to: &o)
                    o.trimSpaces(downTo: start + 2)
                    o.literal("\n")
                    if explaining {
                        explain(DueList.followUp(slot, in: accounts, on: today), to: &o)
                    }
                    if i == bandStarts[band + 1] - 1 { o.literal("\n") }
                }
            }
        }
    }

    /// An item's reasons, indented under its row.
    private static func explain(_ item: FollowUp, to o: inout JSONArrayWriter) {
        let urgency = item.urgency.map { "\($0.label) \($0.points >= 0 ? "+" : "")\($0.points)" }
        for line in ["why: \(item.why)", "urgency \(item.score) = " + urgency.joined(separator: ", ")] {
            Cell.literal("      " + TerminalText.visible(line, keepingLines: false) + "\n", to: &o)
        }
    }

    /// The slots' positions band by band (in urgency order within each), and where each
    /// band starts in that order (then where the last ends).
    private static func bandOrder(_ bandOf: [Int]) -> (order: [Int], starts: [Int]) {
        var order: [Int] = []
        order.reserveCapacity(bandOf.count)
        var starts: [Int] = []
        for band in DueBand.allCases {
            starts.append(order.count)
            for i in bandOf.indices where bandOf[i] == band.rawValue { order.append(i) }
        }
        starts.append(order.count)
        return (order, starts)
    }

    /// The columns' widths (in characters, as `TextTable` counts them) over every row,
    /// measured on every core.
    private struct Layout: Sendable {
        static let header = ["DUE", "WHEN", "ACCOUNT", "WHAT", "SOURCE", "OWNER"]

        private(set) var widths = header.map(\.count)
        /// Each account's name's width.
        let nameWidths: [Int]

        init(_ slots: [DueSlot], accounts: [DueAccount], views: [DueEntries.View], today: Day) {
            // On every core; a printable ASCII name (the usual one) is its byte count.
            let nameWidths = Parallel.map(accounts) { account in
                var name = account.name
                let plain = name.withUTF8 { $0.allSatisfy { $0 &- 0x20 < 0x5F } }
                return plain ? name.utf8.count : Cell.width(of: Cell.of(name))
            }
            // The rows' fields read in urgency order, scattered through memory: asked for
            // ahead, as they are when written (D59).
            let measured = DueReadAhead.with(slots: slots, views: views) { ahead in
                Self.measure(slots, views, nameWidths, ahead: ahead, today: today)
            }
            for part in measured { widths = zip(widths, part).map { max($0, $1) } }
            self.nameWidths = nameWidths
        }

        /// The widths of each of a few parts of the rows, the parts measured on every core.
        private static func measure(
            _ slots: [DueSlot], _ views: [DueEntries.View], _ nameWidths: [Int], ahead: DueReadAhead,
            today: Day
        ) -> [[Int]] {
            let parts = 8
            let measured = Mutex([[Int]]())
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var widths = [10, 0, 0, 0, 0, 0]
                let range = slots.count * part / parts..<slots.count * (part + 1) / parts
                for (k, slot) in zip(range, slots[range]) {
                    ahead.readAhead(of: k)
                    widths[1] = max(widths[1], Cell.whenWidth(slot.due, today))
                    widths[2] = max(widths[2], nameWidths[slot.account])
                    let entries = views[slot.account]
                    let fields = entries.fields(of: slot.item)
                    widths[3] = max(widths[3], Cell.width(of: fields.title))
                    widths[4] = max(widths[4], entries[slot.item].source.label.utf8.count)
                    widths[5] = max(widths[5], Cell.width(of: fields.owner))
                }
                measured.withLock { $0.append(widths) }
            }
            return measured.withLock { $0 }
        }

        func header(to o: inout JSONArrayWriter) {
            let start = o.written.count
            for (i, title) in Self.header.enumerated() {
                if i > 0 { o.literal("  ") }
                Cell.literal(title, to: &o)
                if i < widths.count - 1 { o.spaces(widths[i] - title.count) }
            }
            o.trimSpaces(downTo: start)
            o.literal("\n")
        }
    }

    /// One cell's text and width.
    private enum Cell {
        /// Whether a field can be copied as it is: printable ASCII, no escape.
        static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.allSatisfy { $0 &- 0x20 < 0x5F && $0 != FieldText.backslash }
        }

        /// The visible text of an index field, when it is not plain.
        static func visible(_ field: UnsafeBufferPointer<UInt8>) -> String {
            TerminalText.visible(FieldText.unescape(field), keepingLines: false)
        }

        /// The field's width as a cell.
        static func width(of field: UnsafeBufferPointer<UInt8>) -> Int {
            isPlain(field) ? field.count : width(of: visible(field))
        }

        /// Writes the field as a cell; returns its width.
        static func write(_ field: UnsafeBufferPointer<UInt8>, to o: inout JSONArrayWriter) -> Int {
            guard !isPlain(field) else {
                o.literal(field)
                return field.count
            }
            let text = visible(field)
            literal(text, to: &o)
            return width(of: text)
        }

        /// A name as a cell's text.
        static func of(_ name: String) -> String { TerminalText.visible(name, keepingLines: false) }

        /// Text already made visible: its width as `TextTable` counts it.
        static func width(of text: String) -> Int {
            var text = text
            return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? bytes.count : nil } ?? text.count
        }

        static func literal(_ text: String, to o: inout JSONArrayWriter) {
            var text = text
            text.withUTF8 { o.literal($0) }
        }

        /// The width of what `when` writes.
        static func whenWidth(_ due: Day, _ today: Day) -> Int {
            let days = today.days(until: due)
            if days == 0 { return 5 }
            var digits = 1
            var rest = abs(days)
            while rest >= 10 {
                rest /= 10
                digits += 1
            }
            return days < 0 ? digits + 6 : digits + 4
        }

        /// "3d over", "today" or "in 5d"; returns its width.
        static func when(_ due: Day, _ today: Day, to o: inout JSONArrayWriter) -> Int {
            let days = today.days(until: due)
            let start = o.written.count
            if days < 0 {
                o.number(-days)
                o.literal("d over")
            } else if days == 0 {
                o.literal("today")
            } else {
                o.literal("in ")
                o.number(days)
                o.literal("d")
            }
            return o.written.count - start
        }
    }
}
