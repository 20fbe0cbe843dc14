/// One card of a vCard file (3.0 or 4.0), read for what a contact holds: the name
/// (`FN`, else `N`'s given and family names), `TITLE`, and the preferred `EMAIL` and `TEL`
/// (marked `pref`, else the first).
public struct VCard: Equatable, Sendable {
    /// The line of its `BEGIN:VCARD`.
    public var line: Int
    public var name: String
    public var title: String
    public var email: String
    public var phone: String

    public init(line: Int, name: String, title: String = "", email: String = "", phone: String = "") {
        self.line = line
        self.name = name
        self.title = title
        self.email = email
        self.phone = phone
    }

    /// The versions read.
    public static let versions = ["3.0", "4.0"]

    /// The cards of a file and the cards that cannot be read, each with the line it
    /// starts on and the reason.
    public static func read(_ text: String) -> (cards: [VCard], issues: [ImportIssue]) {
        let (lines, problems) = ContentLines.read(text)
        var cards: [VCard] = []
        var issues = problems
        var open: [ContentLine]?
        var start = 0
        for line in lines {
            switch (line.name, line.text.uppercased()) {
            case ("BEGIN", "VCARD"):
                if open != nil {
                    issues.append(ImportIssue(line: start, column: nil, message: "the card has no END:VCARD"))
                }
                open = []
                start = line.line
            case ("END", "VCARD"):
                guard let body = open else {
                    issues.append(
                        ImportIssue(line: line.line, column: nil, message: "END:VCARD without BEGIN:VCARD"))
                    continue
                }
                switch card(body, line: start) {
                case .success(let c): cards.append(c)
                case .failure(let issue): issues.append(issue)
                }
                open = nil
            default:
                if open != nil {
                    open!.append(line)
                } else {
                    issues.append(
                        ImportIssue(
                            line: line.line, column: nil,
                            message: "\(line.name) is outside a card (BEGIN:VCARD … END:VCARD)"))
                }
            }
        }
        if open != nil {
            issues.append(ImportIssue(line: start, column: nil, message: "the card has no END:VCARD"))
        }
        issues.sort { $0.line < $1.line }
        return (cards, issues)
    }

    /// A card from the lines between its BEGIN and END.
    static func card(_ lines: [ContentLine], line: Int) -> Result<VCard, ImportIssue> {
        func issue(_ at: Int, _ message: String) -> Result<VCard, ImportIssue> {
            .failure(ImportIssue(line: at, column: nil, message: message))
        }
        if let qp = lines.first(where: {
            $0.has("ENCODING", "QUOTED-PRINTABLE") || $0.has("TYPE", "QUOTED-PRINTABLE")
        }) {
            return issue(
                qp.line,
                "\(qp.name) is quoted-printable (vCard 2.1), which is not read; "
                    + "export the contacts as vCard 3.0 or 4.0")
        }
        let version = lines.first { $0.name == "VERSION" }?.text.trimmingWhitespace()
        guard let version, versions.contains(version) else {
            return issue(
                line,
                (version.map { "vCard \($0) is not read" } ?? "the card has no VERSION")
                    + "; accepted: vCard \(versions.joined(separator: " and "))")
        }
        var card = VCard(line: line, name: "")
        if let fn = lines.first(where: { $0.name == "FN" })?.text.trimmingWhitespace(), !fn.isEmpty {
            card.name = fn
        } else if let n = lines.first(where: { $0.name == "N" }) {
            // family; given; additional; prefixes; suffixes
            let c = n.components.map { $0.trimmingWhitespace() } + ["", "", "", "", ""]
            card.name = [c[1], c[2], c[0]].filter { !$0.isEmpty }.joined(separator: " ")
        }
        guard !card.name.isEmpty else { return issue(line, "the card has no name (FN or N)") }
        card.title = lines.first { $0.name == "TITLE" }?.text.trimmingWhitespace() ?? ""
        if let email = preferred("EMAIL", in: lines) {
            var address = email.text.trimmingWhitespace()
            if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
            guard address.contains("@") else {
                return issue(email.line, "EMAIL '\(address)' is not an email address (it has no @)")
            }
            card.email = address
        }
        if let tel = preferred("TEL", in: lines) {
            var number = tel.text.trimmingWhitespace()
            if number.lowercased().hasPrefix("tel:") { number = String(number.dropFirst(4)) }
            card.phone = number
        }
        return .success(card)
    }

    /// The first non-empty `name` line marked preferred (`TYPE=pref` in 3.0, `PREF=1` in
    /// 4.0), else the first non-empty one.
    static func preferred(_ name: String, in lines: [ContentLine]) -> ContentLine? {
        let candidates = lines.filter { $0.name == name && !$0.text.trimmingWhitespace().isEmpty }
        let rank = { (l: ContentLine) -> Int in
            if l.has("TYPE", "pref") { return 0 }
            return l.parameters["PREF"].flatMap { $0.first }.flatMap { Int($0) } ?? 101
        }
        return candidates.enumerated().min { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }?
            .element
    }
}
