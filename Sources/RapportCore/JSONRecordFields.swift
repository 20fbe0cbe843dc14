import StoreJSONCodec

/// The domain's values read from a `JSONRecord` with the checks their `init(from:)` makes:
/// a value those would refuse is refused here, and `Codable` then names the problem.
extension JSONRecord {
    /// The id at `key`, which must be there.
    mutating func id(_ key: StaticString) throws(Refused) -> RecordID {
        guard let id = try optionalID(key) else { throw Refused() }
        return id
    }

    /// The id at `key`; nil if it is missing or null.
    mutating func optionalID(_ key: StaticString) throws(Refused) -> RecordID? {
        guard let utf8 = try bytes(key) else { return nil }
        guard let id = RecordID(utf8: utf8) else { throw Refused() }
        return id
    }

    /// The ids of the array at `key`; empty if it is missing or null.
    mutating func ids(_ key: StaticString) throws(Refused) -> [RecordID] {
        var ids: [RecordID] = []
        for utf8 in try byteList(key) {
            guard let id = RecordID(utf8: utf8) else { throw Refused() }
            ids.append(id)
        }
        return ids
    }

    /// The day at `key`, which must be there.
    mutating func day(_ key: StaticString) throws(Refused) -> Day {
        guard let day = try optionalDay(key) else { throw Refused() }
        return day
    }

    /// The day at `key` (a supported calendar day); nil if it is missing or null.
    mutating func optionalDay(_ key: StaticString) throws(Refused) -> Day? {
        guard let utf8 = try bytes(key) else { return nil }
        guard let day = Day(isoUTF8: utf8), Day.supported.contains(day) else { throw Refused() }
        return day
    }

    /// The choice at `key`, which must be there and one of its codes.
    mutating func choice<C: Choice>(_ key: StaticString, as type: C.Type = C.self) throws(Refused) -> C {
        guard let value = try optionalChoice(key, as: C.self) else { throw Refused() }
        return value
    }

    /// The month at `key` (a supported one), which must be there.
    mutating func month(_ key: StaticString) throws(Refused) -> YearMonth {
        guard let utf8 = try bytes(key), let month = YearMonth(isoUTF8: utf8),
            YearMonth.supported.contains(month)
        else { throw Refused() }
        return month
    }

    /// The cadence at `key`, which must be there.
    mutating func cadence(_ key: StaticString) throws(Refused) -> Cadence {
        guard let text = try string(key), let cadence = Cadence(parsing: text) else { throw Refused() }
        return cadence
    }

    /// The choice at `key`; nil if it is missing or null.
    mutating func optionalChoice<C: Choice>(_ key: StaticString, as type: C.Type = C.self) throws(Refused)
        -> C?
    {
        guard let code = try string(key) else { return nil }
        guard let value = C(rawValue: code) else { throw Refused() }
        return value
    }

    /// The number at `key`, which must be there.
    mutating func requiredDouble(_ key: StaticString) throws(Refused) -> Double {
        guard let value = try double(key) else { throw Refused() }
        return value
    }

    /// The whole number at `key`, which must be there.
    mutating func requiredInt(_ key: StaticString) throws(Refused) -> Int {
        guard let value = try int(key) else { throw Refused() }
        return value
    }

    /// The truth value at `key`, which must be there.
    mutating func requiredBool(_ key: StaticString) throws(Refused) -> Bool {
        guard let value = try bool(key) else { throw Refused() }
        return value
    }
}
