import RapportCore
import TUIKit
import Testing

@testable import RapportUI

@Suite struct HealthSectionTests {
    static let questions = LitmusQuestionSet(
        version: 1, introducedOn: Fixture.today.adding(years: -1),
        questions: [
            LitmusQuestion(id: "a", text: "Do we know their senior leaders?", hint: "Met one this quarter."),
            LitmusQuestion(id: "b", text: "Is there a regular meeting with the main contact?")
        ])

    /// Northwind's account view on `section`, with measures and a risk.
    func state(_ section: Character) -> AppState {
        var state = Fixture.state()
        state.litmus = Self.questions
        var north = Fixture.accounts[0]
        north.measures = [
            Measure(
                id: Fixture.id("ms-use"), name: "Active users", unit: "users",
                createdOn: Fixture.today.adding(days: -400),
                readings: (0..<6).map {
                    MeasureReading(
                        month: YearMonth(iso: "2026-04")!.adding(months: $0), value: Double(100 + $0 * 10))
                })
        ]
        north.risks = [
            Risk(
                id: Fixture.id("rk-levy"), disruption: "Packaging levy raises their costs 8%",
                kind: .legislation, identifiedOn: Fixture.today,
                contact: RiskAtLevel(risk: "Budget cut", likelyResponse: "Stops projects"),
                company: RiskAtLevel(risk: "Margin squeeze", likelyResponse: "Cuts suppliers"),
                market: RiskAtLevel(risk: "Prices rise", likelyResponse: "Looks for partners"),
                ourResponse: "Offer a cheaper tier", reviewOn: Fixture.today.adding(days: 30))
        ]
        state.store(north)
        state.press([.char(":")])
        state.type("account north")
        state.press([.enter, .char(section)])
        return state
    }

    @Test func healthShowsTheScoreTrendSeasonAndMeasuresAt80x24() {
        var s = state("8")
        #expect(
            s.screen() == """
                Northwind Logistics  key · active · growth · Maya Lindqvist
                €1.24M/yr · lifetime €9.8M · health 100↑ · last touch 2d ago
                No warning signs
                 1 Over 2 Cont 3 Team 4 Time 5 Conc 6 Plan 7 Work 8 Health  9 Risk 0 Expt
                Litmus 100 (+25) on 2026-11-12 · questions v1 · every 91 days, next 2027-02-11
                Trend  ▆█
                Recent 2026-11-12 100 v1 · 2026-08-14 75 v1
                Season growth since 2017-03-01 (Account created)

                Measure                           Latest  Change Last 12 months
                Active users                   150 users     +10      ▁▂▄▅▇█    October missing












                t litmus  r reading  m measure  Tab section  l log  c concern  a add  e edit
                """)
    }

    @Test func theLitmusTestIsOneKeyPerAnswerAndShowsLastTime() throws {
        var s = state("8")
        s.press([.char("t")])
        let first = s.screen()
        #expect(first.contains("Litmus test · Northwind Logistics · question 1 of 2 · version 1"))
        #expect(first.contains("Do we know their senior leaders?") && first.contains("Last time: Yes"))
        s.press([.char("3"), .char("c")])
        s.type("Monthly, but cancelled twice")
        s.press([.enter, .left, .right])
        #expect(s.screen().contains("Comment: Monthly, but cancelled twice"))
        s.press([.char("1")])
        #expect(s.screen().contains("Score 50 · last time 100 (-50)"))
        let effects = s.press([.enter])
        try s.perform(effects)
        let north = try #require(s.account(Fixture.id("acc-north")))
        let check = try #require(north.litmusHistory.last)
        #expect(check.day == Fixture.today && check.version == 1 && check.score == 50)
        #expect(
            check.answers.map(\.value) == [3, 1] && check.answers[1].comment == "Monthly, but cancelled twice"
        )
        #expect(s.message == Message("Litmus test saved: score 50 (-50)"))
        #expect(visibleAccounts(s).first { $0.id == north.id }?.flags.contains(.healthFalling) == true)
    }

    @Test func aCancelledLitmusTestSavesNothing() {
        var s = state("8")
        #expect(s.press([.char("t"), .char("4"), .escape]).isEmpty)
        #expect(s.message == Message("Litmus test cancelled; nothing saved"))
        #expect(s.account(Fixture.id("acc-north"))?.litmusChecks.count == 2)
    }

    @Test func aReadingAndADefinitionChangeKeepHistory() throws {
        var s = state("8")
        s.press([.char("r")])
        s.type("162")
        try s.perform(s.press([.enter]))
        #expect(s.message == Message("Active users: 162 for October 2026"))
        s.press([.char("e"), .ctrl("u")])
        s.type("Weekly active users")
        #expect(s.press([.enter]).isEmpty)
        #expect(s.screen().contains("↳ Active users has readings: say why its definition"))
        s.type("Monthly actives overstated use")
        try s.perform(s.press([.enter]))
        let m = try #require(s.account(Fixture.id("acc-north"))?.measures.first)
        #expect(
            m.name == "Weekly active users" && m.definitionHistory.first?.previousName == "Active users"
                && m.readings.count == 7)
    }

    @Test func healthDrawsExtremeStoredReadings() throws {
        // Finite but absurd values from a hand-edited file (or an older Rapport) trapped
        // in the sparkline every time Health opened.
        var s = Fixture.state()
        var north = Fixture.accounts[0]
        north.measures = [
            Measure(
                id: Fixture.id("ms-use"), name: "Active users", unit: "users",
                createdOn: Fixture.today.adding(days: -400),
                readings: [
                    MeasureReading(month: YearMonth(iso: "2026-09")!, value: 1.5e308),
                    MeasureReading(month: YearMonth(iso: "2026-10")!, value: -1.5e308)
                ])
        ]
        s.store(north)
        s.press([.char(":")])
        s.type("account north")
        s.press([.enter, .char("8")])
        #expect(
            s.screen().contains(
                "Active users                -1.5e+308 u…      -∞           █▁"))
    }

    @Test func aReadingMustBeAFiniteNumberWithinATrillion() throws {
        var s = state("8")
        for text in ["1.5e308", "nan", "inf"] {
            s.press([.char("r")])
            s.type(text)
            #expect(s.press([.enter]).isEmpty, "\(text) is not saved")
            #expect(
                s.screen().contains("↳ '\(text)' is out of range; a reading is within ±1e12"),
                "\(s.screen())")
            s.press([.escape])
        }
        #expect(s.account(Fixture.id("acc-north"))?.measures.first?.readings.count == 6)
    }

    @Test func aReadingMonthMustBeASupportedMonth() throws {
        var s = state("8")
        s.press([.char("r"), .up, .ctrl("u")])
        s.type("1899-12")
        s.press([.down])
        s.type("5")
        #expect(s.press([.enter]).isEmpty)
        #expect(s.screen().contains("↳ '1899-12' is outside the supported months, 1900-01 to 2199-12"))
        #expect(s.account(Fixture.id("acc-north"))?.measures.first?.readings.count == 6)
    }

    @Test func risksShowThreeLevelsAndOccurredOffersTheSeason() throws {
        var s = state("9")
        let screen = s.screen()
        #expect(
            screen.contains(
                "Packaging levy raises their costs 8%        legislation  hypothetical 2026-12-22"))
        #expect(screen.contains("Our contact                Their company              Their market"))
        #expect(screen.contains("Budget cut                 Margin squeeze             Prices rise"))
        #expect(screen.contains("→ Stops projects           → Cuts suppliers           → Looks for partners"))
        #expect(screen.contains("We will: Offer a cheaper tier"))
        try s.perform(s.press([.char("o")]))
        #expect(
            s.overlay
                == .confirm(
                    .seasonToDisruption(
                        account: Fixture.id("acc-north"), risk: "Packaging levy raises their costs 8%")))
        try s.perform(s.press([.char("y")]))
        let north = try #require(s.account(Fixture.id("acc-north")))
        #expect(north.risks[0].state == .occurred && north.season == .disruption)
        #expect(north.seasonHistory.last?.reason == "Risk occurred: Packaging levy raises their costs 8%")
    }

    @Test func expectationsNameBlanksAndWarnPlainlyAboutLongShots() throws {
        var s = state("0")
        #expect(s.screen().contains("No expectations recorded. n writes them down"))
        s.press([.char("n")])
        s.type("Rollout 2027")
        try s.perform(s.press([.enter]))
        #expect(s.screen().contains("Still blank (w): previous suppliers: liked"))
        #expect(s.screen().contains("If we miss: not agreed yet"))
        s.press([.char("a")])
        s.type("Cut picking errors by 40% by June")
        s.press([.down])
        s.type("50")
        s.press([.down])
        s.type("Their WMS upgrade (theirs)")
        try s.perform(s.press([.enter]))
        #expect(s.message?.text.contains("50% is a coin toss or worse") == true)
        #expect(
            s.screen().contains(
                "Cut picking errors by 40% by June         50% coin toss or worse 0 ours, 1 not"))
        // The overview says what is still blank.
        s.press([.char("1")])
        #expect(
            s.screen().contains(
                "Expectations still blank (0): previous suppliers: liked, previous suppliers: di…\n"))
    }

    @Test func aSeasonChangeKeepsItsReason() throws {
        var s = state("1")
        s.press([.char("e"), .down, .down, .down, .down, .right, .right, .down])
        s.type("Budget freeze announced")
        try s.perform(s.press([.enter]))
        let north = try #require(s.account(Fixture.id("acc-north")))
        #expect(north.season == .tension && north.seasonHistory.last?.reason == "Budget freeze announced")
    }
}
