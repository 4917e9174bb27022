import Classifier

/// How well a model labels a set of examples: ``Metrics`` on the main label, multi-label
/// scores on label sets, and the sentences it got wrong.
public struct Evaluation: Sendable, Equatable {
    /// An example whose main label the model did not predict.
    public struct Misclassified: Sendable, Equatable {
        /// Where the example was read.
        public var source: SourceLocation
        /// The sentence.
        public var text: String
        /// Its gold labels, main label first.
        public var gold: [String]
        /// The label the model chose.
        public var predicted: String
        /// The model's probability of every label, in model label order.
        public var probabilities: [Double]

        public init(source: SourceLocation, text: String, gold: [String], predicted: String, probabilities: [Double]) {
            self.source = source
            self.text = text
            self.gold = gold
            self.predicted = predicted
            self.probabilities = probabilities
        }
    }

    /// Single-label metrics on each example's main label.
    public var metrics: Metrics
    /// Multi-label scores of ``StanceModel/classifyMultiLabel(_:threshold:)`` on label sets.
    public var multiLabel: MultiLabelScores
    /// The multi-label threshold used.
    public var threshold: Double
    /// The misclassified examples, most confidently wrong first (data order among equals).
    public var misclassified: [Misclassified]

    /// An evaluation from its parts.
    public init(metrics: Metrics, multiLabel: MultiLabelScores, threshold: Double, misclassified: [Misclassified]) {
        self.metrics = metrics
        self.multiLabel = multiLabel
        self.threshold = threshold
        self.misclassified = misclassified
    }

    /// Evaluates `model` on `examples`.
    ///
    /// - Precondition: every example's labels are labels of the model (read the examples with
    ///   `DatasetReader(labels: model.labels)`).
    /// - Complexity: two feature extractions per example.
    public init(model: StanceModel, examples: [Example]) {
        let index = Dictionary(uniqueKeysWithValues: model.labels.enumerated().map { ($1, $0) })
        var gold: [Int] = [], probabilities: [[Double]] = [], predictedSets: [[String]] = []
        var wrong: [(confidence: Double, entry: Misclassified)] = []
        for example in examples {
            guard let main = example.labels.first, let goldClass = index[main] else {
                preconditionFailure("Evaluation: label '\(example.labels.first ?? "")' at \(example.source) is not a model label")
            }
            let prediction = model.classify(example.text)
            gold.append(goldClass)
            probabilities.append(prediction.probabilities)
            predictedSets.append(model.classifyMultiLabel(example.text).labels)
            if prediction.label != main {
                let confidence = prediction.probabilities.max() ?? 0
                wrong.append((confidence, Misclassified(source: example.source, text: example.text, gold: example.labels,
                                                        predicted: prediction.label, probabilities: prediction.probabilities)))
            }
        }
        // Stable: equal confidences keep data order.
        let ordered = wrong.enumerated().sorted {
            $0.element.confidence > $1.element.confidence
                || ($0.element.confidence == $1.element.confidence && $0.offset < $1.offset)
        }
        self.init(metrics: Metrics(labels: model.labels, gold: gold, probabilities: probabilities),
                  multiLabel: MultiLabelScores(gold: examples.map(\.labels), predicted: predictedSets),
                  threshold: model.calibration.threshold,
                  misclassified: ordered.map(\.element.entry))
    }
}
