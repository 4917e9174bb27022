import Classifier
import Dispatch

/// Why training could not start.
public enum TrainingError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownLabel(label: String, location: String, known: [String])
    case labelWithoutExamples(String)
    case tooFewExamples(Int)
    case invalidSetting(String)

    public var description: String {
        switch self {
        case let .unknownLabel(label, location, known):
            "\(location): label '\(label)' is not one of the model's labels (\(known.joined(separator: ", ")))"
        case let .labelWithoutExamples(label):
            "label '\(label)' has no examples; every label needs at least one"
        case let .tooFewExamples(count):
            "\(count) examples are too few to train on; at least 2 are needed"
        case let .invalidSetting(reason):
            reason
        }
    }
}

/// A trained model with what was measured on its held-out examples.
public struct TrainingResult: Sendable {
    /// The model, fitted on every example.
    public var model: StanceModel
    /// Quality of the model fitted without the held-out examples, on them; `nil` without any.
    public var heldOut: Metrics?
}

/// Fits a model: split off a stratified, seeded held-out share; fit on the rest, stopping
/// logistic regression early when the held-out loss stops improving; then fit the calibration
/// temperatures and the multi-label threshold on the held-out share and measure the model there.
/// With no held-out share, the model is fitted on everything, uncalibrated.
public struct ModelTrainer {
    /// Settings of the model to fit.
    public var configuration: TrainingConfiguration
    /// Receives progress lines (the command-line tool shows them on a terminal).
    public var progress: @Sendable (String) -> Void

    /// A trainer with the given settings.
    public init(configuration: TrainingConfiguration, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.progress = progress
    }

    /// Trains on `examples`.
    public func train(_ examples: [Example]) throws(TrainingError) -> TrainingResult {
        let config = configuration
        if let problem = config.features.problem { throw .invalidSetting(problem) }
        // What the model file can hold, so that every trained model loads.
        let labels = config.labels
        guard (2...ModelFileFormat.maximumLabels).contains(labels.count), Set(labels).count == labels.count,
              labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 256 }) else {
            throw .invalidSetting("a model needs 2 to \(ModelFileFormat.maximumLabels) distinct labels, each 1 to 256 bytes long")
        }
        guard labels.count << config.features.hashBits <= ModelFileFormat.maximumTableSize else {
            throw .invalidSetting(ModelFileFormat.tableTooLarge(labels: labels.count, hashBits: config.features.hashBits))
        }
        guard config.heldOutFraction >= 0 && config.heldOutFraction < 1 else {
            throw .invalidSetting("held-out fraction must lie in [0, 1)")
        }
        guard config.alpha > 0 && config.alpha.isFinite else { throw .invalidSetting("alpha must be positive") }
        guard config.l2 >= 0 && config.l2.isFinite else { throw .invalidSetting("L2 strength must be zero or positive") }
        guard examples.count >= 2 else { throw .tooFewExamples(examples.count) }
        let index = Dictionary(uniqueKeysWithValues: config.labels.enumerated().map { ($1, $0) })
        var classesOfRow: [[Int]] = []
        for example in examples {
            var classes: [Int] = []
            for label in example.labels {
                guard let c = index[label] else {
                    throw .unknownLabel(label: label, location: example.source.description, known: config.labels)
                }
                if !classes.contains(c) { classes.append(c) }
            }
            guard !classes.isEmpty else { throw .invalidSetting("\(example.source): example has no label") }
            classesOfRow.append(classes)
        }
        for (c, label) in config.labels.enumerated() where !classesOfRow.contains(where: { $0.contains(c) }) {
            throw .labelWithoutExamples(label)
        }

        let extractor = FeatureExtractor(normalizer: config.normalizer, features: config.features)
        progress("extracting features of \(examples.count) examples")
        guard config.minimumCount >= 1 else { throw .invalidSetting("minimum count must be at least 1") }
        let features = ExtractedFeatures(texts: examples.map(\.text), extractor: extractor, minimumCount: config.minimumCount)
        let (fitRows, heldOutRows) = split(classesOfRow.map { $0[0] })
        let fitting = Fitting(config: config, features: features, classesOfRow: classesOfRow, bucketCount: extractor.bucketCount,
                              progress: progress)

        // The model is the one fitted without the held-out share: its temperatures, threshold,
        // early stopping and held-out metrics were all measured on exactly this model. The data
        // checksum, a serial hash over all the text, is taken on the side.
        let checksum = Background { DataChecksum.of(examples) }
        let (final, calibration, heldOut): (Fitting.Result, Calibration, Metrics?)
        if heldOutRows.isEmpty {
            progress("fitting on all \(examples.count) examples")
            (final, calibration, heldOut) = (fitting.fit(rows: fitRows, earlyStoppingRows: [], iterations: config.maximumIterations),
                                             Calibration(), nil)
        } else {
            progress("fitting on \(fitRows.count) examples, holding out \(heldOutRows.count)")
            final = fitting.fit(rows: fitRows, earlyStoppingRows: heldOutRows, iterations: config.maximumIterations)
            calibration = fitting.calibrate(final, on: heldOutRows)
            heldOut = Metrics(labels: config.labels, gold: heldOutRows.map { classesOfRow[$0][0] },
                              probabilities: fitting.probabilities(Calibrated(final.linear, temperature: calibration.temperature),
                                                                   of: heldOutRows))
        }
        let top = TopFeatures.strongest(final.linear, labels: config.labels, features: features, texts: examples.map(\.text),
                                        extractor: extractor, count: config.topFeatureCount)
        let metadata = ModelMetadata(metadataEntries(examples: examples, checksum: checksum.result, heldOut: heldOut,
                                                     heldOutCount: heldOutRows.count, iterations: final.iterations))
        let model = StanceModel(labels: config.labels, extractor: extractor, algorithm: final.algorithm,
                                calibration: calibration, metadata: metadata, topFeatures: top)
        return TrainingResult(model: model, heldOut: heldOut)
    }

    /// Stratified by main label: from each label's examples, shuffled with the seed, the first
    /// `round(fraction · n)` are held out (none of a label with a single example).
    func split(_ mainClass: [Int]) -> (fit: [Int], heldOut: [Int]) {
        guard configuration.heldOutFraction > 0 else { return (Array(mainClass.indices), []) }
        var generator = SplitMix64(seed: configuration.seed)
        var heldOut: [Int] = []
        for c in 0..<configuration.labels.count {
            var members = mainClass.indices.filter { mainClass[$0] == c }
            guard members.count >= 2 else { continue }
            members.shuffle(using: &generator)
            let take = min(members.count - 1, max(1, Int((configuration.heldOutFraction * Double(members.count)).rounded())))
            heldOut.append(contentsOf: members.prefix(take))
        }
        heldOut.sort()
        let held = Set(heldOut)
        return (mainClass.indices.filter { !held.contains($0) }, heldOut)
    }

    private func metadataEntries(examples: [Example], checksum: String, heldOut: Metrics?, heldOutCount: Int,
                                 iterations: Int) -> [(key: String, value: String)] {
        let c = configuration
        var entries: [(key: String, value: String)] = [
            ("tool", "stance \(StanceVersion.current)"),
            ("algorithm", c.algorithm.rawValue),
            ("examples", String(examples.count)),
            ("data-checksum", checksum),
            ("seed", String(c.seed)),
            ("held-out-fraction", String(c.heldOutFraction)),
            ("minimum-count", String(c.minimumCount)),
        ]
        switch c.algorithm {
        case .nb, .cnb:
            entries += [("alpha", String(c.alpha)), ("learned-priors", String(c.learnsPriors))]
        case .logreg:
            entries += [("l2", String(c.l2)), ("iterations", String(iterations)), ("class-weights", c.classWeighting.rawValue),
                        ("weighting", c.weighting.rawValue)]
        }
        if let heldOut {
            entries += [
                ("held-out-examples", String(heldOutCount)),
                ("held-out-macro-f1", format(heldOut.macroF1)),
                ("held-out-accuracy", format(heldOut.accuracy)),
                ("held-out-ece", format(heldOut.expectedCalibrationError)),
                ("held-out-log-loss", format(heldOut.logLoss)),
            ]
        }
        return entries
    }
}

/// `value` with four decimals, independent of locale.
func format(_ value: Double, decimals: Int = 4) -> String {
    guard value.isFinite else { return String(value) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var fraction = String(Int(scaled) - whole * Int(scale))
    while fraction.count < decimals { fraction = "0" + fraction }
    return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + fraction : "")
}

/// A value worked out on a thread of its own while the caller goes on.
///
/// Not a `concurrentPerform` worker: `concurrentPerform` called from inside another one runs
/// its iterations one after another, which would leave every parallel pass of fitting on one
/// core.
private final class Background<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchGroup()

    /// Starts working out `work()`.
    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { self.value = work() }
    }

    /// The value, once worked out.
    var result: Value {
        done.wait()
        return value!
    }
}
