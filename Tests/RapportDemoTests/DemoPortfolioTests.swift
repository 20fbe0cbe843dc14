import Foundation
import RapportDemo
import RapportResources
import StoreJSONCodec
import Testing

@testable import RapportCore

/// The demo portfolio as a new user judges it on the due list and the account screens:
/// mostly looked after, with its trouble where its stories are.
@Suite struct DemoPortfolioTests {
    let today = Day(iso: "2026-11-22")!
    let accounts: [Account]

    init() throws {
        let today = self.today
        accounts = try DemoBuilder(
            portfolio: RapportJSON.decode(DemoPortfolio.self, from: Data(BundledData.demoPortfolio)),
            playbook: RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: RapportJSON.decode(LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1))
                .questionSet(version: 1, introducedOn: today.adding(years: -3)),
            today: today
        ).build()
    }

    /// What `rapport due --within 30` lists for an account.
    func due(_ account: Account) -> [FollowUp] {
        DueList.scored(account, on: today, policy: DuePolicy()).filter { $0.due <= today.adding(days: 30) }
    }

    func overdue(_ account: Account) -> [FollowUp] {
        due(account).filter { DueBand.of($0.due, today: today) == .overdue }
    }

    static func isInTrouble(_ account: Account) -> Bool {
        account.status == .atRisk || account.season == .tension || account.season == .disruption
    }

    @Test func underAFifthOfFollowUpsAreOverdueAndMostAccountsHaveNothingOverdue() {
        let listed = accounts.flatMap(due)
        let late = accounts.flatMap(overdue)
        #expect(listed.count > 50)
        #expect(Double(late.count) < 0.2 * Double(listed.count), "\(late.count) of \(listed.count) overdue")
        let behind = accounts.filter { !overdue($0).isEmpty }
        #expect(behind.count * 2 < accounts.count, "\(behind.count) accounts have something overdue")
    }

    @Test func whatIsOverdueSitsOnTheAccountsInTrouble() {
        let late = accounts.flatMap { account in overdue(account).map { (account, $0) } }
        let inTrouble = late.filter { Self.isInTrouble($0.0) }
        #expect(!late.isEmpty)
        #expect(
            Double(inTrouble.count) >= 0.7 * Double(late.count),
            "\(inTrouble.count) of \(late.count): \(late.filter { !Self.isInTrouble($0.0) }.map(\.1.title))")
    }

    @Test func aHealthyGrowingAccountHasNothingMoreThanAWeekOverdue() {
        let healthy = accounts.filter { $0.season == .growth && ($0.health ?? 0) >= 80 }
        #expect(healthy.count >= 2)
        for account in healthy {
            let late = overdue(account).filter { $0.due < today.adding(days: -7) }
            #expect(late.isEmpty, "\(account.name): \(late.map(\.title))")
        }
    }

    /// The touch kinds that can do a plan step.
    static let fitting: [PlaybookStep: Set<TouchKind>] = [
        .seniorLeaders: [.meeting, .meal, .review, .siteVisit],
        .askWhatTheyWant: [.meeting, .review, .call],
        .indirectUpdates: [.report, .email, .meeting],
        .mainContactMeeting: [.meeting, .call],
        .outOfOffice: [.meal]
    ]

    @Test func planItemsAreCreditedByTheTouchpointsThatDidThem() throws {
        let active = accounts.filter { ($0.status == .active || $0.status == .atRisk) && $0.plan != nil }
        #expect(active.count >= 4)
        for account in active {
            for item in try #require(account.plan).items where item.cadence != .once {
                if item.startOn >= today.adding(days: -14) { continue }
                let credited = item.completions.contains { completion in
                    guard let touch = account.touchpoints.first(where: { $0.id == completion.touchpointID })
                    else { return false }
                    return touch.day == completion.day
                        && !Set(touch.contactIDs).isDisjoint(with: item.contactIDs)
                        && (Self.fitting[item.step]?.contains(touch.kind) ?? true)
                }
                #expect(credited, "\(account.name): \(item.title)")
                let next = try #require(item.nextDue)
                #expect(next >= today.adding(days: -7), "\(account.name): \(item.title) due \(next.iso)")
            }
        }
    }

    @Test func noSummaryIsRepeatedMoreThanThreeTimes() {
        let counts = Dictionary(accounts.flatMap(\.touchpoints).map { ($0.summary, 1) }, uniquingKeysWith: +)
        let repeated = counts.filter { $0.value > 3 }.sorted { $0.value > $1.value }
        #expect(repeated.isEmpty, "\(repeated.prefix(5))")
        #expect(counts.count > 300)
    }

    @Test func touchKindsMatchTheirText() {
        let touches = accounts.flatMap(\.touchpoints)
        let checked = touches.compactMap { touch in
            TouchKindChecker.kinds(for: touch.summary).map { (touch, $0) }
        }
        // Most summaries say what they were, so the check covers the demo.
        #expect(Double(checked.count) > 0.8 * Double(touches.count))
        let wrong = checked.filter { !$0.1.contains($0.0.kind) }.map {
            "\($0.0.summary) (\($0.0.kind.label))"
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(8))")
    }

    @Test func theKindCheckerReadsSummariesAsAManagerWould() {
        #expect(TouchKindChecker.kinds(for: "Escalation call about the October incident") == [.call])
        #expect(
            TouchKindChecker.kinds(for: "Escalation with the Director of Maintenance")?.contains(.report)
                == false)
        #expect(TouchKindChecker.kinds(for: "Lunch with Isabel to reset the relationship") == [.meal])
        #expect(TouchKindChecker.kinds(for: "Sent the October usage report") == [.report])
        #expect(TouchKindChecker.kinds(for: "Sent meeting notes and actions") == [.email])
        #expect(TouchKindChecker.kinds(for: "Planned the phase-three warehouse rollout") == nil)
    }

    @Test func litmusAnswersAgreeWithTheWarningFlags() {
        let positive = 3  // "Mostly"
        for account in accounts {
            let flags = account.warningFlags(on: today)
            let answers = account.litmusChecks.flatMap(\.answers)
            if flags.contains(.noSenior) {
                let claims = answers.filter { $0.questionID == "senior-access" && $0.value >= positive }
                #expect(claims.isEmpty, "\(account.name) knows nobody senior but says it knows their leaders")
            }
            if flags.contains(.oneContact) || flags.contains(.noContacts) {
                let claims = answers.filter { $0.questionID == "multi-threaded" && $0.value >= positive }
                #expect(claims.isEmpty, "\(account.name) has one contact but says it has several")
            }
        }
        #expect(
            accounts.contains { $0.warningFlags(on: today).contains(.noSenior) && !$0.litmusChecks.isEmpty })
    }

    @Test func lostAndFormerAccountsRaiseNoRoutineFollowUpsAndNoStaleNags() {
        let gone = accounts.filter { $0.status == .lost || $0.status == .former }
        #expect(gone.count >= 2)
        let routine: Set<DueSource> = [.plan, .keepInTouch, .litmus, .satisfaction, .reading]
        for account in gone {
            let items = account.followUps(policy: DuePolicy())
            #expect(items.allSatisfy { !routine.contains($0.ref.source) }, "\(account.name)")
            let stale = items.filter { $0.due < today }.map(\.title)
            #expect(stale.isEmpty, "\(account.name): \(stale)")
        }
    }
}
