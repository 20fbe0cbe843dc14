import Foundation
import RapportResources
import StoreJSONCodec
import Testing

@testable import RapportCore

/// The bundled playbook as a template for new plans.
@Suite struct PlaybookTests {
    let today = Day(iso: "2026-11-22")!
    let playbook = try! RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook))

    func account(_ contacts: [Contact]) -> Account {
        Account(name: "Acme", owner: "Maya", createdOn: today, contacts: contacts)
    }

    @Test func theStandardStepsAreAllThere() {
        #expect(
            playbook.steps.map(\.step) == [
                .seniorLeaders, .askWhatTheyWant, .indirectUpdates, .mainContactMeeting, .outOfOffice
            ])
        #expect(playbook.step(.indirectUpdates)?.cadence == .quarterly)
        #expect(playbook.step(.mainContactMeeting)?.cadence == .monthly)
    }

    @Test func stepsPointAtTheMatchingContacts() {
        let main = Contact(name: "Helena", level: .main)
        let ceo = Contact(name: "Dieter", level: .senior)
        let cfo = Contact(name: "Ines", level: .senior)
        let user = Contact(name: "Sanne", level: .indirect)
        let gone = Contact(name: "Old", level: .senior, leftOn: today.adding(days: -30))
        var random = SeededRandom(seed: 1)
        let plan = playbook.plan(
            for: account([main, ceo, cfo, user, gone]), owner: "Maya", startingOn: today, using: &random)
        #expect(
            plan.items.map(\.contactIDs) == [[ceo.id, cfo.id], [main.id], [user.id], [main.id], [main.id]])
        #expect(plan.items.allSatisfy { $0.owner == "Maya" && $0.startOn == today && !$0.notes.isEmpty })
        #expect(
            plan.items.map { $0.nextDue?.iso } == Array(repeating: today.iso, count: 5),
            "a new item is due from its start")
    }

    @Test func withoutSeniorOrIndirectContactsTheStepsStayAndTheGapsShow() {
        let main = Contact(name: "Helena", level: .main)
        var a = account([main])
        var random = SeededRandom(seed: 1)
        a.plan = playbook.plan(for: a, owner: "Maya", startingOn: today, using: &random)
        #expect(a.plan?.items.count == 5)
        #expect(a.plan?.items[0].contactIDs == [] && a.plan?.items[2].contactIDs == [])
        #expect(a.planGaps == [.noSeniorContact, .noIndirectContacts])
        a.plan!.items.removeAll { $0.step == .mainContactMeeting }
        #expect(a.planGaps == [.noSeniorContact, .noIndirectContacts, .noRegularMeeting])
    }

    @Test func itemStatusFollowsTheNextDueDay() {
        var item = PlanItem(title: "Lunch", cadence: .monthly, startOn: today.adding(days: -40))
        #expect(item.status(on: today) == .overdue)
        item.completions = [PlanCompletion(day: today.adding(days: -25))]
        #expect(item.status(on: today) == .due)
        item.completions = [PlanCompletion(day: today)]
        #expect(item.status(on: today) == .onTrack)
        item.paused = true
        #expect(item.status(on: today) == .paused && item.nextDue == nil)
    }
}
