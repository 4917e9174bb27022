/// The layouts of labelled data the ``DatasetReader`` understands.
public enum DataFormat: String, Sendable, CaseIterable {
    /// `LABELS<TAB>SENTENCE`, one example a line, `#` comments and blank lines ignored: the
    /// format of `Data/` (see `LABELING.md`).
    case tsv
    /// fastText's `__label__denial __label__accusation sentence…`, labels first.
    case fasttext
    /// RFC 4180 CSV with a header row naming the text and label columns.
    case csv
    /// JSON Lines: `{"text": "…", "labels": ["denial"]}` (or `"label": "denial"`) a line.
    case jsonl

    /// The file-name extensions (lower case, without the dot) that mean this format.
    public var fileExtensions: [String] {
        switch self {
        case .tsv: ["tsv"]
        case .fasttext: ["txt", "ft", "fasttext"]
        case .csv: ["csv"]
        case .jsonl: ["jsonl", "ndjson"]
        }
    }

    /// The format a file name's extension implies (case-insensitively), or `nil` if it names none.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."),
              !path[path.index(after: dot)...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        guard let format = Self.allCases.first(where: { $0.fileExtensions.contains(ext) }) else { return nil }
        self = format
    }

    /// Every known extension, with dots, for messages: `.tsv, .txt, .ft, …`.
    static var allExtensionsList: String {
        allCases.flatMap(\.fileExtensions).map { "." + $0 }.joined(separator: ", ")
    }
}
