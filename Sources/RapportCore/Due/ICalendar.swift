/// Writes follow-ups as an iCalendar file (RFC 5545) a calendar can subscribe to:
/// one all-day VEVENT per item, with a UID derived from the item's stable key so a
/// refreshed subscription updates events instead of duplicating them. Overdue items
/// are placed on today, so they stay in sight until done.
public enum ICalendar {
    public static func document(_ items: [FollowUp], today: Day) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rapport//Follow-ups//EN",
            "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Rapport follow-ups"
        ]
        for item in items {
            let day = max(item.due, today)
            let overdue = item.daysOverdue(on: today)
            var summary = "\(item.accountName): \(item.title)"
            if overdue > 0 { summary += " (\(overdue)d overdue)" }
            var description =
                item.why
                + "\nDue \(item.due.iso) · \(item.source.label) · owner \(item.owner.isEmpty ? "-" : item.owner)"
            if let snooze = item.snooze {
                description += "\nSnoozed: \(snooze.reason.isEmpty ? "no reason given" : snooze.reason)"
            }
            lines += [
                "BEGIN:VEVENT",
                "UID:\(item.key)@rapport",
                "DTSTAMP:\(compact(today))T000000Z",
                "DTSTART;VALUE=DATE:\(compact(day))",
                "DTEND;VALUE=DATE:\(compact(day.adding(days: 1)))",
                "SUMMARY:\(escape(summary))",
                "DESCRIPTION:\(escape(description))",
                "CATEGORIES:\(escape(item.source.label))",
                "TRANSP:TRANSPARENT",
                "END:VEVENT"
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261122`.
    static func compact(_ day: Day) -> String { day.iso.replacingText("-", with: "") }

    /// TEXT escaping: backslash, semicolon, comma and newlines; other control characters,
    /// which TEXT cannot hold, made visible (`TerminalText`).
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in TerminalText.visible(text) {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(ch)
            }
        }
        return out
    }

    /// Folds a content line to at most 75 octets per physical line, continuation lines
    /// starting with one space, never splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        var result = ""
        var used = 0
        var limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit {
                result += "\r\n "
                used = 0
                limit = 74
            }
            result.unicodeScalars.append(scalar)
            used += size
        }
        return result
    }
}
