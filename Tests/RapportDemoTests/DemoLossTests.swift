import Foundation
import RapportDemo
import RapportResources
import StoreJSONCodec
import Testing

@testable import RapportCore

/// The demo's lost account tells the story a defection review exists for (D48).
@Suite struct DemoLossTests {
    let today = Day(iso: "2026-11-22")!

    func bluewater() throws -> Account {
        let accounts = try DemoBuilder(
            portfolio: RapportJSON.decode(DemoPortfolio.self, from: Data(BundledData.demoPortfolio)),
            playbook: RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook)),
            questions: RapportJSON.decode(LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1))
                .questionSet(version: 1, introducedOn: today.adding(years: -3)),
            today: today
        ).build()
        return try #require(accounts.first { $0.name == "Bluewater Shipping" })
    }

    @Test func bluewatersReviewShowsTheChampionWhoLeftTwoLateConcernsAndAFallingScore() throws {
        let a = try bluewater()
        let loss = try #require(a.loss)
        #expect(loss.lostOn == today.adding(days: -120) && loss.wonBy == "Nordic Route Systems")
        #expect(loss.reasons == [.championLeft, .poorService, .competitor])
        let review = try #require(DefectionReview.ofLoss(a))
        #expect(review.sign(.championLeft)?.details == ["Jan Kowalski (main contact) left on 2026-06-25"])
        #expect(review.sign(.lateConcern)?.details.count == 2)
        #expect(review.sign(.lateConcern)?.days(before: loss.lostOn) == 74)
        #expect(review.sign(.fallingScore) != nil)
    }
}
