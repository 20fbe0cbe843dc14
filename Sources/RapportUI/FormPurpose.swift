import RapportCore

/// What a form creates or edits.
enum FormPurpose: Equatable, Sendable {
    case logTouchpoint(account: RecordID)
    case editTouchpoint(account: RecordID, RecordID)
    case addConcern(account: RecordID)
    case editConcern(account: RecordID, RecordID)
    case addAccount
    case editAccount(RecordID)
    case addContact(account: RecordID)
    case editContact(account: RecordID, RecordID)
    case addTeamMember(account: RecordID)
    case editTeamMember(account: RecordID, RecordID)
    case completeFollowUp(FollowUp)
    case snoozeFollowUp(FollowUp)
    case startPlan(account: RecordID)
    case planStates(account: RecordID)
    case addPlanItem(account: RecordID)
    case editPlanItem(account: RecordID, RecordID)
    case newWorksheet(account: RecordID)
    case worksheetPart(account: RecordID, worksheet: RecordID, WorksheetPart)
    case addMeasure(account: RecordID)
    case editMeasure(account: RecordID, RecordID)
    case addReading(account: RecordID, RecordID)
    case addRisk(account: RecordID)
    case editRisk(account: RecordID, RecordID)
    case addExpectations(account: RecordID)
    case editExpectations(account: RecordID, RecordID)
    case addGoal(account: RecordID, set: RecordID)
    case editGoal(account: RecordID, set: RecordID, RecordID)
}

/// Which part of a worksheet a form edits (nil ids: a new entry).
enum WorksheetPart: Equatable, Sendable {
    case define
    case cause(RecordID?)
    case option(RecordID?)
    case implications(RecordID)
    case decision
    case action(RecordID?)
    case evaluation, frame
}
