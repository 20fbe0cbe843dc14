import Foundation
import RapportCore
import Testing

@testable import StoreJSONCodec

/// The records an account file holds by the dozen are read straight from the JSON index
/// (`JSONRecord`, D55): the account read must be the one `Codable` reads, field for field,
/// whatever order the keys come in, and a value the index reading refuses must still be
/// named by `Codable`'s error.
@Suite struct RecordDecodingTests {
    struct Document: Codable, Equatable {
        var schema: Int
        var account: Account
    }

    static let day = Day(iso: "2026-03-04")!

    /// An account whose records have every field set, optional ones included, and a
    /// keep-in-touch whose maximum is below its ideal (as a file may say, though a new one
    /// is raised to it).
    static func everyField() -> Account {
        var keep = KeepInTouch(idealDays: 30, maximumDays: 30)
        keep.maximumDays = 12
        let contact = Contact(
            id: RecordID(rawValue: "con-a")!, name: "Nora Aziz", title: "CFO", level: .senior,
            email: "nora@example.com", phone: "+44 1", channel: .phone, reportFrequency: .monthly,
            keepInTouch: keep, leftOn: day.adding(days: 3), reconnectedOn: day.adding(days: 9),
            notes: "Prefers mornings", sourceID: "003XYZ")
        let touchpoint = Touchpoint(
            id: RecordID(rawValue: "tp-a")!, day: Day(iso: "2026-01-15")!, kind: .meeting,
            contactIDs: [contact.id, RecordID(rawValue: "con-b")!],
            summary: "Quarterly review, \"tense\"", sentiment: .negative, followUp: day.adding(days: 7),
            followUpDoneOn: day.adding(days: 8), loggedBy: "Aisha Khan",
            planItemID: RecordID(rawValue: "pi-a")!,
            sourceID: "00TABC")
        let concern = Concern(
            id: RecordID(rawValue: "cn-a")!, raisedOn: day, raisedBy: contact.id, summary: "Late reports",
            detail: "Three weeks running", severity: .high, status: .resolved, respondBy: day.adding(days: 2),
            respondedOn: day.adding(days: 1), resolution: "New schedule", resolvedOn: day.adding(days: 5),
            worksheetID: RecordID(rawValue: "ws-a")!)
        let check = LitmusCheck(
            id: RecordID(rawValue: "lt-a")!, day: day, version: 2,
            answers: [
                LitmusAnswer(questionID: "senior-access", value: 3, comment: "Only via Nora"),
                LitmusAnswer(questionID: "multi-threaded", value: 0)
            ], by: "Aisha Khan")
        let measure = Measure(
            id: RecordID(rawValue: "ms-a")!, name: "Active users", unit: "users", direction: .lowerIsBetter,
            isSatisfaction: true, createdOn: day,
            definitionHistory: [
                MeasureDefinitionChange(
                    day: day, previousName: "Users", previousUnit: "seats",
                    previousDirection: .higherIsBetter,
                    reason: "Counted differently")
            ],
            readings: [
                MeasureReading(month: YearMonth(day), value: 114.5, note: "after the outage"),
                MeasureReading(month: YearMonth(day.adding(days: 31)), value: -3)
            ])
        let item = PlanItem(
            id: RecordID(rawValue: "pi-a")!, title: "Meet their senior leaders", step: .seniorLeaders,
            owner: "Aisha Khan", cadence: .everyDays(45), contactIDs: [contact.id], startOn: day,
            paused: true,
            notes: "Ask Nora first",
            completions: [PlanCompletion(day: day.adding(days: 2), note: "Done", touchpointID: touchpoint.id)]
        )
        return Account(
            id: RecordID(rawValue: "acc-a")!, name: "Acme", createdOn: day, contacts: [contact],
            touchpoints: [touchpoint], concerns: [concern], litmusChecks: [check], measures: [measure],
            plan: RelationshipPlan(createdOn: day, items: [item]))
    }

    static func text(_ account: Account) throws -> String {
        String(decoding: try RapportJSON.encode(Document(schema: 1, account: account)), as: UTF8.self)
    }

    @Test func everyFieldOfEveryRecordReadsAsCodableReadsIt() throws {
        let account = Self.everyField()
        let data = Data(try Self.text(account).utf8)
        let ours = try RapportJSON.decode(Document.self, from: data)
        let codable = try JSONDecoder().decode(Document.self, from: data)
        #expect(codable.account == account)
        #expect(ours.account == account)
        #expect(ours.account.contacts.first?.keepInTouch?.maximumDays == 12)
    }

    /// The fixture sets every stored property of every record read from the text, so a
    /// property added later and not set there (nor read by its `init(record:)`) fails here.
    @Test func theFixtureSetsEveryFieldOfEveryRecord() throws {
        let account = Self.everyField()
        let contact = try #require(account.contacts.first)
        let measure = try #require(account.measures.first)
        let item = try #require(account.plan?.items.first)
        let records: [any Encodable] = [
            try #require(account.touchpoints.first), contact, try #require(contact.keepInTouch),
            try #require(account.concerns.first), try #require(account.litmusChecks.first),
            try #require(account.litmusChecks.first?.answers.first), measure,
            try #require(measure.definitionHistory.first), try #require(measure.readings.first), item,
            try #require(item.completions.first)
        ]
        for record in records {
            let object = try JSONSerialization.jsonObject(with: try RapportJSON.encode(record))
            let written = Set(try #require(object as? [String: Any]).keys)
            let stored = Set(Mirror(reflecting: record).children.compactMap(\.label))
            #expect(written == stored, "\(type(of: record))")
        }
    }

    /// A hand-edited file: a touchpoint's keys in reverse order, one this Rapport does not
    /// know among them.
    @Test func keysInAnyOrderWithUnknownOnesAmongThemReadTheSame() throws {
        let touchpoint = """
                {
                  "summary" : "Call",
                  "sentiment" : "positive",
                  "newerField" : [1, 2],
                  "loggedBy" : "Ann",
                  "kind" : "call",
                  "id" : "tp-b",
                  "followUp" : "2026-03-11",
                  "day" : "2026-03-04",
                  "contactIDs" : [ "con-a" ]
                }
            """
        var account = Self.everyField()
        account.touchpoints = []
        var text = try Self.text(account)
        let list = try #require(text.range(of: "\"touchpoints\" : ["))
        let end = try #require(text[list.upperBound...].firstIndex(of: "]"))
        text.replaceSubrange(list.upperBound..<end, with: "\n" + touchpoint + "\n")
        let (document, unknown) = try RapportJSON.decodeKeepingUnknown(Document.self, from: Data(text.utf8))
        #expect(
            document.account.touchpoints == [
                Touchpoint(
                    id: RecordID(rawValue: "tp-b")!, day: Self.day, kind: .call,
                    contactIDs: [RecordID(rawValue: "con-a")!], summary: "Call", sentiment: .positive,
                    followUp: Self.day.adding(days: 7), loggedBy: "Ann")
            ])
        #expect(unknown.paths == ["account.touchpoints[tp-b].newerField"])
    }

    @Test func aValueTheIndexReadingRefusesIsNamedByCodablesError() throws {
        let text = try Self.text(Self.everyField()).replacingOccurrences(of: "2026-01-15", with: "2026-02-30")
        #expect(text.contains("2026-02-30"))
        let error = try #require(throws: (any Error).self) {
            try RapportJSON.decode(Document.self, from: Data(text.utf8))
        }
        #expect(
            RapportJSON.describe(error)
                == "account.touchpoints[0].day: '2026-02-30' is not a calendar day (expected YYYY-MM-DD)")
    }
}
