import RapportCore
import Testing

/// The flags an account's people raise.
@Suite struct WarningFlagTests {
    let today = Day(iso: "2026-11-22")!

    @Test func anAccountWithNoContactsIsFlaggedNoContactsNotOneContact() {
        let account = Account(name: "Zeta", createdOn: today)
        let flags = account.warningFlags(on: today)
        #expect(flags.contains(.noContacts))
        #expect(!flags.contains(.oneContact))
        #expect(flags.map(\.short) == ["no senior", "no contacts"])
    }

    @Test func everyFlagReadsAsItsJSONNameWithSpaces() {
        for flag in WarningFlag.allCases {
            #expect(flag.short == flag.rawValue.split(separator: "-").joined(separator: " "))
        }
    }

    @Test func anAccountWithOneContactIsFlaggedOneContact() {
        var account = Account(name: "Zeta", createdOn: today)
        account.contacts = [Contact(name: "Ada Byrne", level: .senior)]
        #expect(account.warningFlags(on: today) == [.oneContact])
    }
}
