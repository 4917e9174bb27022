/// Anything that scores a sentence's features for each class.
///
/// The single requirement returns per-class log scores (log probabilities up to a constant);
/// prediction, probabilities, top-k and explanations are written once, in this protocol's
/// extension, for every model (as scikit-learn's `_joint_log_likelihood` and fastText's
/// `Loss::predict` do).
public protocol StanceScorer: Sendable {
    /// Per-class log scores of a sentence's features.
    /// Unnormalised: `softmax(logScores)` are the class probabilities.
    ///
    /// - Precondition: every bucket lies below the model's bucket count.
    func logScores(for features: FeatureVector) -> [Double]
}

extension StanceScorer {
    /// Class probabilities, `softmax(logScores)`, computed with the log-sum-exp shift so that
    /// large scores never overflow. They sum to 1.
    public func probabilities(for features: FeatureVector) -> [Double] {
        softmax(logScores(for: features))
    }

    /// The most probable class (the first one on ties).
    public func predict(for features: FeatureVector) -> Int {
        argmax(logScores(for: features))
    }

    /// The `k` most probable classes with their probabilities, most probable first.
    public func top(_ k: Int, for features: FeatureVector) -> [(class: Int, probability: Double)] {
        let p = probabilities(for: features)
        let order = p.indices.sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }
        return order.prefix(max(0, k)).map { ($0, p[$0]) }
    }

    /// How much each distinct feature moved the log odds of `target`, `log p / (1 − p)`: the log
    /// odds with every feature minus the log odds without that feature's occurrences. Log odds,
    /// unlike log probabilities, do not flatten when the model is sure. Positive contributions
    /// pushed toward `target`, negative ones away. Sorted by decreasing absolute contribution.
    ///
    /// - Complexity: O(d · n) for d distinct features among n.
    public func contributions(for features: FeatureVector, toward target: Int) -> [(bucket: UInt32, contribution: Double)] {
        let full = logOdds(of: target, in: logScores(for: features))
        var seen = Set<UInt32>()
        var result: [(bucket: UInt32, contribution: Double)] = []
        for bucket in features.buckets where seen.insert(bucket).inserted {
            result.append((bucket, full - logOdds(of: target, in: logScores(for: features.removing(bucket)))))
        }
        return result.sorted { abs($0.contribution) > abs($1.contribution) || (abs($0.contribution) == abs($1.contribution) && $0.bucket < $1.bucket) }
    }
}

/// `log p_target / (1 − p_target)` of `softmax(scores)`: the target's score minus the
/// log-sum-exp of the others' (with only one class, its score).
func logOdds(of target: Int, in scores: [Double]) -> Double {
    let others = scores.indices.filter { $0 != target }.map { scores[$0] }
    guard let top = others.max(), top.isFinite else { return scores[target] }
    let sum = others.reduce(0) { $0 + _exp($1 - top) }
    return scores[target] - top - sum.logNatural
}

/// `softmax(scores)`, shifted by the maximum so that no exponent overflows.
public func softmax(_ scores: [Double]) -> [Double] {
    guard let top = scores.max(), top.isFinite else {
        // Scores of +∞ (an overflowing sum) share all the probability, as `argmax` picks one of them.
        let infinite = scores.filter { $0 == .infinity }.count
        if infinite > 0 { return scores.map { $0 == .infinity ? 1 / Double(infinite) : 0 } }
        return scores.isEmpty ? [] : Array(repeating: 1 / Double(scores.count), count: scores.count)
    }
    let exps = scores.map { ($0 - top).isNaN ? 0 : _exp($0 - top) }
    let sum = exps.reduce(0, +)
    return exps.map { $0 / sum }
}

/// log softmax(scores)[target], by log-sum-exp.
func logProbability(of target: Int, in scores: [Double]) -> Double {
    guard let top = scores.max(), top.isFinite else { return -Double(scores.count).logNatural }
    let sum = scores.reduce(0) { $0 + _exp($1 - top) }
    return scores[target] - top - sum.logNatural
}

/// Index of the largest value, the first one on ties.
func argmax(_ values: [Double]) -> Int {
    var best = 0
    for i in values.indices where values[i] > values[best] { best = i }
    return best
}
