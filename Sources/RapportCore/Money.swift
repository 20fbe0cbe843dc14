/// Reading and writing account values (whole currency units).
public enum Money {
    /// Accepts `1200000`, `1,200,000`, `1.2M`, `350k`, `€350k`, `EUR 350k`.
    public static func parse(_ raw: String) throws(InputError) -> Int {
        var text = raw.trimmingSpaces().lowercased()
        text = String(text.drop(while: { !$0.isNumber && $0 != "." && $0 != "-" }))
            .replacingText(",", with: "").replacingText("_", with: "")
            .replacingText(" ", with: "")
        var factor = 1.0
        if text.hasSuffix("k") {
            factor = 1_000
            text.removeLast()
        } else if text.hasSuffix("m") {
            factor = 1_000_000
            text.removeLast()
        }
        guard let number = Double(text), number.isFinite else {
            throw InputError("'\(raw)' is not an amount; expected a number such as 1200000, 1.2M or 350k")
        }
        guard number >= 0 else { throw InputError("'\(raw)' is negative; an amount must be 0 or more") }
        let amount = (number * factor).rounded()
        guard amount <= Double(maximum) else {
            throw InputError("'\(raw)' is too large; an amount is from 0 to \(grouped(maximum))")
        }
        return Int(amount)
    }

    /// The largest amount accepted: just under a quadrillion, far below what an `Int`
    /// holds (and exact as a `Double`).
    public static let maximum = 999_999_999_999_999

    /// A compact amount for tables: `€1.24M`, `€350k`, `€9,500`.
    public static func short(_ amount: Int, currency: String) -> String {
        let symbol = self.symbol(currency)
        let value = Double(amount)
        if amount >= 1_000_000 { return symbol + trimmed((value / 1_000_000).fixed(places: 2)) + "M" }
        if amount >= 10_000 { return symbol + "\(Int((value / 1_000).rounded()))k" }
        return symbol + grouped(amount)
    }

    /// A full amount: `€1,240,000`.
    public static func full(_ amount: Int, currency: String) -> String { symbol(currency) + grouped(amount) }

    static func symbol(_ currency: String) -> String {
        switch currency.uppercased() {
        case "EUR": return "€"
        case "USD": return "$"
        case "GBP": return "£"
        case "JPY": return "¥"
        default: return currency.uppercased() + " "
        }
    }

    static func grouped(_ amount: Int) -> String {
        // The magnitude, which `Int.min` has too (`abs` would trap on it).
        let digits = String(amount.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (amount < 0 ? "-" : "") + out
    }

    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
