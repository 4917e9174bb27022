import Classifier

/// Classifies sentences one line each, from the arguments or from a stream of any size, writing
/// result line `i` for input line `i`.
struct StreamPipeline {
    private var classifier: BatchClassifier

    init(model: StanceModel, options: StanceOptions, report: Report) {
        let formatter = ResultFormatter(format: options.format, report: report, labels: model.labels)
        classifier = BatchClassifier(model: model, formatter: formatter, explain: options.explain, threads: options.threads)
    }

    /// Classifies each of `sentences`.
    mutating func classify(_ sentences: [String], into sink: inout OutputSink) throws(StanceError) {
        var bytes: [UInt8] = []
        var lines: [Range<Int>] = []
        for sentence in sentences {
            let start = bytes.count
            bytes.append(contentsOf: sentence.utf8)
            lines.append(start..<bytes.count)
        }
        try bytes.withUnsafeBufferPointer { b throws(StanceError) in try classifier.classify(b, lines: lines, into: &sink) }
    }

    /// Classifies each line of `path` (`-` for standard input), a batch at a time, in constant
    /// memory. Output is written before every read, so nothing waits in the buffer while the
    /// input is slow.
    mutating func classifyLines(of path: String, into sink: inout OutputSink) throws(StanceError) {
        var reader = try LineReader(path: path)
        defer { reader.closeFile() }
        try reader.forEachBatch(limit: Stance.batchSize, beforeReading: { () throws(StanceError) in try sink.flush() }) {
            (bytes, lines) throws(StanceError) in
            try classifier.classify(bytes, lines: lines, into: &sink)
        }
    }
}
