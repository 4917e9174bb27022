/// Reads `LABELS<TAB>SENTENCE` lines, the format of `Data/` (see `LABELING.md`).
///
/// Lines starting with `#` and blank lines are ignored. LABELS is one label or several joined
/// by commas; the sentence may not be empty and may not hold another TAB.
struct TSVParser: RecordParser {
    let rules: LabelRules
    let linesAreIndependent = true

    func parse(_ line: [UInt8], at location: SourceLocation) throws(DataError) -> Example? {
        if line.first == UInt8(ascii: "#") { return nil }
        let text = String(decoding: line, as: UTF8.self)
        if text.isBlank { return nil }
        // The tabs are looked for in the bytes: the string's UTF-8 view searches far slower.
        guard let tabOffset = line.firstIndex(of: 0x09) else {
            throw .missingTab(at: location, excerpt: DataError.excerpt(text))
        }
        if line[(tabOffset + 1)...].contains(0x09) {
            throw .extraTab(at: location, excerpt: DataError.excerpt(text))
        }
        let tab = text.utf8.index(text.utf8.startIndex, offsetBy: tabOffset)
        let afterTab = text.utf8.index(after: tab)
        let labels = try rules.check(LabelRules.split(text[..<tab]), at: location, format: .tsv, source: text)
        let sentence = text[afterTab...].trimmingWhitespace()
        guard !sentence.isEmpty else { throw .emptySentence(at: location, excerpt: DataError.excerpt(text)) }
        return Example(text: String(sentence), labels: labels, source: location)
    }
}
