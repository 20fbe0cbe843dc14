import RapportCore
import Testing

/// A line break in a name or title no longer ends a Markdown heading in the exports.
@Suite struct MarkdownHeadingTests {
    static let today = Day(iso: "2026-11-22")!

    @Test func anAccountNameWithALineBreakStaysInThePlanHeading() {
        let account = Account(name: "Northwind\n# Injected\r\nLogistics", createdOn: Self.today)
        let lines = PlanDocument.markdown(account, today: Self.today).split(separator: "\n")
        #expect(lines.first == "# Northwind # Injected Logistics: relationship plan")
        #expect(!lines.dropFirst().contains { $0.hasPrefix("#") })
    }

    @Test func aWorksheetTitleWithALineBreakStaysInItsHeading() {
        let account = Account(name: "Northwind", createdOn: Self.today)
        let sheet = Worksheet(title: "Late reports\n## Not a section", createdOn: Self.today)
        let markdown = WorksheetDocument.markdown(sheet, in: account)
        #expect(markdown.hasPrefix("# Late reports ## Not a section\n\n"))
    }
}
