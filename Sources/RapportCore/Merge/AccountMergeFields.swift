// The fields of the account's own facts and of its people and contact records, as edits
// merge them (see `FieldMergeable`). Names are the ones the forms show.

extension AccountFacts: FieldMergeable {
    /// The facts the account form and `account edit` edit; the season's reason is not a stored fact (it
    /// goes into the season history with a changed season).
    public static var mergeFields: [MergeField<AccountFacts>] {
        lossMergeFields + [
            MergeField("Name", \.name),
            MergeField("Owner", \.owner),
            MergeField("Tier", \.tier),
            MergeField("Status", \.status),
            MergeField("Season", \.season),
            MergeField("Annual value", \.annualValue, show: Money.grouped),
            MergeField("Lifetime value", \.lifetimeValue, show: Money.grouped),
            MergeField("Market", \.market),
            MergeField("Customer since", \.customerSince),
            MergeField("Tags", \.tags, show: MergeText.list),
            MergeField("Source id", \.sourceID, show: { $0 ?? MergeText.none }),
            MergeField("Notes", \.notes),
            MergeField("Renews on", \.renewsOn),
            MergeField("Contract term", \.contractTermMonths, show: { "\($0) months" }),
            MergeField(
                "Renewal value", \.renewalValue, show: { $0.map(Money.grouped) ?? "the annual value" }),
            MergeField("Renews itself", \.autoRenews, show: { $0 ? "yes" : "no" }),
            MergeField("Notice", \.noticeDays, show: { "\($0) days" })
        ]
    }
}

extension Touchpoint: FieldMergeable {
    public static var mergeFields: [MergeField<Touchpoint>] {
        [
            MergeField("Kind", \.kind),
            MergeField("With", \.contactIDs),
            MergeField("Summary", \.summary),
            MergeField("Sentiment", \.sentiment),
            MergeField("On", \.day),
            MergeField("Follow up", \.followUp),
            MergeField("Followed up on", \.followUpDoneOn),
            MergeField("Logged by", \.loggedBy),
            MergeField("Plan item", \.planItemID),
            MergeField("Source id", \.sourceID, show: { $0 ?? MergeText.none })
        ]
    }
}

extension Concern: FieldMergeable {
    public static var mergeFields: [MergeField<Concern>] {
        [
            MergeField("Concern", \.summary),
            MergeField("Severity", \.severity),
            MergeField("Raised on", \.raisedOn),
            MergeField("Raised by", \.raisedBy),
            MergeField("Respond by", \.respondBy),
            MergeField("Detail", \.detail),
            MergeField("Status", \.status),
            MergeField("Responded on", \.respondedOn),
            MergeField("Resolution", \.resolution),
            MergeField("Resolved on", \.resolvedOn),
            MergeField("Worksheet", \.worksheetID)
        ]
    }
}

extension Contact: FieldMergeable {
    public static var mergeFields: [MergeField<Contact>] {
        [
            MergeField("Name", \.name),
            MergeField("Title", \.title),
            MergeField("Level", \.level),
            MergeField("Prefers", \.channel),
            MergeField("Reports", \.reportFrequency),
            MergeField("Keep in touch", \.keepInTouch) {
                $0.map { "every \($0.idealDays), at most \($0.maximumDays) days" } ?? MergeText.none
            },
            MergeField("Email", \.email),
            MergeField("Phone", \.phone),
            MergeField("Left on", \.leftOn),
            MergeField("Reconnected on", \.reconnectedOn),
            MergeField("Notes", \.notes),
            MergeField("Source id", \.sourceID, show: { $0 ?? MergeText.none })
        ]
    }
}

extension TeamMember: FieldMergeable {
    public static var mergeFields: [MergeField<TeamMember>] {
        [
            MergeField("Name", \.name),
            MergeField("Role", \.role),
            MergeField("Responsible for", \.responsibility)
        ]
    }
}

extension Account {
    /// What a conflict calls the records an account's records point at: contacts by
    /// name, concerns, plan items and worksheets by their titles.
    public var mergeNames: MergeNames {
        var names: MergeNames = [:]
        for c in contacts { names[c.id] = c.name }
        for c in concerns { names[c.id] = c.summary }
        for w in worksheets { names[w.id] = w.title }
        for item in plan?.items ?? [] { names[item.id] = item.title }
        return names
    }
}
