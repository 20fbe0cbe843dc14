import Foundation
import RapportCore
import Testing

/// `rapport import vcard` on realistic exports kept in Fixtures/: an iPhone's (LF, folded
/// photo, `type=pref`, escaped commas, a card with no name) and Google Contacts'
/// (CRLF, grouped `item1.EMAIL`, a folded title, a card cut off at the end).
@Suite struct VCardImportTests {
    static func fixture(_ name: String) -> String { CSVImportTests.fixture(name) }

    func northwind() throws -> CLIHarness {
        let cli = CLIHarness()
        #expect(try cli.run("init").status == 0)
        #expect(try cli.run("account", "add", "Northwind Logistics").status == 0)
        return cli
    }

    func write(_ text: String, in cli: CLIHarness, as name: String) throws -> String {
        let path = cli.root + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func anIPhoneExportBecomesContactsAndTheNamelessCardIsNamed() throws {
        let cli = try northwind()
        let result = try cli.run("import", "vcard", Self.fixture("iphone-contacts.vcf"), "--account", "north")
        #expect(result.status == 1, "a bad card makes the exit status 1")
        #expect(result.err.contains("iphone-contacts.vcf line 31: the card has no name (FN or N)"))
        #expect(result.out.contains("create  line 1  Ana Ruiz at Northwind Logistics"))
        #expect(result.out.contains("created 3, updated 0, 0 unchanged; 1 bad card not imported"))
        let contacts = try cli.account("Northwind").contacts
        #expect(contacts.map(\.name) == ["Ana Ruiz", "Dr. Chidi Okafor", "Sofia Brandt"])
        let ana = contacts[0]
        #expect(ana.title == "Head of Procurement")
        #expect(ana.email == "ana.ruiz@northwind.example", "the preferred email, not the first home one")
        #expect(ana.phone == "+44 7700 900123")
        #expect(contacts[1].title == "Chief Financial Officer, EMEA")
    }

    @Test func reimportingCreatesNothingTwiceAndAGoogleExportUpdatesByEmail() throws {
        let cli = try northwind()
        // Ana is already known by name, with no email: the card fills her in.
        #expect(try cli.run("contact", "add", "north", "ana ruiz", "--level", "main").status == 0)
        let first = try cli.run("import", "vcard", Self.fixture("iphone-contacts.vcf"), "--account", "north")
        #expect(
            first.out.contains("update  line 1  Ana Ruiz at Northwind Logistics: Name, Title, Email, Phone"))
        #expect(first.out.contains("created 2, updated 1, 0 unchanged"))
        let before = try cli.accountFiles().map { try String(contentsOfFile: $0, encoding: .utf8) }
        let again = try cli.run("import", "vcard", Self.fixture("iphone-contacts.vcf"), "--account", "north")
        #expect(again.out.contains("created 0, updated 0, 3 unchanged"))
        #expect(try cli.accountFiles().map { try String(contentsOfFile: $0, encoding: .utf8) } == before)

        let google = try cli.run("import", "vcard", Self.fixture("google-contacts.vcf"), "--account", "north")
        #expect(google.err.contains("google-contacts.vcf line 26: the card has no END:VCARD"))
        #expect(
            google.out.contains(
                "update  line 1  Ana María Ruiz at Northwind Logistics: Name, Title, Email"))
        #expect(google.out.contains("created 1, updated 1, 0 unchanged; 1 bad card not imported"))
        let account = try cli.account("Northwind")
        #expect(account.contacts.count == 4)
        let ana = try #require(account.contacts.first { $0.name == "Ana María Ruiz" })
        #expect(ana.level == .main, "what the card does not hold is kept")
        #expect(ana.title == "Director of Procurement, Europe")
        let lars = try #require(account.contacts.first { $0.name == "Lars Eriksson" })
        #expect(
            lars.title
                == "Regional Operations Manager for the Nordic and Baltic warehouses and the inbound freight desk"
        )
        #expect(lars.phone == "+46 8 123 456 78")
    }

    @Test func vCard4WithABOMAndEscapesImports() throws {
        let cli = try northwind()
        let text =
            "\u{FEFF}BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jo\\, the \\;buyer\\;\r\nTITLE:Buyer\\nLine two\r\n"
            + "EMAIL;PREF=2:jo@old.example\r\nEMAIL;PREF=1:jo@northwind.example\r\n"
            + "TEL;VALUE=uri;TYPE=\"work,voice\":tel:+1-555-555-0100\r\nEND:VCARD\r\n"
        let file = try write(text, in: cli, as: "jo.vcf")
        let result = try cli.run("import", "vcard", file, "--account", "north")
        #expect(result.status == 0)
        let jo = try #require(try cli.account("Northwind").contacts.first)
        #expect(jo.name == "Jo, the ;buyer;")
        #expect(jo.title == "Buyer\nLine two")
        #expect(jo.email == "jo@northwind.example")
        #expect(jo.phone == "+1-555-555-0100")
    }

    @Test func quotedPrintableAndVCard21AreRefusedClearlyAndDryRunChangesNothing() throws {
        let cli = try northwind()
        let text = """
            BEGIN:VCARD
            VERSION:2.1
            N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;
            FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller
            END:VCARD
            BEGIN:VCARD
            VERSION:2.1
            FN:Old Phone
            END:VCARD
            BEGIN:VCARD
            VERSION:3.0
            FN:Good Card
            EMAIL:good@northwind.example
            END:VCARD

            """
        let file = try write(text, in: cli, as: "android.vcf")
        let dry = try cli.run("import", "vcard", file, "--account", "north", "--dry-run")
        #expect(
            dry.err.contains(
                "line 3: N is quoted-printable (vCard 2.1), which is not read; export the contacts as vCard 3.0 or 4.0"
            ))
        #expect(dry.err.contains("line 6: vCard 2.1 is not read; accepted: vCard 3.0 and 4.0"))
        #expect(dry.out.contains("would create  line 10  Good Card at Northwind Logistics"))
        #expect(try cli.account("Northwind").contacts.isEmpty)
    }

    @Test func badInputChangesNothing() throws {
        let cli = try northwind()
        let notCards = try write("name,email\nAna,ana@x.example\n", in: cli, as: "contacts.csv")
        let result = try cli.run("import", "vcard", notCards, "--account", "north")
        #expect(result.status != 0)
        #expect(result.err.contains("line 1: 'name,email' is not a content line (NAME:value)"))
        let missing = try cli.run("import", "vcard", cli.root + "/nope.vcf", "--account", "north")
        #expect(missing.status != 0)
        #expect(missing.err.contains("cannot open"))
        let noAccount = try cli.run(
            "import", "vcard", Self.fixture("iphone-contacts.vcf"), "--account", "zeta")
        #expect(noAccount.status != 0)
        #expect(try cli.account("Northwind").contacts.isEmpty)
    }
}
