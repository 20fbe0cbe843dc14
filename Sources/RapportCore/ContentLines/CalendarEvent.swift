#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One VEVENT of an iCalendar file (RFC 5545), read for a touchpoint: its UID, SUMMARY,
/// the day it starts and the email addresses of its organizer and of the attendees who
/// did not decline. Lines of components inside it (an alarm's) are not its own.
public struct CalendarEvent: Equatable, Sendable {
    /// The line of its `BEGIN:VEVENT`.
    public var line: Int
    public var uid: String?
    public var summary: String
    public var day: Day
    /// Organizer and attendees (`mailto:`), lower-cased, each once.
    public var emails: [String]
    /// `STATUS:CANCELLED`: the meeting did not take place.
    public var cancelled: Bool

    public init(
        line: Int, uid: String? = nil, summary: String, day: Day, emails: [String], cancelled: Bool = false
    ) {
        self.line = line
        self.uid = uid
        self.summary = summary
        self.day = day
        self.emails = emails
        self.cancelled = cancelled
    }

    /// The events of a file, and those that cannot be read with the line they start on
    /// and why.
    public static func read(_ text: String) -> (events: [CalendarEvent], issues: [ImportIssue]) {
        let (lines, problems) = ContentLines.read(text)
        var events: [CalendarEvent] = []
        var issues = problems
        var stack: [String] = []
        var body: [ContentLine] = []
        var start = 0
        for line in lines {
            if line.name == "BEGIN" {
                let component = line.text.trimmingWhitespace().uppercased()
                if component == "VEVENT" {
                    // An event still open never ends: it is named at its own line, not
                    // taken for part of this one.
                    if let open = stack.lastIndex(of: "VEVENT") {
                        issues.append(unclosed(at: start))
                        stack.removeSubrange(open...)
                    }
                    body = []
                    start = line.line
                }
                stack.append(component)
            } else if line.name == "END" {
                let component = line.text.trimmingWhitespace().uppercased()
                guard let open = stack.lastIndex(of: component) else {
                    issues.append(
                        ImportIssue(
                            line: line.line, column: nil,
                            message: "END:\(component) does not close "
                                + (stack.last.map { "BEGIN:\($0)" } ?? "anything")))
                    continue
                }
                // What it closes over without their own END (an event, say) never ended.
                if stack[(open + 1)...].contains("VEVENT") { issues.append(unclosed(at: start)) }
                stack.removeSubrange((open + 1)...)
                stack.removeLast()
                if component == "VEVENT" {
                    switch event(body, line: start) {
                    case .success(let e): events.append(e)
                    case .failure(let issue): issues.append(issue)
                    }
                }
            } else if stack.last == "VEVENT" {
                body.append(line)
            }
        }
        if stack.contains("VEVENT") { issues.append(unclosed(at: start)) }
        issues.sort { $0.line < $1.line }
        return (events, issues)
    }

    private static func unclosed(at line: Int) -> ImportIssue {
        ImportIssue(line: line, column: nil, message: "the event has no END:VEVENT; it is left out")
    }

    static func event(_ lines: [ContentLine], line: Int) -> Result<CalendarEvent, ImportIssue> {
        guard let start = lines.first(where: { $0.name == "DTSTART" }) else {
            return .failure(ImportIssue(line: line, column: nil, message: "the event has no DTSTART"))
        }
        let day: Day
        switch startDay(start) {
        case .success(let d): day = d
        case .failure(let issue): return .failure(issue)
        }
        var emails: [String] = []
        for l in lines where l.name == "ORGANIZER" || (l.name == "ATTENDEE" && !l.has("PARTSTAT", "DECLINED"))
        {
            let address = mailto(l)
            if let address, !emails.contains(address) { emails.append(address) }
        }
        let uid = lines.first { $0.name == "UID" }?.text.trimmingWhitespace()
        return .success(
            CalendarEvent(
                line: line, uid: uid?.isEmpty == false ? uid : nil,
                summary: lines.first { $0.name == "SUMMARY" }?.text.trimmingWhitespace() ?? "",
                day: day, emails: emails,
                cancelled: lines.first { $0.name == "STATUS" }?.text.uppercased() == "CANCELLED"))
    }

    /// `mailto:ana@x.example` (any case), else the `EMAIL` parameter (RFC 7986); lower-cased.
    static func mailto(_ line: ContentLine) -> String? {
        let value = line.value.trimmingWhitespace()
        if value.lowercased().hasPrefix("mailto:") {
            let address = value.dropFirst(7).trimmingWhitespace().lowercased()
            if address.contains("@") { return address }
        }
        return line.parameters["EMAIL"]?.first.map { $0.lowercased() }.flatMap { $0.contains("@") ? $0 : nil }
    }

    /// The day DTSTART names: a DATE (`20261120`) as it is, a DATE-TIME with a TZID or
    /// floating (`20261120T143000`) on its own date, a UTC one (`…Z`) on the machine's
    /// local day of that moment.
    static func startDay(_ line: ContentLine) -> Result<Day, ImportIssue> {
        let value = line.value.trimmingWhitespace()
        let refused = ImportIssue(
            line: line.line, column: nil,
            message: "DTSTART '\(TerminalText.visible(value))' is not a date; expected YYYYMMDD, "
                + "YYYYMMDDTHHMMSS (with TZID or floating) or YYYYMMDDTHHMMSSZ")
        let digits = Array(value.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            var n = 0
            for b in digits[range] {
                guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int(b - UInt8(ascii: "0"))
            }
            return n
        }
        guard let y = number(0..<4), let m = number(4..<6), let d = number(6..<8),
            var day = Day(year: y, month: m, day: d)
        else { return .failure(refused) }
        if digits.count == 8 { return checked(day, value, line) }
        guard digits.count >= 15, digits[8] == UInt8(ascii: "T"), let hh = number(9..<11),
            let mm = number(11..<13), let ss = number(13..<15), hh < 24, mm < 60, ss <= 60
        else { return .failure(refused) }
        switch digits.count {
        case 15: break
        case 16 where digits[15] == UInt8(ascii: "Z"):
            var moment = time_t(day.ordinal * 86_400 + hh * 3600 + mm * 60 + ss)
            var local = tm()
            if localtime_r(&moment, &local) != nil,
                let localDay = Day(
                    year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
            {
                day = localDay
            }
        default: return .failure(refused)
        }
        return checked(day, value, line)
    }

    private static func checked(_ day: Day, _ typed: String, _ line: ContentLine) -> Result<Day, ImportIssue>
    {
        do {
            try Day.validateSupported(day, typed: typed)
        } catch {
            return .failure(ImportIssue(line: line.line, column: nil, message: "DTSTART: \(error.message)"))
        }
        return .success(day)
    }
}
