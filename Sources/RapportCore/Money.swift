/// Reading and writing account values (whole currency units).
public enum Money {
    /// The largest amount accepted: just under a quadrillion, far below what an `Int`
    /// holds (and exact as a `Double`).
    public static let maximum = 999_999_999_999_999

    /// `a + b`, held at `Int.max` rather than overflowing: amounts reach `maximum` each, so
    /// ten thousand of them would.
    public static func sum(_ a: Int, _ b: Int) -> Int {
        let (total, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : total
    }

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

    /// The amount with its thousands grouped by commas, without a currency: `1,200,000`.
    public static func grouped(_ amount: Int) -> String {
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
