/// Everything that can be wrong with labelled data, with where it is and what it says.
///
/// Every message is worded here and nowhere else. Messages about a line read `FILE:LINE: reason`
/// and quote the offending text (cut to about 60 characters, see ``excerpt(_:)``) so a person
/// can find and fix it; messages about a whole file name the file.
public enum DataError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    // MARK: Files

    /// ``DatasetReader/read(paths:)`` was given no paths.
    case noPaths
    /// A named file or directory does not exist.
    case noSuchFile(path: String)
    /// A named file exists but may not be read.
    case permissionDenied(path: String)
    /// Reading a file failed for another reason, described by the system.
    case readFailed(path: String, detail: String)
    /// A named file's extension is not one of a ``DataFormat``'s and no format was given.
    case unknownExtension(path: String)
    /// A named directory holds no file with a known extension, at any depth.
    case noDataFiles(directory: String)
    /// A file holds no examples (it is empty, or holds only comments, blank lines or a header).
    case noExamples(file: String)
    /// Bad lines were skipped and not a single example was left; `first` describes the first
    /// of them (`FILE:LINE: reason`), so the error still names a line.
    case nothingRead(skipped: Int, first: String?)

    // MARK: Lines, all formats

    /// A line is not valid UTF-8; `byte` is the 1-based offset of the first bad byte in the line.
    case invalidUTF8(at: SourceLocation, byte: Int, excerpt: String)
    /// A line is longer than the reader accepts.
    case lineTooLong(at: SourceLocation, length: Int, limit: Int)
    /// An example has no labels.
    case missingLabels(at: SourceLocation, format: DataFormat, excerpt: String)
    /// A list of labels has an empty item (`denial,,none`, a trailing comma, `__label__` alone).
    case emptyLabel(at: SourceLocation, excerpt: String)
    /// A label is not in the reader's list; `suggestion` is the closest one, if any is close.
    case unknownLabel(at: SourceLocation, label: String, suggestion: String?, known: [String])
    /// With no list of labels, a label is not made of the letters a–z and `_`.
    case invalidLabelName(at: SourceLocation, label: String)
    /// The same label is given twice for one example.
    case repeatedLabel(at: SourceLocation, label: String)
    /// `none` is given together with another label.
    case noneCombined(at: SourceLocation, labels: [String])
    /// An example's sentence is empty or only whitespace.
    case emptySentence(at: SourceLocation, excerpt: String)

    // MARK: Lines, per format

    /// TSV: a line has no TAB between labels and sentence.
    case missingTab(at: SourceLocation, excerpt: String)
    /// TSV: a line has more than one TAB (a third column, or a TAB in the sentence).
    case extraTab(at: SourceLocation, excerpt: String)
    /// CSV: a quoted field is still open at the end of the file.
    case unbalancedQuote(at: SourceLocation, excerpt: String)
    /// CSV: a quote inside a field that does not start with one.
    case strayQuote(at: SourceLocation, excerpt: String)
    /// CSV: something other than a comma or the end of the line after a closing quote.
    case textAfterQuote(at: SourceLocation, excerpt: String)
    /// CSV: a record (usually one with an unbalanced quote) grew longer than the limit.
    case recordTooLong(at: SourceLocation, limit: Int)
    /// CSV: the header has no column of this name.
    case missingColumn(at: SourceLocation, column: String, header: [String])
    /// CSV: a record has a different number of fields than the header.
    case fieldCount(at: SourceLocation, count: Int, expected: Int)
    /// JSON Lines: a line is not JSON.
    case invalidJSON(at: SourceLocation, excerpt: String)
    /// JSON Lines: a line is JSON but not an object.
    case notAnObject(at: SourceLocation, excerpt: String)
    /// JSON Lines: an object lacks `"text"`, or both `"labels"` and `"label"`.
    case missingField(at: SourceLocation, field: String, excerpt: String)
    /// JSON Lines: `"text"` or `"label"` is not a string, or `"labels"` not an array of strings.
    case wrongType(at: SourceLocation, field: String, excerpt: String)
    /// JSON Lines: an object has both `"labels"` and `"label"`.
    case bothLabelFields(at: SourceLocation, excerpt: String)

    /// The line the problem is on, if it is about one line.
    public var location: SourceLocation? {
        switch self {
        case .noPaths, .noSuchFile, .permissionDenied, .readFailed, .unknownExtension, .noDataFiles,
             .noExamples, .nothingRead:
            return nil
        case .invalidUTF8(let at, _, _), .lineTooLong(let at, _, _), .missingLabels(let at, _, _),
             .emptyLabel(let at, _), .unknownLabel(let at, _, _, _), .invalidLabelName(let at, _),
             .repeatedLabel(let at, _), .noneCombined(let at, _), .emptySentence(let at, _),
             .missingTab(let at, _), .extraTab(let at, _), .unbalancedQuote(let at, _),
             .strayQuote(let at, _), .textAfterQuote(let at, _), .recordTooLong(let at, _),
             .missingColumn(let at, _, _), .fieldCount(let at, _, _), .invalidJSON(let at, _),
             .notAnObject(let at, _), .missingField(let at, _, _), .wrongType(let at, _, _),
             .bothLabelFields(let at, _):
            return at
        }
    }

    /// The message, `FILE:LINE: reason` for a problem on a line.
    public var description: String {
        guard let location else { return reason }
        return "\(location): \(reason)"
    }

    /// The message without the location.
    public var reason: String {
        switch self {
        case .noPaths:
            return "no data files named"
        case .noSuchFile(let path):
            return "cannot read '\(path)': no such file"
        case .permissionDenied(let path):
            return "cannot read '\(path)': permission denied"
        case .readFailed(let path, let detail):
            return "cannot read '\(path)': \(detail)"
        case .unknownExtension(let path):
            return "cannot tell the format of '\(path)' from its extension; "
                + "rename it to one of \(DataFormat.allExtensionsList) or name the format"
        case .noDataFiles(let directory):
            return "no data files (\(DataFormat.allExtensionsList)) in directory '\(directory)'"
        case .noExamples(let file):
            return "\(file): no examples"
        case .nothingRead(let skipped, let first):
            return "no examples (\(skipped) bad \(skipped == 1 ? "line" : "lines") skipped"
                + (first.map { "; the first: \($0)" } ?? "") + ")"

        case .invalidUTF8(_, let byte, let excerpt):
            return "invalid UTF-8 at byte \(byte) in '\(excerpt)'; save the file as UTF-8"
        case .lineTooLong(_, let length, let limit):
            return "line is \(length) bytes long; the limit is \(limit)"
        case .missingLabels(_, let format, let excerpt):
            switch format {
            case .fasttext: return "no '__label__NAME' before the sentence in '\(excerpt)'"
            case .tsv: return "no labels before the TAB in '\(excerpt)'"
            case .csv, .jsonl: return "no labels in '\(excerpt)'"
            }
        case .emptyLabel(_, let excerpt):
            return "empty label in '\(excerpt)'"
        case .unknownLabel(_, let label, let suggestion, let known):
            if let suggestion { return "unknown label '\(label)' (did you mean '\(suggestion)'?)" }
            return "unknown label '\(label)' (the labels are \(known.joined(separator: ", ")))"
        case .invalidLabelName(_, let label):
            return "invalid label '\(Self.excerpt(label))'; labels are made of the letters a–z and '_'"
        case .repeatedLabel(_, let label):
            return "label '\(label)' given twice"
        case .noneCombined(_, let labels):
            return "'none' combined with other labels in '\(labels.joined(separator: ","))'; 'none' stands alone"
        case .emptySentence(_, let excerpt):
            return "empty sentence in '\(excerpt)'"

        case .missingTab(_, let excerpt):
            return "missing TAB between labels and sentence in '\(excerpt)'"
        case .extraTab(_, let excerpt):
            return "more than one TAB in '\(excerpt)'; a line is LABELS<TAB>SENTENCE"
        case .unbalancedQuote(_, let excerpt):
            return "unbalanced quote: the quoted field opened in '\(excerpt)' is never closed"
        case .strayQuote(_, let excerpt):
            return "quote inside an unquoted field in '\(excerpt)'; quote the whole field and double the quotes in it"
        case .textAfterQuote(_, let excerpt):
            return "text after a closing quote in '\(excerpt)'; double the quotes inside a quoted field"
        case .recordTooLong(_, let limit):
            return "record is longer than \(limit) bytes; is a quote unbalanced?"
        case .missingColumn(_, let column, let header):
            return "no column '\(column)' in the header (columns: \(header.map { "'\(Self.excerpt($0))'" }.joined(separator: ", ")))"
        case .fieldCount(_, let count, let expected):
            return "record has \(count) \(count == 1 ? "field" : "fields"); the header has \(expected)"
        case .invalidJSON(_, let excerpt):
            return "invalid JSON in '\(excerpt)'"
        case .notAnObject(_, let excerpt):
            return "expected an object like {\"text\": \"…\", \"labels\": [\"…\"]} in '\(excerpt)'"
        case .missingField(_, let field, let excerpt):
            return "missing \"\(field)\" in '\(excerpt)'"
        case .wrongType(_, let field, let excerpt):
            let expected = field == "labels" ? "an array of strings" : "a string"
            return "\"\(field)\" is not \(expected) in '\(excerpt)'"
        case .bothLabelFields(_, let excerpt):
            return "both \"labels\" and \"label\" in '\(excerpt)'; give one"
        }
    }

    /// The longest excerpt, in Unicode scalars, before the ellipsis.
    static let excerptLength = 60

    /// `text` cut to about ``excerptLength`` scalars for quoting in a message, at a space when
    /// one is near, with `…` after a cut; TAB, CR and LF are shown as `\t`, `\r`, `\n`.
    static func excerpt(_ text: String) -> String {
        // Built in an array and converted once: appending to a string's scalars is slow.
        var out: [Unicode.Scalar] = []
        var lastSpace: (scalars: Int, index: Int)? = nil
        var count = 0
        var truncated = false
        for scalar in text.unicodeScalars {
            if count == excerptLength {
                truncated = true
                break
            }
            switch scalar {
            case "\t": out += ["\\", "t"]
            case "\r": out += ["\\", "r"]
            case "\n": out += ["\\", "n"]
            case " ":
                lastSpace = (count, out.count)
                out.append(scalar)
            default: out.append(scalar)
            }
            count += 1
        }
        // Cut at a word boundary if that loses little.
        if truncated, let lastSpace, count - lastSpace.scalars <= 15 {
            out.removeSubrange(lastSpace.index...)
        }
        if truncated { out.append("…") }
        var result = ""
        result.unicodeScalars.append(contentsOf: out)
        return result
    }
}
