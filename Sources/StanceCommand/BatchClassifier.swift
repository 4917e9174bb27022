import Classifier
import Dispatch

/// Classifies batches of sentences on several threads and writes their results in input order.
///
/// A batch is cut into contiguous chunks; worker `w` takes chunks `w`, `w + threads`, … with its
/// own feature workspace and formats each chunk into the chunk's own buffer, and the buffers are
/// then written in order. With one thread, or a batch too small to share, everything happens on
/// the calling thread, straight into the output buffer.
struct BatchClassifier {
    let model: StanceModel
    let formatter: ResultFormatter
    /// Features to explain each decision with, if any.
    let explain: Int?
    let threads: Int
    private var workers: [SentenceWorker]
    private var chunkOutputs: [[UInt8]]

    /// Chunks per worker, so that a worker that drew short sentences takes another chunk.
    static let chunksPerThread = 4
    /// Fewest sentences worth a chunk of their own.
    static let minimumChunk = 32

    init(model: StanceModel, formatter: ResultFormatter, explain: Int?, threads: Int) {
        precondition(threads >= 1, "BatchClassifier: threads must be positive")
        self.model = model
        self.formatter = formatter
        self.explain = explain
        self.threads = threads
        workers = Array(repeating: SentenceWorker(labelCount: model.labels.count), count: threads)
        chunkOutputs = threads > 1 ? Array(repeating: [], count: threads * Self.chunksPerThread) : []
    }

    /// Sentences classified so far, and how many got each label.
    var summary: (sentences: Int, counts: [Int]) {
        var counts = [Int](repeating: 0, count: model.labels.count)
        var sentences = 0
        for worker in workers {
            sentences += worker.sentences
            for i in counts.indices { counts[i] += worker.counts[i] }
        }
        return (sentences, counts)
    }

    /// Classifies the sentences `bytes[lines[i]]` (with `offsets[i]` in article mode) and writes
    /// their results, in order, to `sink`.
    mutating func classify(_ bytes: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], offsets: [SentenceOffsets]? = nil,
                           into sink: inout OutputSink) throws(StanceError) {
        let chunks = min(threads * Self.chunksPerThread, lines.count / Self.minimumChunk)
        guard threads > 1, chunks > 1 else {
            for i in lines.indices {
                workers[0].classify(UnsafeBufferPointer(rebasing: bytes[lines[i]]), offsets: offsets?[i],
                                    model: model, formatter: formatter, explain: explain, into: &sink.buffer)
                try sink.endLine()
            }
            return
        }
        let (model, formatter, explain, threads) = (self.model, self.formatter, self.explain, self.threads)
        let n = lines.count
        workers.withUnsafeMutableBufferPointer { workers in
            chunkOutputs.withUnsafeMutableBufferPointer { outputs in
                let shared = SharedBatch(workers: workers.baseAddress!, outputs: outputs.baseAddress!, bytes: bytes)
                DispatchQueue.concurrentPerform(iterations: threads) { w in
                    // Work on a local copy (moved, not copied), so that workers never write to
                    // neighbouring memory and share no cache line.
                    var worker = SentenceWorker(labelCount: 0)
                    swap(&worker, &shared.workers[w])
                    for chunk in stride(from: w, to: chunks, by: threads) {
                        for i in (chunk * n / chunks)..<((chunk + 1) * n / chunks) {
                            worker.classify(UnsafeBufferPointer(rebasing: shared.bytes[lines[i]]), offsets: offsets?[i],
                                            model: model, formatter: formatter, explain: explain, into: &shared.outputs[chunk])
                        }
                    }
                    swap(&worker, &shared.workers[w])
                }
            }
        }
        for chunk in 0..<chunks {
            sink.buffer.append(contentsOf: chunkOutputs[chunk])
            chunkOutputs[chunk].removeAll(keepingCapacity: true)
            try sink.endLine()
        }
    }
}

/// The buffers of one batch, shared with its worker threads: worker `w` touches only
/// `workers[w]` and the outputs of its own chunks, and `bytes` is only read.
private struct SharedBatch: @unchecked Sendable {
    let workers: UnsafeMutablePointer<SentenceWorker>
    let outputs: UnsafeMutablePointer<[UInt8]>
    let bytes: UnsafeBufferPointer<UInt8>
}

/// One thread's share of the work: its feature workspace, scratch space and label counts.
struct SentenceWorker {
    private var workspace = FeatureExtractor.Workspace()
    private var shown: [Int] = []
    private var probabilities: [Double] = []
    /// Sentences classified, and how many got each label.
    private(set) var sentences = 0
    private(set) var counts: [Int]

    init(labelCount: Int) {
        counts = Array(repeating: 0, count: labelCount)
    }

    /// Classifies one sentence (a trailing `\r` is dropped) and appends its result to `out`.
    mutating func classify(_ line: UnsafeBufferPointer<UInt8>, offsets: SentenceOffsets?, model: StanceModel,
                           formatter: ResultFormatter, explain: Int?, into out: inout [UInt8]) {
        var text = line
        if let last = text.last, last == 0x0D { text = UnsafeBufferPointer(rebasing: text.dropLast()) }
        guard !text.isEmpty else {
            formatter.appendEmpty(offsets: offsets, into: &out)
            return
        }
        if explain == nil, formatter.report.isSingleLabel {
            // The allocation-free path: probabilities into a reused buffer.
            if probabilities.count != model.labels.count { probabilities = Array(repeating: 0, count: model.labels.count) }
            let best = probabilities.withUnsafeMutableBufferPointer { model.classify(text, workspace: &workspace, probabilities: $0) }
            formatter.select(best: best, probabilities: probabilities, into: &shown)
            sentences += 1
            counts[shown[0]] += 1
            formatter.appendResult(text, probabilities: probabilities, shown: shown, offsets: offsets, explanation: nil, into: &out)
            return
        }
        let prediction: Prediction
        var explanation: Explanation? = nil
        if let explain {
            let explained = model.explain(String(decoding: text, as: UTF8.self), limit: explain)
            explanation = explained
            prediction = explained.prediction
        } else if case .multiLabel(let threshold) = formatter.report {
            prediction = model.classifyMultiLabel(text, threshold: threshold, workspace: &workspace)
        } else {
            prediction = model.classify(text, workspace: &workspace)
        }
        formatter.select(prediction, into: &shown)
        sentences += 1
        if case .multiLabel = formatter.report {
            for label in shown { counts[label] += 1 }
        } else {
            counts[shown[0]] += 1
        }
        formatter.appendResult(text, prediction, shown: shown, offsets: offsets,
                               explanation: explanation?.contributions, into: &out)
    }
}
