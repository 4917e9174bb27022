import Foundation

/// Reads labelled examples from files and directories in any ``DataFormat``.
///
/// Files are read as bytes a chunk at a time and split at LF, so memory stays bounded and every
/// error names its line: UTF-8 with or without a byte order mark, LF or CRLF line ends. Each line
/// must be valid UTF-8 (bad bytes are reported, not repaired) and at most
/// ``maximumLineLength`` bytes long. Labels are checked against ``labels``, with a suggestion
/// for a typo, and `none` never combines with another label.
///
/// By default the first bad line stops reading with its ``DataError``; with ``skipBadLines``
/// bad lines are collected in ``Dataset/skipped`` and reading goes on.
public struct DatasetReader: Sendable {
    /// The stance labels of `LABELING.md`.
    public static let standardLabels = ["denial", "accusation", "call_for_restraint", "none"]

    /// The longest line read, in bytes without the line end.
    public static let maximumLineLength = 1_000_000

    /// The path that means standard input.
    public static let standardInputPath = "-"

    /// The name standard input has in messages and locations.
    public static let standardInputName = "<stdin>"

    /// The labels allowed; `nil` allows any name made of the letters a–z and `_`.
    public var labels: [String]?
    /// The format of every file; `nil` infers it from each file's extension (standard input: TSV).
    public var format: DataFormat?
    /// Whether bad lines are collected and passed over instead of stopping the reading.
    public var skipBadLines: Bool
    /// The CSV header name of the sentence column.
    public var csvTextColumn: String
    /// The CSV header name of the labels column.
    public var csvLabelColumn: String

    /// A reader with the given rules.
    ///
    /// - Parameters:
    ///   - labels: the labels allowed, or `nil` to allow any name made of a–z and `_`.
    ///   - format: the format of every file, or `nil` to infer it from the extension.
    ///   - skipBadLines: collect bad lines in ``Dataset/skipped`` instead of throwing.
    ///   - csvTextColumn: the CSV header name of the sentence column.
    ///   - csvLabelColumn: the CSV header name of the labels column.
    public init(labels: [String]? = DatasetReader.standardLabels, format: DataFormat? = nil,
                skipBadLines: Bool = false, csvTextColumn: String = "text", csvLabelColumn: String = "labels") {
        self.labels = labels
        self.format = format
        self.skipBadLines = skipBadLines
        self.csvTextColumn = csvTextColumn
        self.csvLabelColumn = csvLabelColumn
    }

    /// The examples in the files at `paths`.
    ///
    /// A path is a file, a directory or `-` for standard input (TSV unless ``format`` is
    /// given). Directories are searched at any depth for files with a known extension, skipping
    /// hidden ones, and their files are read in order of path, so the result never depends on
    /// the file system's order. Every path is checked before any file is read.
    ///
    /// - Throws: ``DataError`` for a missing or unreadable path, a file of unknown format, a
    ///   directory without data files, a file without examples or (unless ``skipBadLines``) the
    ///   first bad line.
    /// - Complexity: O(n) in the total size of the files.
    public func read(paths: [String]) throws(DataError) -> Dataset {
        guard !paths.isEmpty else { throw .noPaths }
        var inputs: [(path: String, format: DataFormat)] = []
        for path in paths { inputs += try Self.inputFiles(at: path, format: format) }
        var dataset = Dataset(examples: [], skipped: [], files: [])
        for input in inputs {
            try read(input.path, as: input.format, into: &dataset)
        }
        if dataset.examples.isEmpty {
            let bad = dataset.skipped.filter { $0.location != nil }
            throw .nothingRead(skipped: bad.count, first: bad.first?.description)
        }
        return dataset
    }

    /// Appends the examples of the file at `path` to `dataset`.
    private func read(_ path: String, as format: DataFormat, into dataset: inout Dataset) throws(DataError) {
        let name = path == Self.standardInputPath ? Self.standardInputName : path
        let handle = try Self.open(path)
        defer { if path != Self.standardInputPath { try? handle.close() } }
        var lines = LineReader(handle: handle, path: name, limit: Self.maximumLineLength)
        var parser = makeParser(for: format)
        let before = dataset.examples.count

        func reject(_ error: DataError) throws(DataError) {
            guard skipBadLines else { throw error }
            dataset.skipped.append(error)
        }
        func take(_ outcome: LineOutcome) throws(DataError) {
            switch outcome {
            case .example(let example): dataset.examples.append(example)
            case .nothing: break
            case .failure(let error):
                parser.reset()
                try reject(error)
            }
        }
        if parser.linesAreIndependent {
            // Lines are checked and parsed in parallel a batch at a time, then taken in order,
            // so the examples and the first error are those of reading line by line.
            var batch: [(number: Int, line: LineReader.Line)] = []
            batch.reserveCapacity(Self.batchSize)
            while let next = try lines.next() {
                batch.append(next)
                guard batch.count == Self.batchSize else { continue }
                for outcome in Self.outcomes(of: batch, in: name, parser: parser) { try take(outcome) }
                batch.removeAll(keepingCapacity: true)
            }
            for outcome in Self.outcomes(of: batch, in: name, parser: parser) { try take(outcome) }
        } else {
            while let (number, line) = try lines.next() {
                try take(Self.outcome(of: line, at: SourceLocation(file: name, line: number), parser: &parser))
            }
        }
        do throws(DataError) { try parser.finish() } catch { try reject(error) }
        dataset.files.append(name)
        if dataset.examples.count == before { try reject(.noExamples(file: name)) }
    }

    private func makeParser(for format: DataFormat) -> any RecordParser {
        let rules = LabelRules(known: labels)
        switch format {
        case .tsv: return TSVParser(rules: rules)
        case .fasttext: return FastTextParser(rules: rules)
        case .csv: return CSVParser(rules: rules, textColumn: csvTextColumn, labelColumn: csvLabelColumn,
                                    limit: Self.maximumLineLength)
        case .jsonl: return JSONLinesParser(rules: rules)
        }
    }
}
