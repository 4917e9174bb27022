import Classifier
import DefaultModel

/// A run of `stance` once its options are parsed: load the model, classify, write.
enum Stance {
    /// Sentences classified together (and shared among the threads).
    static let batchSize = 4096
    /// Largest article `--article` reads, in bytes.
    static let articleLimit = 64 << 20

    /// Classifies what `options` name and writes the results to standard output.
    static func run(_ options: StanceOptions) throws(StanceError) {
        let model = try loadModel(path: options.modelPath)
        let report: Report
        if options.multiLabel {
            report = .multiLabel(threshold: options.threshold)
        } else if let k = options.top {
            report = .top(min(k, model.labels.count))
        } else {
            report = .best
        }
        var sink = OutputSink()
        if let inspection = options.inspection {
            try InspectionPipeline(model: model, inspection: inspection, format: options.format).run(options.input, into: &sink)
            try sink.flush()
            return
        }
        switch options.input {
        case .sentences(let sentences):
            var pipeline = StreamPipeline(model: model, options: options, report: report)
            try pipeline.classify(sentences, into: &sink)
        case .lines(let path):
            var pipeline = StreamPipeline(model: model, options: options, report: report)
            try pipeline.classifyLines(of: path, into: &sink)
        case .article(let path):
            try ArticlePipeline(model: model, options: options, report: report).classify(path, into: &sink)
        }
        try sink.flush()
    }

    /// The model at `path`, or the built-in one.
    static func loadModel(path: String?) throws(StanceError) -> StanceModel {
        if let path {
            do { return try StanceModel.load(path: path) } catch { throw .model(error) }
        }
        let bytes = DefaultModel.bytes
        guard !bytes.isEmpty else { throw .noBuiltInModel }
        do { return try StanceModel.decodeCompiledIn(bytes, source: DefaultModel.source) } catch { throw .model(error) }
    }
}
