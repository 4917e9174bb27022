import Classifier

/// Which labels a result reports.
enum Report: Equatable, Sendable {
    /// The most probable label.
    case best
    /// The `k` most probable labels, most probable first.
    case top(Int)
    /// Every label whose one-vs-rest probability reaches the threshold (`nil`: the model's).
    case multiLabel(threshold: Double?)

    /// Whether the report is made from the softmax probabilities alone.
    var isSingleLabel: Bool {
        if case .multiLabel = self { return false }
        return true
    }
}

/// Where a sentence lies in its article, in Unicode scalars.
struct SentenceOffsets: Equatable, Sendable {
    var start: Int
    var end: Int
}

/// Writes results as text, TSV or JSON Lines into a byte buffer.
///
/// Probabilities have a fixed number of decimals (2 in text, 4 in TSV and JSON) so that output
/// is stable; sentences are copied from the input bytes, never converted to `String`.
struct ResultFormatter: Sendable {
    let format: OutputFormat
    let report: Report
    /// The model's labels, in its order, and their UTF-8.
    let labels: [String]
    private let labelBytes: [[UInt8]]
    /// Width of the label column in text.
    private let labelWidth: Int
    /// Width of the offsets column in text, for articles.
    private let offsetsWidth: Int

    /// A formatter for `labels`; `offsetsWidth` is the widest `start-end` of an article.
    init(format: OutputFormat, report: Report, labels: [String], offsetsWidth: Int = 0) {
        self.format = format
        self.report = report
        self.labels = labels
        self.labelBytes = labels.map { Array($0.utf8) }
        self.labelWidth = labels.map { $0.unicodeScalars.count }.max() ?? 0
        self.offsetsWidth = offsetsWidth
    }

    /// Index of `label` among the model's labels.
    func index(of label: String) -> Int {
        labels.firstIndex(of: label) ?? 0
    }

    /// The labels a result reports (as indices), into `shown`.
    func select(_ prediction: Prediction, into shown: inout [Int]) {
        if case .multiLabel = report {
            shown.removeAll(keepingCapacity: true)
            for label in prediction.labels { shown.append(index(of: label)) }
        } else {
            select(best: index(of: prediction.label), probabilities: prediction.probabilities, into: &shown)
        }
    }

    /// The labels a single-label result reports, from the index of the most probable label
    /// and every label's probability (the allocation-free path).
    func select(best: Int, probabilities p: [Double], into shown: inout [Int]) {
        shown.removeAll(keepingCapacity: true)
        switch report {
        case .best, .multiLabel:
            shown.append(best)
        case .top(let k):
            shown.append(contentsOf: p.indices)
            shown.sort { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }
            shown.removeLast(max(0, shown.count - k))
        }
    }

    /// Appends the result line of one sentence, and in text its explanation lines.
    func appendResult(_ text: UnsafeBufferPointer<UInt8>, _ prediction: Prediction, shown: [Int], offsets: SentenceOffsets?,
                      explanation: [Explanation.Contribution]?, into out: inout [UInt8]) {
        appendResult(text, probabilities: prediction.probabilities, shown: shown, offsets: offsets, explanation: explanation,
                     into: &out)
    }

    /// Appends the result line of one sentence given every label's probability.
    func appendResult(_ text: UnsafeBufferPointer<UInt8>, probabilities p: [Double], shown: [Int], offsets: SentenceOffsets?,
                      explanation: [Explanation.Contribution]?, into out: inout [UInt8]) {
        switch format {
        case .text:
            if let offsets { appendTextOffsets(offsets, into: &out) }
            var width = 0
            for (n, label) in shown.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")); width += 1 }
                out.append(contentsOf: labelBytes[label])
                width += labels[label].unicodeScalars.count
            }
            out.appendSpaces(max(labelWidth - width, 0) + 2)
            appendList(shown, into: &out) { label, out in out.appendFixed(p[label], decimals: 2) }
            out.appendSpaces(2)
            out.appendColumnText(text)
            out.append(0x0A)
            for c in explanation ?? [] {
                out.appendSpaces(4)
                out.appendFixed(c.contribution, decimals: 4, sign: true)
                out.appendSpaces(2)
                var name = c.feature
                name.withUTF8 { out.appendColumnText($0) }
                if c.count > 1 {
                    out.append(contentsOf: "  ×".utf8)
                    out.appendInteger(c.count)
                }
                out.append(0x0A)
            }
        case .tsv:
            if let offsets {
                out.appendInteger(offsets.start)
                out.append(0x09)
                out.appendInteger(offsets.end)
                out.append(0x09)
            }
            appendList(shown, into: &out) { label, out in out.append(contentsOf: labelBytes[label]) }
            out.append(0x09)
            appendList(shown, into: &out) { label, out in out.appendFixed(p[label], decimals: 4) }
            out.append(0x09)
            out.appendColumnText(text)
            out.append(0x0A)
        case .jsonl:
            out.append(UInt8(ascii: "{"))
            if let offsets { appendJSONOffsets(offsets, into: &out) }
            out.append(ascii: "\"text\":")
            out.appendJSONString(text)
            out.append(ascii: ",\"label\":")
            out.appendJSONString(labels[shown[0]])
            out.append(ascii: ",\"labels\":[")
            appendList(shown, into: &out) { label, out in out.appendJSONString(labels[label]) }
            out.append(ascii: "],\"probabilities\":{")
            appendList(labels.indices, into: &out) { label, out in
                out.appendJSONString(labels[label])
                out.append(UInt8(ascii: ":"))
                out.appendFixed(p[label], decimals: 4)
            }
            out.append(UInt8(ascii: "}"))
            if let explanation {
                out.append(ascii: ",\"explanation\":[")
                appendList(explanation, into: &out) { c, out in
                    out.append(ascii: "{\"feature\":")
                    out.appendJSONString(c.feature)
                    out.append(ascii: ",\"count\":")
                    out.appendInteger(c.count)
                    out.append(ascii: ",\"contribution\":")
                    out.appendFixed(c.contribution, decimals: 4)
                    out.append(UInt8(ascii: "}"))
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
        }
    }

    /// Appends the result of an empty line: an empty line, or `{"text":""}` in JSON Lines.
    func appendEmpty(offsets: SentenceOffsets?, into out: inout [UInt8]) {
        if format == .jsonl {
            out.append(UInt8(ascii: "{"))
            if let offsets { appendJSONOffsets(offsets, into: &out) }
            out.append(ascii: "\"text\":\"\"}")
        }
        out.append(0x0A)
    }

    /// Appends an article's summary: how many sentences it has and how many carry each label.
    func appendSummary(sentences: Int, counts: [Int], into out: inout [UInt8]) {
        switch format {
        case .text:
            out.append(contentsOf: "\nsummary: ".utf8)
            out.appendInteger(sentences)
            out.append(contentsOf: (sentences == 1 ? " sentence\n" : " sentences\n").utf8)
            for (label, count) in zip(labelBytes.indices, counts) {
                out.appendSpaces(2)
                out.append(contentsOf: labelBytes[label])
                out.appendSpaces(labelWidth - labels[label].unicodeScalars.count + 2)
                out.appendInteger(count)
                out.append(0x0A)
            }
        case .tsv:
            out.append(contentsOf: "# sentences\t".utf8)
            out.appendInteger(sentences)
            out.append(0x0A)
            for (label, count) in zip(labelBytes.indices, counts) {
                out.append(contentsOf: "# ".utf8)
                out.append(contentsOf: labelBytes[label])
                out.append(0x09)
                out.appendInteger(count)
                out.append(0x0A)
            }
        case .jsonl:
            out.append(ascii: "{\"summary\":{\"sentences\":")
            out.appendInteger(sentences)
            out.append(ascii: ",\"labels\":{")
            appendList(zip(labels, counts), into: &out) { entry, out in
                out.appendJSONString(entry.0)
                out.append(UInt8(ascii: ":"))
                out.appendInteger(entry.1)
            }
            out.append(contentsOf: "}}}\n".utf8)
        }
    }

    /// `start-end`, padded to the article's widest.
    private func appendTextOffsets(_ offsets: SentenceOffsets, into out: inout [UInt8]) {
        let before = out.count
        out.appendInteger(offsets.start)
        out.append(UInt8(ascii: "-"))
        out.appendInteger(offsets.end)
        out.appendSpaces(offsetsWidth - (out.count - before) + 2)
    }

    private func appendJSONOffsets(_ offsets: SentenceOffsets, into out: inout [UInt8]) {
        out.append(ascii: "\"start\":")
        out.appendInteger(offsets.start)
        out.append(ascii: ",\"end\":")
        out.appendInteger(offsets.end)
        out.append(UInt8(ascii: ","))
    }

    /// Appends each element with `body`, separated by commas.
    private func appendList<S: Sequence>(_ elements: S, into out: inout [UInt8], _ body: (S.Element, inout [UInt8]) -> Void) {
        var first = true
        for element in elements {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            body(element, &out)
        }
    }
}
