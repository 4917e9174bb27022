/// A linear model over hashed features: `score[c] = bias[c] + Σ_f weight[f, c] · x_f`, with the
/// weights in one flat table indexed `bucket * classCount + class` (as fastText's `Model`).
///
/// Both naive Bayes (whose log probabilities are linear in the feature counts) and logistic
/// regression score through this one table, so they share one fast path.
///
/// Feature values: without normalisation `x_f` is the occurrence count. With
/// ``normalizesLength``, each block of a ``FeatureVector`` (words, character n-grams) is an
/// L2-normalised tf-idf vector: an occurrence of `f` is worth `s_f / √(Σ_{occurrences g in the
/// block} s_g²)`, where `s_f` is the feature's scale (its inverse document frequency, or 1 when the
/// model has no scales). The scale is folded into the stored weights, so scoring an occurrence
/// costs one table row and, with scales, one squared scale.
public struct LinearScorer: StanceScorer, Equatable {
    /// Number of classes.
    public let classCount: Int
    /// Number of hash buckets.
    public let bucketCount: Int
    /// `bucketCount * classCount` weights, each already multiplied by its feature's scale.
    public let weights: [Float]
    /// One bias per class.
    public let bias: [Double]
    /// Whether each block is L2-normalised (see the type's description).
    public let normalizesLength: Bool
    /// Squared scale `s_f²` of every bucket, or empty when every scale is 1.
    public let squaredScales: [Float]

    /// A scorer with the given table.
    ///
    /// - Precondition: `weights.count == bucketCount * classCount`, `bias.count == classCount`,
    ///   `squaredScales` empty or of `bucketCount` entries.
    public init(classCount: Int, bucketCount: Int, weights: [Float], bias: [Double], normalizesLength: Bool = false,
                squaredScales: [Float] = []) {
        precondition(classCount > 0 && weights.count == bucketCount * classCount && bias.count == classCount,
                     "LinearScorer: table of \(weights.count) weights does not fit \(bucketCount) buckets × \(classCount) classes")
        precondition(squaredScales.isEmpty || squaredScales.count == bucketCount, "LinearScorer: one scale per bucket")
        self.classCount = classCount
        self.bucketCount = bucketCount
        self.weights = weights
        self.bias = bias
        self.normalizesLength = normalizesLength
        self.squaredScales = squaredScales
    }

    /// A table of `rows` (bucket, per-class weights, optional squared scale) over zeros, as the
    /// model file stores it; buckets without a row have weight and scale 0.
    package init(classCount: Int, bucketCount: Int, rows buckets: [UInt32], values: [Float], bias: [Double],
                 normalizesLength: Bool = false, squaredScales scales: [Float]? = nil) {
        var table = [Float](repeating: 0, count: bucketCount * classCount)
        var squared = scales == nil ? [] : [Float](repeating: 0, count: bucketCount)
        for (r, bucket) in buckets.enumerated() {
            for c in 0..<classCount { table[Int(bucket) * classCount + c] = values[r * classCount + c] }
            if let scales { squared[Int(bucket)] = scales[r] }
        }
        self.init(classCount: classCount, bucketCount: bucketCount, weights: table, bias: bias,
                  normalizesLength: normalizesLength, squaredScales: squared)
    }

    public func logScores(for features: FeatureVector) -> [Double] {
        var scores = bias
        features.buckets.withUnsafeBufferPointer { f in
            scores.withUnsafeMutableBufferPointer { s in accumulate(f, wordCount: features.wordCount, into: s) }
        }
        return scores
    }

    /// Adds the weighted features to `scores`: the first `wordCount` buckets are the word block,
    /// the rest the character block (the allocation-free fast path).
    @inline(__always)
    public func accumulate(_ features: UnsafeBufferPointer<UInt32>, wordCount: Int, into scores: UnsafeMutableBufferPointer<Double>) {
        accumulate(UnsafeBufferPointer(rebasing: features[..<wordCount]), into: scores)
        accumulate(UnsafeBufferPointer(rebasing: features[wordCount...]), into: scores)
    }

    /// Adds one block.
    @inline(__always)
    private func accumulate(_ features: UnsafeBufferPointer<UInt32>, into scores: UnsafeMutableBufferPointer<Double>) {
        guard !features.isEmpty else { return }
        let classes = classCount
        var norm: Float = 0
        weights.withUnsafeBufferPointer { w in
            squaredScales.withUnsafeBufferPointer { squares in
                let scaled = !squares.isEmpty
                if classes == 4 {
                    var acc = SIMD4<Float>(repeating: 0)
                    for bucket in features {
                        precondition(Int(bucket) < bucketCount, "LinearScorer: bucket \(bucket) out of range")
                        let row: Int = Int(bucket) &* 4
                        let a: Float = w[row], b: Float = w[row &+ 1], c: Float = w[row &+ 2], d: Float = w[row &+ 3]
                        acc += SIMD4<Float>(a, b, c, d)
                        if scaled { norm += squares[Int(bucket)] }
                    }
                    let scale = blockScale(norm: norm, count: features.count, scaled: scaled)
                    for c in 0..<4 { scores[c] += Double(acc[c]) * scale }
                } else {
                    var acc = [Double](repeating: 0, count: classes)
                    for bucket in features {
                        precondition(Int(bucket) < bucketCount, "LinearScorer: bucket \(bucket) out of range")
                        let row = Int(bucket) &* classes
                        for c in 0..<classes { acc[c] += Double(w[row &+ c]) }
                        if scaled { norm += squares[Int(bucket)] }
                    }
                    let scale = blockScale(norm: norm, count: features.count, scaled: scaled)
                    for c in 0..<classes { scores[c] += acc[c] * scale }
                }
            }
        }
    }

    /// The factor of a block of `count` occurrences whose squared scales sum to `norm`.
    @inline(__always)
    func blockScale(norm: Float, count: Int, scaled: Bool) -> Double {
        guard normalizesLength else { return 1 }
        let total = scaled ? Double(norm) : Double(count)
        return total > 0 ? 1 / total.squareRoot() : 0
    }

    /// The buckets whose weights or scale are not all zero, in increasing order.
    public var usedBuckets: [UInt32] {
        (0..<bucketCount).compactMap { b in
            (0..<classCount).contains { weights[b * classCount + $0] != 0 } || (!squaredScales.isEmpty && squaredScales[b] != 0)
                ? UInt32(b) : nil
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

    public func logScores(for features: FeatureVector) -> [Double] {
        base.logScores(for: features).map { $0 / temperature }
    }
}
