import Foundation
import RapportCore
import RapportDemo
import RapportResources
import StoreJSONCodec

/// The synthetic portfolio generator with the bundled playbook and litmus questions, for
/// tests that need many varied accounts.
func syntheticPortfolio(seed: UInt64, today: Day) throws -> SyntheticPortfolio {
    SyntheticPortfolio(
        seed: seed, today: today,
        playbook: try RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook)),
        questions: try RapportJSON.decode(LitmusQuestionFile.self, from: Data(BundledData.litmusQuestionsV1))
            .questionSet(version: 1, introducedOn: today.adding(years: -3)))
}
