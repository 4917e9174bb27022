/// An aligned table for a terminal: names left-aligned, numbers right-aligned, columns two
/// spaces apart, no trailing spaces.
///
/// Widths count Unicode scalars, which is right for the ASCII labels and numbers it holds.
struct TextTable {
    private var rows: [[String]] = []
    /// The columns aligned left; the others are aligned right.
    private let leftColumns: Set<Int>

    /// A table whose `leftColumns` are aligned left (by default only the first).
    init(leftColumns: Set<Int> = [0]) { self.leftColumns = leftColumns }

    /// Adds a row; rows may have different numbers of cells.
    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table, one line per row, each ending in a newline.
    var text: String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], cell.unicodeScalars.count) } }
        var text = ""
        for row in rows {
            var line = ""
            for (c, cell) in row.enumerated() {
                let fill = String(repeating: " ", count: widths[c] - cell.unicodeScalars.count)
                if c > 0 { line += "  " }
                line += leftColumns.contains(c) ? cell + fill : fill + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
