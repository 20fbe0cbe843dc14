import RapportCore
import Testing

/// Working out an import before anything is written.
@Suite struct ImportPlanTests {
    let today = Day(year: 2026, month: 11, day: 22)!

    func plan(_ text: String, _ kind: ImportKind, maps: [String] = [], into accounts: [Account] = [])
        throws -> ImportPlan
    {
        try ImportPlan.make(
            try CSVReader.read(Array(text.utf8)), kind: kind, maps: maps, accounts: accounts, today: today)
    }

    @Test func anIgnoredColumnIsNotNamedAsUnread() throws {
        let columns = try ImportColumns(
            header: ["Account Name", "Billing City", "Notes"], kind: .accounts, maps: ["billing city=ignore"])
        #expect(columns.unread == ["Notes"])
    }

    @Test func twoColumnsFillingOneFieldAreRefusedWithTheWayOut() {
        #expect(
            throws: InputError(
                "the columns 'Name' and 'Account Name' both fill name; add --map 'Account Name=ignore' (or map it to another field)"
            )
        ) { try ImportColumns(header: ["Name", "Account Name"], kind: .accounts) }
    }

    @Test func everyContactOfAnAccountIsOneChangeSoTheAccountIsSavedWhole() throws {
        let northwind = Account(name: "Northwind", createdOn: today)
        let result = try plan(
            "Account Name,First Name,Last Name,Email\nNorthwind,Ana,Ruiz,ana@n.example\n"
                + "northwind,Bo,Li,bo@n.example\nNorth,Cy,Ek,cy@n.example\n",
            .contacts, into: [northwind])
        #expect(result.changes.count == 1)
        guard case .update(let id, let mutations) = result.changes.first else {
            Issue.record("expected an update")
            return
        }
        #expect(id == northwind.id)
        #expect(mutations.count == 2)
        #expect(
            result.issues.map(\.description) == [
                "line 4, column 'Account Name': no account is named 'North' (names must match exactly); import the accounts first"
            ])
    }

    @Test func aRowRepeatingAnEarlierOneInTheFileUpdatesWhatItAdded() throws {
        let twice = try plan(
            "Name,Account,Email,Title\nAna,Northwind,ana@n.example,Buyer\nAna,Northwind,ANA@n.example,Head of buying\n",
            .contacts, into: [Account(name: "Northwind", createdOn: today)])
        #expect(twice.outcomes.map(\.action) == [.create, .update])
        #expect(twice.outcomes.last?.changed == ["Title", "Email"], "found by the email in any case")
    }
}
