/// Multi-label quality: predicted label sets against gold label sets, micro-averaged over
/// every (example, label) decision.
public struct MultiLabelScores: Sendable, Equatable {
    /// Labels predicted and gold, predicted but not gold, gold but not predicted.
    public var truePositives: Int, falsePositives: Int, falseNegatives: Int
    /// Examples whose predicted set equals the gold set.
    public var exactMatches: Int
    /// Number of examples.
    public var count: Int

    /// Scores of `predicted` label sets against `gold` ones, example by example.
    ///
    /// - Precondition: as many predictions as gold sets.
    public init(gold: [[String]], predicted: [[String]]) {
        precondition(gold.count == predicted.count, "MultiLabelScores: one prediction per gold label set")
        var tp = 0, fp = 0, fn = 0, exact = 0
        for (g, p) in zip(gold, predicted) {
            let g = Set(g), p = Set(p)
            tp += g.intersection(p).count
            fp += p.subtracting(g).count
            fn += g.subtracting(p).count
            if g == p { exact += 1 }
        }
        self.init(truePositives: tp, falsePositives: fp, falseNegatives: fn, exactMatches: exact, count: gold.count)
    }

    /// Scores from their counts.
    public init(truePositives: Int, falsePositives: Int, falseNegatives: Int, exactMatches: Int, count: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.exactMatches = exactMatches
        self.count = count
    }

    /// `TP / (TP + FP)`, 0 without predictions.
    public var precision: Double {
        truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : 0
    }

    /// `TP / (TP + FN)`, 0 without gold labels.
    public var recall: Double {
        truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : 0
    }

    /// `2 TP / (2 TP + FP + FN)`, the harmonic mean of micro precision and recall.
    public var microF1: Double {
        let denominator = 2 * truePositives + falsePositives + falseNegatives
        return denominator > 0 ? Double(2 * truePositives) / Double(denominator) : 0
    }

    /// Share of examples whose whole label set was predicted exactly (subset accuracy).
    public var exactMatchRate: Double { count > 0 ? Double(exactMatches) / Double(count) : 0 }
}
