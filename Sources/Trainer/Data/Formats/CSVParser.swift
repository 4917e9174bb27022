/// Reads RFC 4180 CSV: fields separated by commas, a field with commas, quotes or line breaks
/// quoted with `"` and its quotes doubled; a header row naming the text and label columns.
///
/// A record may span several lines (a line break inside quotes); errors name the line where
/// the record starts. The labels field is one label or several joined by commas. Blank lines
/// between records are ignored. Strict about quotes, because a lenient reader silently merges
/// or splits examples: a quote in an unquoted field, or text after a closing quote, is an error.
struct CSVParser: RecordParser {
    let rules: LabelRules
    let textColumn: String
    let labelColumn: String
    /// The longest record accepted, in bytes, so an unbalanced quote cannot swallow a whole file.
    let limit: Int

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    private enum Header {
        case unread
        case columns(count: Int, text: Int, labels: Int)
        /// The header lacked a column: the file's records cannot be read.
        case unusable
    }

    private var header = Header.unread
    // The record being read, while `start` is not nil.
    private var start: SourceLocation? = nil
    private var firstLine = ""
    private var byteCount = 0
    private var fields: [String] = []
    private var field: [UInt8] = []

    init(rules: LabelRules, textColumn: String, labelColumn: String, limit: Int) {
        self.rules = rules
        self.textColumn = textColumn
        self.labelColumn = labelColumn
        self.limit = limit
    }

    mutating func parse(_ line: [UInt8], at location: SourceLocation) throws(DataError) -> Example? {
        // A record spans lines only inside a quoted field, so an open record means open quotes.
        let continuing = start != nil
        let recordStart: SourceLocation
        if let start {
            recordStart = start
            field.append(0x0A)
        } else {
            let text = String(decoding: line, as: UTF8.self)
            if text.isBlank { return nil }
            recordStart = location
            start = location
            firstLine = text
        }
        byteCount += line.count + 1
        guard byteCount <= limit else { throw .recordTooLong(at: recordStart, limit: limit) }
        guard try scan(line, inQuotes: continuing, at: recordStart) else { return nil }
        fields.append(String(decoding: field, as: UTF8.self))
        let record = fields, excerpt = firstLine
        reset()
        return try example(from: record, at: recordStart, excerpt: excerpt)
    }

    mutating func reset() {
        start = nil
        firstLine = ""
        fields = []
        field = []
        byteCount = 0
    }

    func finish() throws(DataError) {
        if let start { throw .unbalancedQuote(at: start, excerpt: DataError.excerpt(firstLine)) }
    }

    /// Splits `line` into fields; `true` if the record ends with the line, `false` if a quoted
    /// field runs on to the next.
    private mutating func scan(_ line: [UInt8], inQuotes: Bool, at location: SourceLocation) throws(DataError) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var state: State = inQuotes ? .quoted : .fieldStart
        for byte in line {
            switch state {
            case .fieldStart:
                if byte == quote { state = .quoted }
                else if byte == comma { endField() }
                else { field.append(byte); state = .unquoted }
            case .unquoted:
                if byte == comma { endField(); state = .fieldStart }
                else if byte == quote { throw .strayQuote(at: location, excerpt: DataError.excerpt(firstLine)) }
                else { field.append(byte) }
            case .quoted:
                if byte == quote { state = .afterQuote } else { field.append(byte) }
            case .afterQuote:
                if byte == quote { field.append(quote); state = .quoted }
                else if byte == comma { endField(); state = .fieldStart }
                else { throw .textAfterQuote(at: location, excerpt: DataError.excerpt(firstLine)) }
            }
        }
        return state != .quoted
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field = []
    }

    /// The header's columns, or the example a record holds; `excerpt` is its first line.
    private mutating func example(from record: [String], at location: SourceLocation,
                                  excerpt: String) throws(DataError) -> Example? {
        switch header {
        case .unusable:
            return nil
        case .unread:
            let names = record.map { String($0.trimmingWhitespace()) }
            for column in [textColumn, labelColumn] where !names.contains(column) {
                header = .unusable
                throw .missingColumn(at: location, column: column, header: names)
            }
            header = .columns(count: names.count, text: names.firstIndex(of: textColumn) ?? 0,
                              labels: names.firstIndex(of: labelColumn) ?? 0)
            return nil
        case .columns(let count, let textIndex, let labelIndex):
            guard record.count == count, record.indices.contains(textIndex),
                  record.indices.contains(labelIndex) else {
                throw .fieldCount(at: location, count: record.count, expected: count)
            }
            let labelField = record[labelIndex]
            let labels = try rules.check(LabelRules.split(labelField[...]), at: location, format: .csv,
                                         source: excerpt)
            let sentence = record[textIndex].trimmingWhitespace()
            guard !sentence.isEmpty else { throw .emptySentence(at: location, excerpt: DataError.excerpt(excerpt)) }
            return Example(text: String(sentence), labels: labels, source: location)
        }
    }
}
