/// The metrics of every fold of a cross-validation, and their means and standard deviations.
public struct CrossValidationResult: Sendable, Equatable {
    /// The labels, in the order of ``labelF1``.
    public var labels: [String]
    /// The metrics of each fold's examples, in fold order.
    public var folds: [Metrics]

    public init(labels: [String], folds: [Metrics]) {
        self.labels = labels
        self.folds = folds
    }

    /// Total number of examples scored.
    public var exampleCount: Int { folds.reduce(0) { $0 + $1.count } }
    public var macroF1: Spread { Spread(folds.map(\.macroF1)) }
    public var accuracy: Spread { Spread(folds.map(\.accuracy)) }
    public var expectedCalibrationError: Spread { Spread(folds.map(\.expectedCalibrationError)) }
    public var logLoss: Spread { Spread(folds.map(\.logLoss)) }
    /// Each label's F1, in ``labels`` order.
    public var labelF1: [Spread] { labels.indices.map { c in Spread(folds.map { $0.perLabel[c].f1 }) } }
}
