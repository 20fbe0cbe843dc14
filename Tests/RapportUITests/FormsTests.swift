import RapportCore
import TUIKit
import Testing

@testable import RapportUI

/// Forms keyed by their kind's typed fields, and purposes compared by kind and value.
struct FormsTests {
    private func keys<F: RawRepresentable<String> & CaseIterable>(_ type: F.Type) -> [String] {
        F.allCases.map(\.rawValue)
    }

    @Test func aFormShowsItsKindsFieldsInTheirOrder() {
        let north = Fixture.accounts[0]
        #expect(TouchpointForm.make(nil, in: north).fields.map(\.key) == keys(TouchpointForm.Field.self))
        #expect(
            ConcernForm.make(nil, in: north).fields.map(\.key)
                == Array(keys(ConcernForm.Field.self).dropLast(2)))
        let brightline = Fixture.accounts.first { $0.id == Fixture.id("acc-bright") }!
        #expect(
            ConcernForm.make(brightline.concerns[0], in: brightline).fields.map(\.key)
                == keys(ConcernForm.Field.self))
        #expect(AccountForm.make(north).fields.map(\.key) == keys(AccountForm.Field.self))
        #expect(ContactForm.make(north.contacts[0]).fields.map(\.key) == keys(ContactForm.Field.self))
        #expect(TeamMemberForm.make(nil).fields.map(\.key) == keys(TeamMemberForm.Field.self))
        #expect(PlanStatesForm.make(nil).fields.map(\.key) == keys(PlanStatesForm.Field.self))
        #expect(PlanItemForm.make(nil, in: north).fields.map(\.key) == keys(PlanItemForm.Field.self))
        #expect(MeasureForm.make(nil).fields.map(\.key) == Array(keys(MeasureForm.Field.self).dropLast()))
        #expect(RiskForm.make(nil).fields.map(\.key) == keys(RiskForm.Field.self))
        #expect(ExpectationsForm.make(nil).fields.map(\.key) == keys(ExpectationsForm.Field.self))
        #expect(GoalForm.make(nil).fields.map(\.key) == keys(GoalForm.Field.self))
        #expect(
            NewWorksheetForm.make(in: north, concern: nil).fields.map(\.key)
                == keys(NewWorksheetForm.Field.self))
    }

    @Test func everyWorksheetPartsFieldsAreWorksheetFields() {
        let north = Fixture.accounts[0]
        let w = Worksheet(title: "Price pressure", createdOn: Fixture.today)
        let parts: [WorksheetPart] = [
            .define, .cause(nil), .option(nil), .implications(w.id), .decision, .action(nil), .evaluation,
            .frame
        ]
        for part in parts {
            for field in WorksheetPartForm.make(part, w, in: north).fields {
                #expect(WorksheetPartForm.Field(rawValue: field.key) != nil, "\(part): \(field.key)")
            }
        }
    }

    @Test func playbookStepsAreNumberedFields() {
        #expect(StartPlanForm.Field(rawValue: "step12") == .step(12))
        #expect(StartPlanForm.Field(rawValue: "owner") == .owner)
        #expect(StartPlanForm.Field(rawValue: "stepx") == nil)
        #expect(StartPlanForm.Field.step(3).rawValue == "step3")
    }

    @Test func purposesAreEqualForTheSameKindAndValueOnly() {
        let north = Fixture.id("acc-north")
        #expect(FormPurpose.addContact(account: north) == .addContact(account: north))
        #expect(FormPurpose.addContact(account: north) != .addContact(account: Fixture.id("acc-bright")))
        #expect(FormPurpose.addContact(account: north) != .addTeamMember(account: north))
        #expect(FormPurpose.addAccount != .editAccount(Fixture.accounts[0]))
        #expect(FormPurpose.startPlan(account: north) != .planStates(account: north, nil))
    }
}
