import Foundation
import RapportCore
import Testing

/// `rapport import csv` and `rapport export csv` on realistic exports kept in Fixtures/:
/// Salesforce accounts (BOM, CRLF, quoted commas, quotes and line breaks, bad rows),
/// HubSpot companies and contacts (`;`, decimal commas, an unknown company).
@Suite struct CSVImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A harness with an empty store.
    func emptyStore() throws -> CLIHarness {
        let cli = CLIHarness()
        #expect(try cli.run("init").status == 0)
        return cli
    }

    func write(_ text: String, in cli: CLIHarness, as name: String) throws -> String {
        let path = cli.root + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func salesforceAccountsImportWithEveryBadRowNamed() throws {
        let cli = try emptyStore()
        let result = try cli.run("import", "csv", Self.fixture("salesforce-accounts.csv"), "--accounts")
        #expect(result.status == 1, "bad rows make the exit status 1")
        #expect(result.out.contains("created 5, updated 0, 0 unchanged; 2 bad rows not imported"))
        #expect(
            result.err.contains(
                "salesforce-accounts.csv line 7, column 'Annual Revenue': '1,200' reads two ways"))
        #expect(result.err.contains("line 8, column 'Account Name': the account name is empty"))
        #expect(result.err.contains("note: columns not imported: Billing City"))
        let northwind = try cli.account("Northwind")
        #expect(northwind.annualValue == 1_200_001)
        #expect(northwind.sourceID == "0015g00000AbCdEAAV")
        #expect(northwind.owner == "Maya Lindqvist")
        #expect(northwind.market == "Transportation")
        #expect(try cli.account("Acme").name == "Acme, Inc.")
        #expect(try cli.account("The").name == "The \"Blue\" Bakery")
        #expect(try cli.account("Zeta").status == .former)
        #expect(try cli.account("Helios").annualValue == 4_500_000)
    }

    @Test func reimportingCreatesNothingAndUpdatesOnlyWhatChanged() throws {
        let cli = try emptyStore()
        let file = Self.fixture("salesforce-accounts.csv")
        try cli.run("import", "csv", file, "--accounts")
        let before = try cli.accountFiles().map { try String(contentsOfFile: $0, encoding: .utf8) }
        let again = try cli.run("import", "csv", file, "--accounts")
        #expect(again.out.contains("created 0, updated 0, 5 unchanged"))
        #expect(try cli.accountFiles().map { try String(contentsOfFile: $0, encoding: .utf8) } == before)

        // The same export a month later: Acme renamed and re-valued in Salesforce, found by its id.
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"Acme, Inc.\",\"Jon Ortega\"", with: "\"Acme Holdings\",\"Jon Ortega\"")
        text = text.replacingOccurrences(of: "\"350000\"", with: "\"400000\"")
        let changed = try write(text, in: cli, as: "later.csv")
        let update = try cli.run("import", "csv", changed, "--accounts")
        #expect(update.out.contains("update  line 3  Acme Holdings: Name, Annual value"))
        #expect(update.out.contains("created 0, updated 1, 4 unchanged"))
        #expect(try cli.accountFiles().count == 5)
        #expect(try cli.account("Acme Holdings").annualValue == 400_000)
    }

    @Test func dryRunPrintsThePlanAndChangesNothing() throws {
        let cli = try emptyStore()
        let dry = try cli.run(
            "import", "csv", Self.fixture("salesforce-accounts.csv"), "--accounts", "--dry-run")
        #expect(dry.out.contains("would create  line 2  Northwind Logistics"))
        #expect(dry.out.contains("Dry run, nothing changed: would create 5, update 0, 0 unchanged"))
        #expect(try cli.accountFiles().isEmpty)
    }

    @Test func strictImportsNothingWhenARowIsBad() throws {
        let cli = try emptyStore()
        let strict = try cli.run(
            "import", "csv", Self.fixture("salesforce-accounts.csv"), "--accounts", "--strict")
        #expect(strict.status == 1)
        #expect(strict.err.contains("2 bad rows; nothing was imported (--strict)"))
        #expect(try cli.accountFiles().isEmpty)
    }

    @Test func hubspotSemicolonFilesWithContactsOfUnknownCompaniesReported() throws {
        let cli = try emptyStore()
        let companies = try cli.run("import", "csv", Self.fixture("hubspot-companies.csv"), "--accounts")
        #expect(companies.err.contains("line 3, column 'Annual Revenue': '350.000' reads two ways"))
        #expect(try cli.account("Kraftwerk").annualValue == 1_200_001)
        #expect(try cli.account("Øresund").sourceID == "9003")

        let contacts = try cli.run("import", "csv", Self.fixture("hubspot-contacts.csv"), "--contacts")
        #expect(contacts.status == 1)
        #expect(
            contacts.err.contains(
                "line 5, column 'Associated Company': no account is named 'Kraftwerk Sued' (names must match exactly)"
            ))
        #expect(
            contacts.err.contains(
                "line 6, column 'Email': 'eva.lund(at)oresund.example' is not an email address"))
        #expect(contacts.err.contains("line 7: has 8 fields but the header names 7 columns"))
        let kraftwerk = try cli.account("Kraftwerk")
        #expect(kraftwerk.contacts.map(\.name) == ["Anna Schäfer"], "Jonas is not attached to a guess")
        #expect(kraftwerk.contacts.first?.title == "Leiterin Einkauf\nHead of Purchasing")
        #expect(kraftwerk.contacts.first?.sourceID == "501")
        #expect(try cli.account("Øresund").contacts.first?.title == "CFO; Board member")

        let again = try cli.run("import", "csv", Self.fixture("hubspot-contacts.csv"), "--contacts")
        #expect(again.out.contains("created 0, updated 0, 2 unchanged"))
    }

    @Test func exportThenImportIntoAnEmptyStoreGivesTheSameAccountsAndContacts() throws {
        let source = CLIHarness()
        #expect(try source.run("demo").status == 0)
        let accounts = try source.run("export", "csv", "--accounts")
        let contacts = try source.run("export", "csv", "--contacts")
        let touchpoints = try source.run("export", "csv", "--touchpoints")
        #expect(accounts.status == 0)
        #expect(accounts.out.hasPrefix("ID,Name,Owner,Tier,Status,Season,Annual Value,"))
        #expect(accounts.out.contains("\r\n"))

        let target = try emptyStore()
        for (name, kind, result) in [
            ("a.csv", "--accounts", accounts), ("c.csv", "--contacts", contacts),
            ("t.csv", "--touchpoints", touchpoints)
        ] {
            let path = try write(result.out, in: target, as: name)
            let imported = try target.run("import", "csv", path, kind)
            #expect(imported.status == 0, "\(kind): \(imported.err)")
            #expect(imported.err.isEmpty, "\(kind): nothing is left unread: \(imported.err)")
        }
        #expect(try target.run("export", "csv", "--accounts").out == accounts.out)
        #expect(try target.run("export", "csv", "--contacts").out == contacts.out)
        #expect(try target.run("export", "csv", "--touchpoints").out == touchpoints.out)
        let path = try write(contacts.out, in: target, as: "c.csv")
        #expect(try target.run("import", "csv", path, "--contacts").out.contains(" 0, updated 0, "))
    }

    @Test func exportWithSemicolonsAndAByteOrderMarkForExcel() throws {
        let cli = try emptyStore()
        try cli.run("import", "csv", Self.fixture("hubspot-companies.csv"), "--accounts")
        let result = try cli.run("export", "csv", "--accounts", "--delimiter", ";", "--bom")
        #expect(result.out.hasPrefix("\u{FEFF}ID;Name;Owner;"))
        #expect(result.out.contains(";Kraftwerk Süd GmbH;Maya Lindqvist;standard;active;growth;1200001;"))
        let bad = try cli.run("export", "csv", "--accounts", "--delimiter", "|")
        #expect(bad.status != 0)
        #expect(bad.err.contains("--delimiter '|' is not accepted; expected ',' or ';'"))
        #expect(
            try cli.run("export", "csv", "--due").out.hasPrefix("Account ID,Account,Due,Days Overdue,Title,"))
        #expect(try cli.run("export", "csv", "--concerns").out.hasPrefix("Account ID,Account,ID,Raised On,"))
    }

    @Test func mapNamesAColumnsFieldAndBadMapsSayWhatIsAccepted() throws {
        let cli = try emptyStore()
        let file = try write(
            "Firma,Umsatz,Branche\nKraft AG,\"1.200.000,00\",Energie\n", in: cli, as: "de.csv")
        let unmapped = try cli.run("import", "csv", file, "--accounts")
        #expect(unmapped.status != 0)
        #expect(unmapped.err.contains("no column gives the account's name"))
        #expect(unmapped.err.contains("or add --map COLUMN=name"))
        let mapped = try cli.run(
            "import", "csv", file, "--accounts", "--map", "firma=name", "--map", "Umsatz=value", "--map",
            "Branche=market")
        #expect(mapped.status == 0, "\(mapped.err)")
        #expect(try cli.account("Kraft").annualValue == 1_200_000)
        let badField = try cli.run("import", "csv", file, "--accounts", "--map", "Firma=nom")
        #expect(badField.err.contains("'nom' is not a field of accounts; expected id, source-id, name,"))
        let badColumn = try cli.run("import", "csv", file, "--accounts", "--map", "Company=name")
        #expect(
            badColumn.err.contains(
                "the file has no column 'Company'; its columns are 'Firma', 'Umsatz', 'Branche'"))
    }

    @Test func touchpointsNameTheirContactsOrAreReported() throws {
        let cli = try emptyStore()
        try cli.run("import", "csv", Self.fixture("hubspot-companies.csv"), "--accounts")
        try cli.run("import", "csv", Self.fixture("hubspot-contacts.csv"), "--contacts")
        let file = try write(
            """
            Account,Date,Kind,Summary,With,Follow Up
            Kraftwerk Süd GmbH,2026-11-02,meeting,"Quarterly review, EV transition",Anna Schäfer,2026-12-01
            Kraftwerk Süd GmbH,2026-11-03,call,Pricing,Jonas Weber,
            Kraftwerk Süd GmbH,2027-01-01,call,Too early,,

            """, in: cli, as: "t.csv")
        let result = try cli.run("import", "csv", file, "--touchpoints")
        #expect(
            result.err.contains(
                "line 3, column 'With': Kraftwerk Süd GmbH has no contact named 'Jonas Weber'"))
        #expect(result.err.contains("line 4, column 'Date': "))
        let touches = try cli.account("Kraftwerk").touchpoints
        #expect(touches.map(\.summary) == ["Quarterly review, EV transition"])
        #expect(touches.first?.contactIDs.count == 1)
        #expect(
            try cli.run("import", "csv", file, "--touchpoints").out.contains(
                "created 0, updated 0, 1 unchanged"))
    }

    /// An account that could not be saved makes the exit status 1, as a bad row does: a
    /// script that imports must not read "not saved" as done (it exited 0).
    @Test func anAccountNotSavedMakesTheExitStatusOne() throws {
        let cli = try emptyStore()
        try cli.run("import", "csv", Self.fixture("hubspot-companies.csv"), "--accounts")
        let export = try cli.run("export", "csv", "--accounts")
        let file = try write(export.out, in: cli, as: "accounts.csv")
        let broken = try #require(cli.accountFiles().first)
        try "{broken".write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try cli.run("import", "csv", file, "--accounts")
        #expect(result.status == 1, "\(result.out)\(result.err)")
        #expect(result.out.contains("1 account not saved"))
        #expect(result.err.contains("not saved ("))
        #expect(try String(contentsOfFile: broken, encoding: .utf8) == "{broken")
    }
}
