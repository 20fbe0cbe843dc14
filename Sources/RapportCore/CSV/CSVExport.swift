/// The rows `rapport export csv` writes: a header, then one row per record. Amounts are
/// plain whole numbers and days `YYYY-MM-DD`, so a spreadsheet reads them as numbers
/// and dates; lists (tags, contacts) are joined with "; ". The headers are ones the
/// import recognises, so an export imports back as the same accounts and contacts.
public enum CSVExport {
    public static func accounts(_ accounts: [Account]) -> [[String]] {
        var rows = [
            [
                "ID", "Name", "Owner", "Tier", "Status", "Season", "Annual Value", "Lifetime Value", "Market",
                "Customer Since", "Tags", "Source ID"
            ]
        ]
        for a in accounts {
            rows.append([
                a.id.rawValue, a.name, a.owner, a.tier.rawValue, a.status.rawValue, a.season.rawValue,
                String(a.annualValue), String(a.lifetimeValue), a.market, a.customerSince?.iso ?? "",
                a.tags.joined(separator: "; "), a.sourceID ?? ""
            ])
        }
        return rows
    }

    public static func contacts(_ accounts: [Account]) -> [[String]] {
        var rows = [
            [
                "Account ID", "Account", "ID", "Name", "Title", "Level", "Email", "Phone", "Channel",
                "Left On",
                "Source ID"
            ]
        ]
        for a in accounts {
            for c in a.contacts {
                rows.append([
                    a.id.rawValue, a.name, c.id.rawValue, c.name, c.title, c.level.rawValue, c.email, c.phone,
                    c.channel.rawValue, c.leftOn?.iso ?? "", c.sourceID ?? ""
                ])
            }
        }
        return rows
    }

    public static func touchpoints(_ accounts: [Account]) -> [[String]] {
        var rows = [
            [
                "Account ID", "Account", "ID", "Date", "Kind", "Summary", "With", "Sentiment", "Follow Up",
                "Source ID"
            ]
        ]
        for a in accounts {
            for t in a.touchpoints.sorted(by: { $0.day < $1.day }) {
                let with = t.contactIDs.compactMap { a.contact($0)?.name }.joined(separator: "; ")
                rows.append([
                    a.id.rawValue, a.name, t.id.rawValue, t.day.iso, t.kind.rawValue, t.summary, with,
                    t.sentiment.rawValue, t.followUp?.iso ?? "", t.sourceID ?? ""
                ])
            }
        }
        return rows
    }

    public static func concerns(_ accounts: [Account]) -> [[String]] {
        var rows = [
            [
                "Account ID", "Account", "ID", "Raised On", "Severity", "Status", "Summary", "Detail",
                "Raised By",
                "Respond By", "Responded On", "Resolved On", "Resolution"
            ]
        ]
        for a in accounts {
            for c in a.concerns.sorted(by: { $0.raisedOn < $1.raisedOn }) {
                rows.append([
                    a.id.rawValue, a.name, c.id.rawValue, c.raisedOn.iso, c.severity.rawValue,
                    c.status.rawValue,
                    c.summary, c.detail, c.raisedBy.flatMap { a.contact($0)?.name } ?? "",
                    c.respondBy?.iso ?? "",
                    c.respondedOn?.iso ?? "", c.resolvedOn?.iso ?? "", c.resolution
                ])
            }
        }
        return rows
    }

    /// The follow-ups as `rapport due` lists them, most urgent first.
    public static func due(_ items: [FollowUp], today: Day) -> [[String]] {
        var rows = [
            ["Account ID", "Account", "Due", "Days Overdue", "Title", "Source", "Owner", "Urgency", "Why"]
        ]
        for f in items {
            rows.append([
                f.accountID.rawValue, f.accountName, f.due.iso, String(f.daysOverdue(on: today)),
                f.title, f.source.rawValue, f.owner, String(f.score), f.why
            ])
        }
        return rows
    }
}
