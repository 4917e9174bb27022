/// A linear model over hashed features: `score[c] = bias[c] + Σ_f weight[f, c]`, with the
/// weights in one flat table indexed `bucket * classCount + class` (as fastText's `Model`).
///
/// Both naive Bayes (whose log probabilities are linear in the feature counts) and logistic
/// regression score through this one table, so they share one fast path.
public struct LinearScorer: StanceScorer, Equatable {
    /// Number of classes.
    public let classCount: Int
    /// Number of hash buckets.
    public let bucketCount: Int
    /// `bucketCount * classCount` weights.
    public let weights: [Float]
    /// One bias per class.
    public let bias: [Double]

    /// A scorer with the given table.
    ///
    /// - Precondition: `weights.count == bucketCount * classCount`, `bias.count == classCount`.
    public init(classCount: Int, bucketCount: Int, weights: [Float], bias: [Double]) {
        precondition(classCount > 0 && weights.count == bucketCount * classCount && bias.count == classCount,
                     "LinearScorer: table of \(weights.count) weights does not fit \(bucketCount) buckets × \(classCount) classes")
        self.classCount = classCount
        self.bucketCount = bucketCount
        self.weights = weights
        self.bias = bias
    }

    /// A table of `rows` (bucket, per-class weights) over zeros, as the model file stores it.
    package init(classCount: Int, bucketCount: Int, rows buckets: [UInt32], values: [Float], bias: [Double]) {
        var table = [Float](repeating: 0, count: bucketCount * classCount)
        for (r, bucket) in buckets.enumerated() {
            for c in 0..<classCount { table[Int(bucket) * classCount + c] = values[r * classCount + c] }
        }
        self.init(classCount: classCount, bucketCount: bucketCount, weights: table, bias: bias)
    }

    public func logScores(for features: [UInt32]) -> [Double] {
        var scores = bias
        features.withUnsafeBufferPointer { f in
            scores.withUnsafeMutableBufferPointer { s in accumulate(f, into: s) }
        }
        return scores
    }

    /// Adds the weights of `features` to `scores` (the allocation-free fast path).
    @inline(__always)
    public func accumulate(_ features: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutableBufferPointer<Double>) {
        let classes = classCount
        weights.withUnsafeBufferPointer { w in
            if classes == 4 {
                var acc = SIMD4<Float>(repeating: 0)
                for bucket in features {
                    precondition(Int(bucket) < bucketCount, "LinearScorer: bucket \(bucket) out of range")
                    let row: Int = Int(bucket) &* 4
                    let a: Float = w[row], b: Float = w[row &+ 1], c: Float = w[row &+ 2], d: Float = w[row &+ 3]
                    acc += SIMD4<Float>(a, b, c, d)
                }
                for c in 0..<4 { scores[c] += Double(acc[c]) }
            } else {
                for bucket in features {
                    precondition(Int(bucket) < bucketCount, "LinearScorer: bucket \(bucket) out of range")
                    let row = Int(bucket) &* classes
                    for c in 0..<classes { scores[c] += Double(w[row &+ c]) }
                }
            }
        }
    }

    /// The buckets whose weights are not all zero, in increasing order.
    public var usedBuckets: [UInt32] {
        (0..<bucketCount).compactMap { b in
            (0..<classCount).contains { weights[b * classCount + $0] != 0 } ? UInt32(b) : nil
        }
    }
}

/// A scorer whose log scores are divided by a temperature fitted on held-out data, so that its
/// probabilities are calibrated (Guo et al., "On Calibration of Modern Neural Networks", 2017).
public struct Calibrated<Base: StanceScorer>: StanceScorer {
    /// The uncalibrated scorer.
    public let base: Base
    /// Divides the log scores; above 1 softens overconfident probabilities.
    public let temperature: Double

    /// `base` with its scores divided by `temperature`.
    ///
    /// - Precondition: `temperature` is finite and positive.
    public init(_ base: Base, temperature: Double) {
        precondition(temperature.isFinite && temperature > 0, "Calibrated: temperature must be positive")
        self.base = base
        self.temperature = temperature
    }

    public func logScores(for features: [UInt32]) -> [Double] {
        base.logScores(for: features).map { $0 / temperature }
    }
}
