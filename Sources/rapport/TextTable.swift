import RapportCore

/// A plain left-aligned text table for terminal output: columns as wide as their widest
/// cell (in characters), two spaces apart, no trailing spaces.
struct TextTable {
    private var rows: [[String]]
    /// Each row's cells' widths, as `rows`.
    private var cellWidths: [[Int]]
    private var widths: [Int]

    init(_ header: [String]) {
        rows = [header]
        widths = header.map(Self.width)
        cellWidths = [widths]
    }

    /// A row; each cell shows its control characters, line breaks and tabs included, so
    /// a cell stays on its row (`TerminalText`).
    mutating func add(_ row: [String]) {
        let cells = row.map { TerminalText.visible($0, keepingLines: false) }
        let sizes = cells.map(Self.width)
        for (i, size) in sizes.enumerated() where i < widths.count { widths[i] = max(widths[i], size) }
        rows.append(cells)
        cellWidths.append(sizes)
    }

    func render() -> String {
        var bytes: [UInt8] = []
        for r in rows.indices {
            line(r, into: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Row `r` as bytes: cells padded to their column, two spaces apart, none trailing.
    private func line(_ r: Int, into bytes: inout [UInt8]) {
        let start = bytes.count
        let row = rows[r]
        for (i, cell) in row.enumerated() {
            if i > 0 { bytes.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
            bytes.append(contentsOf: cell.utf8)
            if i < row.count - 1, i < widths.count {
                let pad = widths[i] - cellWidths[r][i]
                if pad > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pad)) }
            }
        }
        while bytes.count > start, bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
    }

    /// A cell's width in characters; for ASCII text, its byte count (counting characters
    /// walks grapheme boundaries, most of a long listing's time).
    private static func width(_ text: String) -> Int {
        var text = text
        let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? bytes.count : nil }
        return ascii ?? text.count
    }
}
