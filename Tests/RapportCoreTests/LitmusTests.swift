import Testing

@testable import RapportCore

@Suite struct LitmusTests {
    let today = Day(iso: "2026-11-22")!

    func check(_ daysAgo: Int, version: Int, _ values: [Int]) -> LitmusCheck {
        LitmusCheck(
            day: today.adding(days: -daysAgo), version: version,
            answers: values.enumerated().map { LitmusAnswer(questionID: "q\($0.offset)", value: $0.element) })
    }

    @Test func aScoreIsTheShareOfTheBestAnswers() {
        #expect(check(0, version: 1, [4, 4, 4, 4]).score == 100)
        #expect(check(0, version: 1, [0, 0, 0, 0]).score == 0)
        #expect(check(0, version: 1, [2, 3, 1, 4, 0, 2, 3, 4]).score == 59)  // 19 of 32
        #expect(check(0, version: 1, [9, -3]).score == 50, "out-of-scale answers are clamped")
        #expect(check(0, version: 1, []).score == 0)
    }

    @Test func changeAndTrendNeverCrossAQuestionSetVersion() {
        var a = Account(name: "Acme", createdOn: today.adding(days: -800))
        a.litmusChecks = [
            check(300, version: 1, [3, 3]), check(200, version: 1, [4, 4]), check(100, version: 2, [1, 1])
        ]
        #expect(a.health == 25)
        #expect(a.healthChange == nil, "no comparable previous check: not 'falling'")
        #expect(!a.warningFlags(on: today).contains(.healthFalling))
        #expect(a.litmusSegments.map(\.version) == [1, 2])
        #expect(Sparkline.litmus(a.litmusSegments) == "▆█│▃")
        a.litmusChecks.append(check(10, version: 2, [0, 1]))
        #expect(a.healthChange == -12 && a.warningFlags(on: today).contains(.healthFalling))
        #expect(a.lastLitmusAnswers["q0"]?.value == 0)
    }

    @Test func sparklinesScaleAndShowGaps() {
        #expect(Sparkline.line([0, 50, 100], low: 0, high: 100) == "▁▅█")
        #expect(Sparkline.line([3, nil, 5]) == "▁ █")
        #expect(Sparkline.line([7, 7]) == "▄▄")
        #expect(Sparkline.line([nil, nil]) == "  ")
    }

    @Test func aMeasureWithReadingsKeepsItsOldDefinition() throws {
        var m = Measure(name: "Usage", unit: "h", createdOn: today)
        try m.redefine(name: "Usage hours", unit: "h", direction: .higherIsBetter, reason: "", on: today)
        #expect(m.name == "Usage hours" && m.definitionHistory.isEmpty, "no readings yet: free to rename")
        m.readings = [
            MeasureReading(month: YearMonth(iso: "2026-10")!, value: 10),
            MeasureReading(month: YearMonth(iso: "2026-09")!, value: 12)
        ]
        #expect(throws: InputError.self) {
            try m.redefine(
                name: "Active hours", unit: "h", direction: .higherIsBetter, reason: " ", on: today)
        }
        #expect(m.name == "Usage hours")
        try m.redefine(
            name: "Active hours", unit: "h", direction: .higherIsBetter,
            reason: "Idle time no longer counted", on: today)
        #expect(
            m.definitionHistory.map(\.previousName) == ["Usage hours"]
                && m.definitionHistory[0].reason == "Idle time no longer counted")
        #expect(m.latest?.reading.value == 10 && m.latest?.change == -2)
        #expect(m.values(months: 3, endingAt: YearMonth(iso: "2026-10")!) == [nil, 12, 10])
    }

    @Test func expectationsNameTheirBlankAnswersAndLongShots() {
        var e = ExpectationSet(
            raveReviews: "On-time go-live", reportFrequency: .monthly, ifWeMiss: "We extend support free")
        #expect(e.blankAnswers.count == 11 && !e.blankAnswers.contains("rave reviews if"))
        e.metTheTeam = false
        #expect(!e.blankAnswers.contains("met the team"), "a 'no' is an answer")
        #expect(
            Goal(text: "Cut costs 30%", probability: 50).isLongShot
                && !Goal(text: "Go live", probability: 92).isLongShot)
    }
}
