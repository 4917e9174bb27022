extension FeatureExtractor {
    /// Scores the UTF-8 bytes `text` with `scorer` without materialising its features: each
    /// feature is added to the scores as it is found (the fast path of classification).
    /// Writes `scorer.classCount` log scores into `scores`.
    ///
    /// - Precondition: `scorer.bucketCount == bucketCount` and `scores.count == scorer.classCount`.
    public func score(_ text: UnsafeBufferPointer<UInt8>, with scorer: LinearScorer, into scores: UnsafeMutableBufferPointer<Double>,
                      workspace: inout Workspace) {
        score(text, with: scorer, into: scores, workspace: &workspace, reference: false)
    }

    /// ``score(_:with:into:workspace:)``, by the reference path when `reference` is set (for the
    /// tests that compare the two paths).
    func score(_ text: UnsafeBufferPointer<UInt8>, with scorer: LinearScorer, into scores: UnsafeMutableBufferPointer<Double>,
               workspace: inout Workspace, reference: Bool) {
        precondition(scorer.bucketCount == bucketCount && scores.count == scorer.classCount,
                     "FeatureExtractor.score: the scorer does not fit these features")
        guard scorer.classCount == 4 else {
            extract(text, into: &workspace, reference: reference)
            for c in 0..<scores.count { scores[c] = scorer.bias[c] }
            let wordCount = workspace.wordCount
            workspace.buckets.withUnsafeBufferPointer { scorer.accumulate($0, wordCount: wordCount, into: scores) }
            return
        }
        scorer.weights.withUnsafeBufferPointer { weights in
            scorer.squaredScales.withUnsafeBufferPointer { squares in
                var sink = ScoringSink(bits: settings.hashBits, weights: weights.baseAddress!,
                                       squares: squares.isEmpty ? nil : squares.baseAddress!)
                featurize(text, &workspace, &sink, reference: reference)
                let wordScale = scorer.blockScale(norm: sink.wordNorm, count: sink.wordCount, scaled: sink.squares != nil)
                let characterScale = scorer.blockScale(norm: sink.characterNorm, count: sink.characterCount,
                                                       scaled: sink.squares != nil)
                for c in 0..<4 {
                    scores[c] = scorer.bias[c] + Double(sink.words[c]) * (sink.wordCount > 0 ? wordScale : 0)
                        + Double(sink.characters[c]) * (sink.characterCount > 0 ? characterScale : 0)
                }
            }
        }
    }
}

/// Adds each feature's weight row (four classes) and squared scale to its block's sums.
struct ScoringSink: FeatureSink {
    let bits: Int
    let weights: UnsafePointer<Float>
    let squares: UnsafePointer<Float>?
    var words = SIMD4<Float>(repeating: 0), characters = SIMD4<Float>(repeating: 0)
    var wordNorm: Float = 0, characterNorm: Float = 0
    var wordCount = 0, characterCount = 0

    @inline(__always)
    private func row(_ bucket: Int) -> SIMD4<Float> {
        UnsafeRawPointer(weights + bucket &* 4).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    private func add(_ hash: UInt64, to sum: inout SIMD4<Float>, _ norm: inout Float, _ count: inout Int) {
        let bucket = Int(FeatureHashing.bucket(hash, bits: bits))
        sum += row(bucket)
        if let squares { norm += squares[bucket] }
        count &+= 1
    }

    @inline(__always)
    mutating func add(_ hash: UInt64, _ name: () -> String) { add(hash, to: &words, &wordNorm, &wordCount) }

    @inline(__always)
    mutating func addCharacters(_ hashes: UnsafeBufferPointer<UInt64>, _ name: (Int) -> String) {
        // Local sums, added in the same order as one call a feature would.
        var sum = characters, norm = characterNorm
        for hash in hashes {
            let bucket = Int(FeatureHashing.bucket(hash, bits: bits))
            sum += row(bucket)
            if let squares { norm += squares[bucket] }
        }
        characters = sum
        characterNorm = norm
        characterCount &+= hashes.count
    }

    static var namesFeatures: Bool { false }

    mutating func removeAll() {
        words = .zero
        characters = .zero
        wordNorm = 0
        characterNorm = 0
        wordCount = 0
        characterCount = 0
    }
}
