/// Reads fastText's supervised format: `__label__denial __label__accusation sentence…`.
///
/// The labels are the leading space-separated words that start with `__label__`; the rest of
/// the line is the sentence. Blank lines are ignored.
struct FastTextParser: RecordParser {
    let rules: LabelRules
    let linesAreIndependent = true

    static let prefix = "__label__"

    func parse(_ line: [UInt8], at location: SourceLocation) throws(DataError) -> Example? {
        let text = String(decoding: line, as: UTF8.self)
        if text.isBlank { return nil }
        var rest = text.trimmingWhitespace()
        var items: [Substring] = []
        // By bytes, not `Character`s: a combining mark after `__label__` must not hide the prefix.
        while rest.utf8.starts(with: Self.prefix.utf8) {
            let word = rest.unicodeScalars.firstIndex(where: \.properties.isWhitespace) ?? rest.endIndex
            items.append(rest[rest.utf8.index(rest.startIndex, offsetBy: Self.prefix.utf8.count)..<word])
            rest = rest[word...].trimmingWhitespace()
        }
        let labels = try rules.check(items, at: location, format: .fasttext, source: text)
        guard !rest.isEmpty else { throw .emptySentence(at: location, excerpt: DataError.excerpt(text)) }
        return Example(text: String(rest), labels: labels, source: location)
    }
}
