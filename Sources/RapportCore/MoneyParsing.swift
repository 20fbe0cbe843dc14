/// Reading an amount as typed, in either convention: `1200000`, `1,200,000`, `1.200.000`,
/// `1 200 000`, `1.2M`, `1,2M`, `350k`, `€350k`, `EUR 1.200.000,50`, `1.2E+06`.
///
/// The rule (README, "Amounts"): `.`, `,`, spaces, `'` and `_` group thousands, in threes;
/// a `.` or `,` that ends the number and is not repeated is the decimal separator when
/// another separator comes before it (`1.200.000,50`, `1,200.5`) or when fewer or more
/// than three digits follow it (`1,2M`, `0,75`, `1234,567`). A single `.` or `,` between
/// one to three digits and exactly three (`1,200`, `2.500k`) reads both ways and is
/// refused with both readings shown.
extension Money {
    /// An amount in whole currency units (rounded), from 0 to `maximum`.
    public static func parse(_ raw: String) throws(InputError) -> Int {
        let (body, factor) = try numberAndFactor(raw)
        let number: Double
        if body.contains(where: { $0 == "e" }) {
            guard let value = Double(body), value.isFinite else { throw notAnAmount(raw) }
            number = value
        } else {
            number = try readGrouped(body, raw: raw)
        }
        let amount = (number * factor).rounded()
        guard amount <= Double(maximum) else {
            throw InputError("'\(raw)' is too large; an amount is from 0 to \(grouped(maximum))")
        }
        return Int(amount)
    }

    /// The number's text without its currency and its `k`/`M` suffix, and that suffix's factor.
    private static func numberAndFactor(_ raw: String) throws(InputError) -> (String, Double) {
        var text = raw.lowercased().trimmingSpaces()
        text = String(text.drop(while: { !$0.isNumber && $0 != "." && $0 != "," && $0 != "-" }))
        for currency in ["eur", "usd", "gbp", "chf", "jpy", "€", "$", "£", "¥"] where text.hasSuffix(currency)
        {
            text.removeLast(currency.count)
        }
        text = text.trimmingSpaces()
        if text.hasPrefix("-") { throw InputError("'\(raw)' is negative; an amount must be 0 or more") }
        var factor = 1.0
        if text.hasSuffix("k") {
            factor = 1_000
        } else if text.hasSuffix("m") {
            factor = 1_000_000
        }
        if factor > 1 {
            text.removeLast()
            text = text.trimmingSpaces()
        }
        guard !text.isEmpty else { throw notAnAmount(raw) }
        return (text, factor)
    }

    /// Digits with thousands separators and at most one decimal separator, by the rule above.
    private static func readGrouped(_ text: String, raw: String) throws(InputError) -> Double {
        var groups: [String] = [""]
        var separators: [Character] = []
        for ch in text {
            if ch.isASCII && ch.isNumber {
                groups[groups.count - 1].append(ch)
            } else if groupSeparators.contains(ch) {
                guard !groups[groups.count - 1].isEmpty || (groups.count == 1 && ch != " ") else {
                    throw notAnAmount(raw)
                }
                separators.append(ch)
                groups.append("")
            } else {
                throw notAnAmount(raw)
            }
        }
        guard !separators.isEmpty else { return Double(text) ?? 0 }
        guard !groups[groups.count - 1].isEmpty else { throw notAnAmount(raw) }
        let decimal = try hasDecimalPart(groups: groups, separators: separators, raw: raw)
        let whole = decimal ? groups.dropLast() : groups[...]
        let thousands = decimal ? separators.dropLast() : separators[...]
        if let first = thousands.first {
            let wellGrouped =
                thousands.allSatisfy({ $0 == first || ($0.isWhitespace && first.isWhitespace) })
                && (1...3).contains(whole[whole.startIndex].count)
                && whole.dropFirst().allSatisfy({ $0.count == 3 })
            guard wellGrouped else {
                throw InputError(
                    "'\(raw)' is not an amount: digits between thousands separators come in threes, "
                        + "with one kind of separator (1,200,000 or 1.200.000 or 1 200 000)"
                )
            }
        }
        let integer = whole.joined()
        let fraction = decimal ? groups[groups.count - 1] : ""
        return Double((integer.isEmpty ? "0" : integer) + "." + (fraction.isEmpty ? "0" : fraction)) ?? 0
    }

    /// Whether the last separator is a decimal one; throws when it reads both ways.
    private static func hasDecimalPart(
        groups: [String],
        separators: [Character],
        raw: String
    ) throws(InputError) -> Bool {
        let last = separators[separators.count - 1]
        guard last == "." || last == "," else { return false }
        if separators.dropLast().contains(last) { return false }
        if separators.count > 1 { return true }
        let before = groups[0]
        let after = groups[1]
        guard after.count == 3, (1...3).contains(before.count), !before.hasPrefix("0") else { return true }
        let asThousands = Money.grouped(Int(before + after) ?? 0)
        let asDecimal = Money.trimmed(before + "." + after)
        throw InputError(
            "'\(raw)' reads two ways: \(asThousands) (\(last) groups thousands) or \(asDecimal) "
                + "(\(last) is the decimal separator); write \(before + after) or \(asDecimal)"
        )
    }

    /// The characters that may group thousands.
    private static let groupSeparators: Set<Character> = [".", ",", " ", "'", "_", "\u{A0}", "\u{202F}"]

    private static func notAnAmount(_ raw: String) -> InputError {
        InputError("'\(raw)' is not an amount; expected a number such as 1200000, 1.200.000, 1,2M or 350k")
    }
}
