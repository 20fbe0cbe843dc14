/// A day or none in four bytes (a `Day?` takes sixteen), for the facts kept per account
/// by the hundred thousand (D57). A day beyond 32-bit ordinals, which no one types
/// (Rapport accepts years 1900–2199) and no interval reaches, is kept as the furthest one.
@propertyWrapper
public struct PackedDay: Hashable, Sendable {
    private var ordinal: Int32

    /// What `ordinal` holds for no day.
    private static let none = Int32.min

    public init(wrappedValue day: Day?) {
        ordinal = day.map { Int32(clamping: max($0.ordinal, Int(Self.none) + 1)) } ?? Self.none
    }

    public var wrappedValue: Day? {
        get { ordinal == Self.none ? nil : Day(ordinal: Int(ordinal)) }
        set { self = PackedDay(wrappedValue: newValue) }
    }

    /// Whether a day's ordinal is one kept as it is (the index refuses others).
    public static func keeps(ordinal: Int) -> Bool { PackedInt.keeps(ordinal) }
}

/// A small whole number or none (a health score, its change, a number of days) in four
/// bytes (an `Int?` takes sixteen); one beyond 32 bits is kept as the nearest that fits.
@propertyWrapper
public struct PackedInt: Hashable, Sendable {
    private var value: Int32

    /// What `value` holds for none.
    private static let none = Int32.min

    public init(wrappedValue value: Int?) {
        self.value = value.map { Int32(clamping: max($0, Int(Self.none) + 1)) } ?? Self.none
    }

    public var wrappedValue: Int? {
        get { value == Self.none ? nil : Int(value) }
        set { self = PackedInt(wrappedValue: newValue) }
    }

    /// Whether a number is one kept as it is (the index refuses others).
    public static func keeps(_ value: Int) -> Bool { value > Int(none) && value <= Int(Int32.max) }
}
