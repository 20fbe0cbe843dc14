import StoreJSONCodec

// The records an account file holds by the dozen, read straight from the store's JSON
// index (D55). Each reads every member its synthesized `init(from:)` reads, under the same
// key and with the same leniency (a missing text or list is empty), in the order the
// keys are written (sorted by their bytes); a test compares the two on records with
// every field set.

extension Touchpoint: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let contactIDs = try r.ids("contactIDs")
        let day = try r.day("day")
        let followUp = try r.optionalDay("followUp")
        let followUpDoneOn = try r.optionalDay("followUpDoneOn")
        let id = try r.id("id")
        let kind = try r.choice("kind", as: TouchKind.self)
        let loggedBy = try r.string("loggedBy") ?? ""
        let planItemID = try r.optionalID("planItemID")
        let sentiment = try r.choice("sentiment", as: Sentiment.self)
        let sourceID = try r.string("sourceID")
        let summary = try r.string("summary") ?? ""
        self.init(
            id: id, day: day, kind: kind, contactIDs: contactIDs, summary: summary, sentiment: sentiment,
            followUp: followUp, followUpDoneOn: followUpDoneOn, loggedBy: loggedBy, planItemID: planItemID,
            sourceID: sourceID)
    }
}

extension Concern: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let detail = try r.string("detail") ?? ""
        let id = try r.id("id")
        let raisedBy = try r.optionalID("raisedBy")
        let raisedOn = try r.day("raisedOn")
        let resolution = try r.string("resolution") ?? ""
        let resolvedOn = try r.optionalDay("resolvedOn")
        let respondBy = try r.optionalDay("respondBy")
        let respondedOn = try r.optionalDay("respondedOn")
        let severity = try r.choice("severity", as: Severity.self)
        let status = try r.choice("status", as: ConcernStatus.self)
        let summary = try r.string("summary") ?? ""
        let worksheetID = try r.optionalID("worksheetID")
        self.init(
            id: id, raisedOn: raisedOn, raisedBy: raisedBy, summary: summary, detail: detail,
            severity: severity, status: status, respondBy: respondBy, respondedOn: respondedOn,
            resolution: resolution, resolvedOn: resolvedOn, worksheetID: worksheetID)
    }
}

extension Contact: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let channel = try r.choice("channel", as: Channel.self)
        let email = try r.string("email") ?? ""
        let id = try r.id("id")
        let keepInTouch = try r.record("keepInTouch", KeepInTouch.init(record:))
        let leftOn = try r.optionalDay("leftOn")
        let level = try r.choice("level", as: ContactLevel.self)
        let name = try r.string("name") ?? ""
        let notes = try r.string("notes") ?? ""
        let phone = try r.string("phone") ?? ""
        let reconnectedOn = try r.optionalDay("reconnectedOn")
        let reportFrequency = try r.optionalChoice("reportFrequency", as: ReportFrequency.self)
        let sourceID = try r.string("sourceID")
        let title = try r.string("title") ?? ""
        self.init(
            id: id, name: name, title: title, level: level, email: email, phone: phone, channel: channel,
            reportFrequency: reportFrequency, keepInTouch: keepInTouch, leftOn: leftOn,
            reconnectedOn: reconnectedOn, notes: notes, sourceID: sourceID)
    }
}

extension KeepInTouch: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let idealDays = try r.requiredInt("idealDays")
        let maximumDays = try r.requiredInt("maximumDays")
        self.init(idealDays: idealDays, maximumDays: maximumDays)
        // As decoded, not raised to the ideal as a new one is.
        self.maximumDays = maximumDays
    }
}

extension LitmusCheck: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let answers = try r.records("answers", LitmusAnswer.init(record:))
        let by = try r.string("by") ?? ""
        let day = try r.day("day")
        let id = try r.id("id")
        let version = try r.requiredInt("version")
        self.init(id: id, day: day, version: version, answers: answers, by: by)
    }
}

extension LitmusAnswer: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let comment = try r.string("comment") ?? ""
        let questionID = try r.string("questionID") ?? ""
        let value = try r.requiredInt("value")
        self.init(questionID: questionID, value: value, comment: comment)
    }
}

extension Measure: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let createdOn = try r.day("createdOn")
        let definitionHistory = try r.records("definitionHistory", MeasureDefinitionChange.init(record:))
        let direction = try r.choice("direction", as: MeasureDirection.self)
        let id = try r.id("id")
        let isSatisfaction = try r.requiredBool("isSatisfaction")
        let name = try r.string("name") ?? ""
        let readings = try r.records("readings", MeasureReading.init(record:))
        let unit = try r.string("unit") ?? ""
        self.init(
            id: id, name: name, unit: unit, direction: direction, isSatisfaction: isSatisfaction,
            createdOn: createdOn, definitionHistory: definitionHistory, readings: readings)
    }
}

extension MeasureDefinitionChange: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let day = try r.day("day")
        let previousDirection = try r.choice("previousDirection", as: MeasureDirection.self)
        let previousName = try r.string("previousName") ?? ""
        let previousUnit = try r.string("previousUnit") ?? ""
        let reason = try r.string("reason") ?? ""
        self.init(
            day: day, previousName: previousName, previousUnit: previousUnit,
            previousDirection: previousDirection, reason: reason)
    }
}

extension MeasureReading: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let month = try r.month("month")
        let note = try r.string("note") ?? ""
        let value = try r.requiredDouble("value")
        self.init(month: month, value: value, note: note)
    }
}

extension PlanItem: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let cadence = try r.cadence("cadence")
        let completions = try r.records("completions", PlanCompletion.init(record:))
        let contactIDs = try r.ids("contactIDs")
        let id = try r.id("id")
        let notes = try r.string("notes") ?? ""
        let owner = try r.string("owner") ?? ""
        let paused = try r.requiredBool("paused")
        let startOn = try r.day("startOn")
        let step = try r.choice("step", as: PlaybookStep.self)
        let title = try r.string("title") ?? ""
        self.init(
            id: id, title: title, step: step, owner: owner, cadence: cadence, contactIDs: contactIDs,
            startOn: startOn, paused: paused, notes: notes, completions: completions)
    }
}

extension PlanCompletion: JSONRecordDecodable {
    public init(record: JSONRecord) throws(JSONRecord.Refused) {
        var r = record
        let day = try r.day("day")
        let note = try r.string("note") ?? ""
        let touchpointID = try r.optionalID("touchpointID")
        self.init(day: day, note: note, touchpointID: touchpointID)
    }
}
