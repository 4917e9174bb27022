#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Quality of predictions against gold labels, as analysts read it: per-label precision,
/// recall, F1 and support on the main (first) label, macro and micro averages, accuracy, the
/// confusion matrix, log loss and the expected calibration error.
public struct Metrics: Sendable, Equatable {
    /// Scores of one label.
    public struct LabelScores: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Examples whose main gold label is this one.
        public var support: Int
    }

    /// Labels, in the order of every per-label array.
    public let labels: [String]
    /// `confusion[gold][predicted]` counts of main labels.
    public let confusion: [[Int]]
    /// Scores per label.
    public let perLabel: [LabelScores]
    /// Unweighted means over labels.
    public let macroPrecision: Double, macroRecall: Double, macroF1: Double
    /// Micro-averaged F1; with one label per example it equals accuracy.
    public let microF1: Double
    /// Share of examples whose main label was predicted.
    public let accuracy: Double
    /// Mean negative log probability of the gold main label.
    public let logLoss: Double
    /// Expected calibration error over ``calibrationBins`` equal-width confidence bins:
    /// `Σ_b (n_b / N) |accuracy_b − confidence_b|` (Naeini et al., AAAI 2015).
    public let expectedCalibrationError: Double
    /// Number of examples.
    public let count: Int

    /// Confidence bins of the calibration error.
    public static let calibrationBins = 10

    /// Metrics of predictions given as class probabilities (one row per example), scored on
    /// each example's main gold class `gold`.
    public init(labels: [String], gold: [Int], probabilities: [[Double]]) {
        precondition(gold.count == probabilities.count, "Metrics: one probability row per example")
        let classes = labels.count
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        var logLoss = 0.0
        var binCount = [Int](repeating: 0, count: Self.calibrationBins)
        var binCorrect = [Double](repeating: 0, count: Self.calibrationBins)
        var binConfidence = [Double](repeating: 0, count: Self.calibrationBins)
        for (y, p) in zip(gold, probabilities) {
            var best = 0
            for k in p.indices where p[k] > p[best] { best = k }
            confusion[y][best] += 1
            logLoss -= log(max(p[y], 1e-15))
            let bin = min(Self.calibrationBins - 1, Int(p[best] * Double(Self.calibrationBins)))
            binCount[bin] += 1
            binConfidence[bin] += p[best]
            if best == y { binCorrect[bin] += 1 }
        }
        var perLabel: [LabelScores] = []
        for c in 0..<classes {
            let tp = Double(confusion[c][c])
            let predicted = Double((0..<classes).reduce(0) { $0 + confusion[$1][c] })
            let support = confusion[c].reduce(0, +)
            let precision = predicted > 0 ? tp / predicted : 0
            let recall = support > 0 ? tp / Double(support) : 0
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            perLabel.append(LabelScores(precision: precision, recall: recall, f1: f1, support: support))
        }
        let n = gold.count
        let correct = (0..<classes).reduce(0) { $0 + confusion[$1][$1] }
        self.labels = labels
        self.confusion = confusion
        self.perLabel = perLabel
        self.macroPrecision = perLabel.map(\.precision).reduce(0, +) / Double(max(1, classes))
        self.macroRecall = perLabel.map(\.recall).reduce(0, +) / Double(max(1, classes))
        self.macroF1 = perLabel.map(\.f1).reduce(0, +) / Double(max(1, classes))
        self.accuracy = n > 0 ? Double(correct) / Double(n) : 0
        self.microF1 = self.accuracy
        self.logLoss = n > 0 ? logLoss / Double(n) : 0
        var ece = 0.0
        for b in 0..<Self.calibrationBins where binCount[b] > 0 {
            ece += abs(binCorrect[b] - binConfidence[b]) / Double(max(1, n))
        }
        self.expectedCalibrationError = ece
        self.count = n
    }
}
