import Classifier

/// Why cross-validation could not run.
public enum CrossValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer examples than folds.
    case tooFewExamples(count: Int, folds: Int)
    /// Training failed before any fold (e.g. an unknown label).
    case training(TrainingError)
    /// Training on the other folds of fold `fold` failed.
    case fold(Int, of: Int, TrainingError)

    public var description: String {
        switch self {
        case let .tooFewExamples(count, folds) where count >= 2:
            "\(count) examples are too few for \(folds) folds; use at most \(count) folds"
        case let .tooFewExamples(count, _):
            "\(count) \(count == 1 ? "example is" : "examples are") too few to cross-validate; at least 2 are needed"
        case let .training(error):
            error.description
        case let .fold(fold, folds, error):
            "fold \(fold) of \(folds): \(error)"
        }
    }
}

/// Stratified, seeded k-fold cross-validation: each fold's examples are scored by a model
/// trained (with the same configuration) on the other folds.
public struct CrossValidation {
    /// Settings of every model trained.
    public var configuration: TrainingConfiguration
    /// Number of folds, at least 2.
    public var folds: Int
    /// Receives progress lines.
    public var progress: @Sendable (String) -> Void

    /// Cross-validation of `configuration` over `folds` folds.
    ///
    /// - Precondition: `folds >= 2`.
    public init(configuration: TrainingConfiguration, folds: Int, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        precondition(folds >= 2, "CrossValidation: at least 2 folds")
        self.configuration = configuration
        self.folds = folds
        self.progress = progress
    }

    /// The fold (0..<folds) of each example, given each example's main label.
    ///
    /// Stratified: each label's examples, in data order and shuffled with one
    /// ``SplitMix64`` generator seeded with `seed` (labels taken in sorted order), are dealt
    /// to the folds in turn, continuing where the previous label stopped. So every label is
    /// spread over the folds as evenly as possible, fold sizes differ by at most one, and the
    /// same labels and seed always give the same folds.
    ///
    /// - Complexity: O(n log n) in the number of examples.
    public static func assignFolds(mainLabels: [String], folds: Int, seed: UInt64) -> [Int] {
        precondition(folds >= 1, "CrossValidation.assignFolds: at least 1 fold")
        var members: [String: [Int]] = [:]
        for (i, label) in mainLabels.enumerated() { members[label, default: []].append(i) }
        var generator = SplitMix64(seed: seed)
        var assignment = [Int](repeating: 0, count: mainLabels.count)
        var next = 0
        for label in members.keys.sorted() {
            var group = members[label] ?? []
            group.shuffle(using: &generator)
            for i in group {
                assignment[i] = next % folds
                next += 1
            }
        }
        return assignment
    }

    /// The metrics of each fold and their spread.
    ///
    /// - Complexity: `folds` trainings on about `(folds − 1) / folds` of the examples.
    public func run(_ examples: [Example]) throws(CrossValidationError) -> CrossValidationResult {
        guard examples.count >= folds else { throw .tooFewExamples(count: examples.count, folds: folds) }
        let labels = configuration.labels
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        for example in examples {
            for label in example.labels where index[label] == nil {
                throw .training(.unknownLabel(label: label, location: example.source.description, known: labels))
            }
        }
        let assignment = Self.assignFolds(mainLabels: examples.map { $0.labels.first ?? "" }, folds: folds,
                                          seed: configuration.seed)
        var results: [Metrics] = []
        for fold in 0..<folds {
            let number = fold + 1
            let training = examples.indices.filter { assignment[$0] != fold }.map { examples[$0] }
            let testing = examples.indices.filter { assignment[$0] == fold }.map { examples[$0] }
            progress("fold \(number)/\(folds): training on \(training.count) examples, testing on \(testing.count)")
            let folds = self.folds, report = progress
            let trainer = ModelTrainer(configuration: configuration) { report("fold \(number)/\(folds): \($0)") }
            let model: StanceModel
            do throws(TrainingError) {
                model = try trainer.train(training).model
            } catch {
                throw .fold(number, of: folds, error)
            }
            results.append(Metrics(labels: labels, gold: testing.map { index[$0.labels[0]] ?? 0 },
                                   probabilities: testing.map { model.classify($0.text).probabilities }))
        }
        return CrossValidationResult(labels: labels, folds: results)
    }
}
