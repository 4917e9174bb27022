import Classifier

/// Splits an article into sentences, classifies each with its place in the article, and ends
/// with a summary of how many sentences carry each label.
struct ArticlePipeline {
    let model: StanceModel
    let options: StanceOptions
    let report: Report

    /// Reads the article at `path` (`-` for standard input; at most ``Stance/articleLimit``
    /// bytes) and writes its sentences' results and summary.
    func classify(_ path: String, into sink: inout OutputSink) throws(StanceError) {
        var reader = try LineReader(path: path)
        defer { reader.closeFile() }
        let article = String(decoding: try reader.readAll(limit: Stance.articleLimit), as: UTF8.self)
        let sentences = SentenceSplitter.split(article)

        var bytes: [UInt8] = []
        var lines: [Range<Int>] = []
        var offsets: [SentenceOffsets] = []
        var widest = 0
        for sentence in sentences {
            let start = bytes.count
            bytes.append(contentsOf: sentence.text.utf8)
            lines.append(start..<bytes.count)
            offsets.append(SentenceOffsets(start: sentence.start, end: sentence.end))
            widest = max(widest, decimalDigits(sentence.start) + 1 + decimalDigits(sentence.end))
        }
        let formatter = ResultFormatter(format: options.format, report: report, labels: model.labels, offsetsWidth: widest)
        var classifier = BatchClassifier(model: model, formatter: formatter, explain: options.explain, threads: options.threads)
        try bytes.withUnsafeBufferPointer { b throws(StanceError) in
            var first = 0
            while first < lines.count {
                let last = min(first + Stance.batchSize, lines.count)
                try classifier.classify(b, lines: Array(lines[first..<last]), offsets: Array(offsets[first..<last]), into: &sink)
                first = last
            }
        }
        let (count, counts) = classifier.summary
        formatter.appendSummary(sentences: count, counts: counts, into: &sink.buffer)
        try sink.endLine()
    }

    private func decimalDigits(_ n: Int) -> Int {
        var n = n, digits = 1
        while n >= 10 { n /= 10; digits += 1 }
        return digits
    }
}
