import Testing

@testable import RapportCore

/// Searching an account's records, case- and accent-insensitive.
@Suite struct SearchTests {
    let today = Day(iso: "2026-11-22")!

    var account: Account {
        var a = Account(name: "Grüner Stahl", owner: "Maya", createdOn: today)
        a.contacts = [Contact(name: "Élodie Müller", title: "Head of Procurement", level: .main)]
        a.touchpoints = [
            Touchpoint(day: today, kind: .call, summary: "Talked through the EV transition\nand the budget")
        ]
        a.concerns = [Concern(raisedOn: today, summary: "Invoices late", detail: "Three months running")]
        return a
    }

    @Test func foldingDropsCaseAndAccents() {
        #expect(TextFolding.fold("Élodie MÜLLER Straße e\u{301}") == "elodie muller strasse e")
    }

    @Test func hitsNameTheRecordKindDayAndLine() {
        let hits = AccountSearch("ev TRANSITION").hits(in: account)
        #expect(hits.map(\.kind) == ["touchpoint"])
        #expect(hits.first?.line == "Talked through the EV transition" && hits.first?.day == today)
        #expect(AccountSearch("muller").hits(in: account).map(\.kind) == ["contact"])
        #expect(AccountSearch("gruner").hits(in: account).map(\.kind) == ["account"])
        #expect(AccountSearch("months running").hits(in: account).map(\.kind) == ["concern"])
        #expect(
            AccountSearch("transition budget").hits(in: account).first?.line
                == "Talked through the EV transition and the budget", "words on two lines: the whole text")
        #expect(AccountSearch("invoices budget").hits(in: account).isEmpty, "every word in one field")
    }

    @Test func theByteShortcutNeverMissesAnAccentedMatch() {
        let file = Array("{\"name\": \"Grüner Élodie\"}".utf8)
        file.withUnsafeBufferPointer { bytes in
            #expect(TextFolding.mayContain(bytes, asciiQuery: Array("gruner elodie".utf8)))
            #expect(!TextFolding.mayContain(bytes, asciiQuery: Array("stahl".utf8)))
        }
    }
}
