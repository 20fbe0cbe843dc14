import RapportCore
import RapportStore
import Testing

/// `check` reports days a record cannot have, written before the rules refused them.
@Suite struct ImpossibleDayCheckTests {
    @Test func checkNamesAConcernDueBeforeItWasRaisedAndACustomerSinceTheFuture() throws {
        let t = try TempStore()
        var account = t.account("Acme")
        account.customerSince = t.today.adding(days: 40)
        let concern = Concern(
            raisedOn: t.today, summary: "Late invoices", severity: .high, respondBy: t.today.adding(days: -3))
        account.concerns = [concern]
        try t.store.create(account)
        let reasons = t.store.check(today: t.today).map(\.reason)
        #expect(reasons.contains("customerSince: 2027-01-01 is in the future"))
        #expect(
            reasons.contains(
                "concerns[\(concern.id)]: responds by 2026-11-19, before it was raised (2026-11-22)"))
    }
}
