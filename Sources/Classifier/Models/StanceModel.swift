/// A trained stance model: how it reads text, what it predicts, and how sure it is.
///
/// This is what an app loads (``load(path:)``, ``decode(_:source:)``) and asks
/// (``classify(_:)``, ``classifyMultiLabel(_:threshold:)``, ``explain(_:limit:)``).
public struct StanceModel: Sendable {
    /// The learning algorithm and its learned state.
    public enum Algorithm: Sendable, Equatable {
        case naiveBayes(NaiveBayes)
        case logisticRegression(LogisticRegression)
    }

    /// The labels, in the order of every per-class array.
    public let labels: [String]
    /// Normaliser and feature settings the model was trained with.
    public let extractor: FeatureExtractor
    /// The algorithm and its learned state.
    public let algorithm: Algorithm
    /// Temperatures fitted on held-out data (or refitted by `trainer calibrate`), and the default multi-label threshold.
    public let calibration: Calibration
    /// Training metadata: data checksum, seed, tool version, held-out metrics… in a stable order.
    public let metadata: ModelMetadata
    /// For each label, the features with the strongest weights toward it, strongest first.
    public let topFeatures: [[WeightedFeature]]

    /// The calibrated softmax scorer every single-label prediction uses.
    public let scorer: Calibrated<LinearScorer>
    /// The one-vs-rest scorer of multi-label prediction (sigmoid of score / temperature).
    public let oneVsRest: LinearScorer

    /// A model from its parts.
    ///
    /// - Precondition: the algorithm's tables have one class per label and the extractor's buckets.
    public init(labels: [String], extractor: FeatureExtractor, algorithm: Algorithm, calibration: Calibration,
                metadata: ModelMetadata, topFeatures: [[WeightedFeature]]) {
        let linear: LinearScorer
        let heads: LinearScorer
        switch algorithm {
        case .naiveBayes(let nb): linear = nb.linear; heads = nb.oneVsRest
        case .logisticRegression(let lr): linear = lr.linear; heads = lr.oneVsRest
        }
        precondition(linear.classCount == labels.count && linear.bucketCount == extractor.bucketCount,
                     "StanceModel: tables do not match \(labels.count) labels and \(extractor.bucketCount) buckets")
        self.labels = labels
        self.extractor = extractor
        self.algorithm = algorithm
        self.calibration = calibration
        self.metadata = metadata
        self.topFeatures = topFeatures
        self.scorer = Calibrated(linear, temperature: calibration.temperature)
        self.oneVsRest = heads
    }

    /// A short name of the algorithm: `nb`, `cnb` or `logreg`.
    public var algorithmName: String {
        switch algorithm {
        case .naiveBayes(let nb): nb.variant == .multinomial ? "nb" : "cnb"
        case .logisticRegression: "logreg"
        }
    }
}

/// Temperatures that calibrate a model's probabilities, and its multi-label threshold.
public struct Calibration: Sendable, Equatable {
    /// Divides the softmax log scores.
    public var temperature: Double
    /// Divides the one-vs-rest log odds before the sigmoid.
    public var oneVsRestTemperature: Double
    /// Default probability a label needs in multi-label mode.
    public var threshold: Double

    /// Calibration with the given values; all 1 and 0.5 mean "uncalibrated".
    public init(temperature: Double = 1, oneVsRestTemperature: Double = 1, threshold: Double = 0.5) {
        self.temperature = temperature
        self.oneVsRestTemperature = oneVsRestTemperature
        self.threshold = threshold
    }
}

/// A named feature and its weight toward one label.
public struct WeightedFeature: Sendable, Equatable, Hashable {
    /// Readable name (see ``FeatureExtractor/NamedFeature``).
    public var name: String
    /// Weight toward the label, in the model's log-score units.
    public var weight: Double

    /// A feature with a weight.
    public init(name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// Ordered key–value metadata of a model file.
public struct ModelMetadata: Sendable, Equatable {
    /// The entries, in the order they were written.
    public var entries: [(key: String, value: String)]

    /// Metadata with the given entries.
    public init(_ entries: [(key: String, value: String)] = []) { self.entries = entries }

    /// The value of the first entry named `key`.
    public subscript(key: String) -> String? { entries.first { $0.key == key }?.value }

    public static func == (a: ModelMetadata, b: ModelMetadata) -> Bool {
        a.entries.count == b.entries.count && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
