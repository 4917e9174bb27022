/// Checks the labels given for one example against the reader's list of labels.
struct LabelRules: Sendable {
    /// The labels allowed, or `nil` to allow any name made of a–z and `_`.
    let known: [String]?

    /// The label that never combines with another.
    static let none = "none"

    /// The items of a comma-joined list of labels, each without surrounding white space; no
    /// items if the list is blank.
    static func split(_ list: Substring) -> [Substring] {
        if list.isBlank { return [] }
        let bytes = list.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        }
        // ASCII, where no Character spans a comma: splitting the bytes splits the Characters,
        // without comparing graphemes (a third of the time of reading a TSV line).
        var items: [Substring] = []
        var start = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: ",") {
                items.append(list[start..<i].trimmingWhitespace())
                start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        items.append(list[start...].trimmingWhitespace())
        return items
    }

    /// The labels `items` as checked strings, in the order given.
    ///
    /// - Parameters:
    ///   - items: the labels as written, already split.
    ///   - location: where they were read.
    ///   - format: the file's format, for the wording of a missing label.
    ///   - source: the text to quote in a message (the line, or the label field).
    /// - Throws: ``DataError`` when there are no labels, one is empty, unknown, badly named or
    ///   repeated, or `none` is combined with another.
    func check(_ items: [Substring], at location: SourceLocation, format: DataFormat,
               source: String) throws(DataError) -> [String] {
        guard !items.isEmpty else {
            throw .missingLabels(at: location, format: format, excerpt: DataError.excerpt(source))
        }
        var labels: [String] = []
        labels.reserveCapacity(items.count)
        for item in items {
            let label = String(item.trimmingWhitespace())
            guard !label.isEmpty else { throw .emptyLabel(at: location, excerpt: DataError.excerpt(source)) }
            if let known {
                guard known.contains(label) else {
                    throw .unknownLabel(at: location, label: DataError.excerpt(label),
                                        suggestion: EditDistance.closest(to: label, among: known), known: known)
                }
            } else {
                guard Self.isValidName(label) else { throw .invalidLabelName(at: location, label: label) }
            }
            guard !labels.contains(label) else { throw .repeatedLabel(at: location, label: label) }
            labels.append(label)
        }
        if labels.count > 1, labels.contains(Self.none) {
            throw .noneCombined(at: location, labels: labels)
        }
        return labels
    }

    /// Whether `label` is a non-empty run of the letters a–z and `_`.
    static func isValidName(_ label: String) -> Bool {
        !label.isEmpty && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }
}
