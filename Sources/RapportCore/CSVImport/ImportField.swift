/// What a CSV import brings in: one kind of record per file.
public enum ImportKind: String, Sendable, CaseIterable {
    case accounts, contacts, touchpoints
}

/// A field a CSV column can fill, as `--map COLUMN=FIELD` names it.
public enum ImportField: String, Sendable, CaseIterable {
    case id
    case sourceID = "source-id"
    case name
    case firstName = "first-name"
    case lastName = "last-name"
    case owner, tier, status, type, season, value
    case lifetimeValue = "lifetime-value"
    case market, since, tags, account
    case accountID = "account-id"
    case title, level, email, phone, channel
    case leftOn = "left-on"
    case date, kind, summary, with, sentiment
    case followUp = "follow-up"
    /// The column is read by nothing.
    case ignore

    /// The fields a file of `kind` can fill.
    public static func fields(for kind: ImportKind) -> [ImportField] {
        switch kind {
        case .accounts:
            return [
                .id, .sourceID, .name, .owner, .tier, .status, .type, .season, .value, .lifetimeValue,
                .market,
                .since, .tags, .ignore
            ]
        case .contacts:
            return [
                .id, .sourceID, .account, .accountID, .name, .firstName, .lastName, .title, .level, .email,
                .phone, .channel, .leftOn, .ignore
            ]
        case .touchpoints:
            return [
                .id, .sourceID, .account, .accountID, .date, .kind, .summary, .with, .sentiment, .followUp,
                .ignore
            ]
        }
    }

    /// The field a standard column header means (Salesforce's, HubSpot's and our own
    /// export's), compared ignoring case and runs of spaces; nil for any other header.
    public static func standard(_ header: String, for kind: ImportKind) -> ImportField? {
        let key = header.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: " ")
        return standardHeaders[kind]?[key]
    }

    /// Every standard header per kind, as the README's mapping table lists them.
    static let standardHeaders: [ImportKind: [String: ImportField]] = [
        .accounts: [
            "id": .id,
            "account id": .sourceID, "record id": .sourceID, "company id": .sourceID, "source id": .sourceID,
            "account name": .name, "company name": .name, "name": .name,
            "account owner": .owner, "company owner": .owner, "owner": .owner,
            "annual revenue": .value, "annual value": .value,
            "lifetime value": .lifetimeValue,
            "industry": .market, "market": .market,
            "type": .type, "tier": .tier, "status": .status, "season": .season,
            "customer since": .since, "tags": .tags
        ],
        .contacts: [
            "id": .id,
            "contact id": .sourceID, "record id": .sourceID, "source id": .sourceID,
            "account name": .account, "associated company": .account, "company name": .account,
            "account": .account,
            "account id": .accountID,
            "name": .name, "full name": .name, "first name": .firstName, "last name": .lastName,
            "title": .title, "job title": .title,
            "email": .email, "email address": .email,
            "phone": .phone, "phone number": .phone,
            "level": .level, "channel": .channel, "left on": .leftOn
        ],
        .touchpoints: [
            "id": .id,
            "activity id": .sourceID, "task id": .sourceID, "source id": .sourceID,
            "account name": .account, "account": .account, "associated company": .account,
            "account id": .accountID,
            "date": .date, "activity date": .date, "day": .date,
            "kind": .kind, "summary": .summary, "subject": .summary,
            "with": .with, "contacts": .with, "sentiment": .sentiment, "follow up": .followUp
        ]
    ]
}
