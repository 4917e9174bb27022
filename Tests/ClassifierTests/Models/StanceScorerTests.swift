import Foundation
import Testing
@testable import Classifier

/// The protocol extension every model shares: probabilities, prediction, top-k.
@Suite struct StanceScorerTests {
    /// Every kind of scorer, random, over 16 buckets: naive Bayes of both variants, linear tables
    /// (plain, length-normalised, scaled), logistic regression and calibrated wrappers. Four
    /// classes take the SIMD path of ``LinearScorer``, the others the general one.
    static func randomScorers(seed: UInt64, count: Int) -> [(String, any StanceScorer)] {
        var rng = ModelTesting.Generator(seed: seed)
        return (0..<count).map { i in
            let classes = [2, 3, 4, 5, 7][i % 5]
            switch i % 4 {
            case 0: return ("naive Bayes", ModelTesting.naiveBayes(&rng, classes: classes, bucketCount: 16))
            case 1: return ("linear", ModelTesting.linear(&rng, classes: classes, bucketCount: 16))
            case 2:
                let table = ModelTesting.linear(&rng, classes: classes, bucketCount: 16)
                return ("logistic regression", LogisticRegression(linear: table, oneVsRest: table))
            default:
                let base = ModelTesting.linear(&rng, classes: classes, bucketCount: 16, magnitude: 1e6)
                return ("calibrated huge", Calibrated(base, temperature: Double.random(in: 0.05...20, using: &rng)))
            }
        }
    }

    @Test("probabilities are finite, within 0...1, sum to 1, and the prediction is the most probable class",
          arguments: 0..<4)
    func probabilitiesSumToOne(seed: UInt64) {
        var rng = ModelTesting.Generator(seed: 100 + seed)
        for (kind, scorer) in Self.randomScorers(seed: seed, count: 40) {
            for _ in 0..<25 {
                let vector = ModelTesting.vector(&rng, bucketCount: 16)
                let p = scorer.probabilities(for: vector)
                #expect(p.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(kind): \(p)")
                #expect(abs(p.reduce(0, +) - 1) < 1e-12, "\(kind): \(p)")
                let predicted = scorer.predict(for: vector)
                #expect(p[predicted] == p.max(), "\(kind): predicted \(predicted) of \(p)")
            }
        }
    }

    @Test("top(k) lists the k most probable classes, most probable first, ties by class")
    func topK() {
        var rng = ModelTesting.Generator(seed: 5)
        for (_, scorer) in Self.randomScorers(seed: 9, count: 10) {
            let vector = ModelTesting.vector(&rng, bucketCount: 16)
            let p = scorer.probabilities(for: vector)
            let all = scorer.top(p.count + 3, for: vector)
            #expect(all.count == p.count)
            #expect(Set(all.map(\.class)) == Set(p.indices))
            for (a, b) in zip(all, all.dropFirst()) {
                #expect(a.probability > b.probability || (a.probability == b.probability && a.class < b.class))
            }
            #expect(all.allSatisfy { p[$0.class] == $0.probability })
            #expect(all.first?.class == scorer.predict(for: vector))
            #expect(scorer.top(2, for: vector).map(\.class) == all.prefix(2).map(\.class))
            #expect(scorer.top(0, for: vector).isEmpty)
            #expect(scorer.top(-1, for: vector).isEmpty)
        }
    }

    @Test("a temperature divides the scores: the prediction stays, the probabilities soften above 1")
    func calibration() {
        var rng = ModelTesting.Generator(seed: 11)
        let base = ModelTesting.linear(&rng, classes: 3, bucketCount: 16)
        for _ in 0..<20 {
            let vector = ModelTesting.vector(&rng, bucketCount: 16)
            let scores = base.logScores(for: vector)
            #expect(Calibrated(base, temperature: 2).logScores(for: vector) == scores.map { $0 / 2 })
            #expect(Calibrated(base, temperature: 1).probabilities(for: vector) == base.probabilities(for: vector))
            #expect(Calibrated(base, temperature: 3).predict(for: vector) == base.predict(for: vector))
            let sharp = base.probabilities(for: vector).max()!, soft = Calibrated(base, temperature: 3).probabilities(for: vector).max()!
            #expect(soft <= sharp + 1e-15)
        }
    }

    @Test("an empty sentence scores the biases alone")
    func emptySentence() {
        var rng = ModelTesting.Generator(seed: 3)
        for classes in [2, 4, 6] {
            let table = ModelTesting.linear(&rng, classes: classes, bucketCount: 16)
            #expect(table.logScores(for: FeatureVector(words: [])) == table.bias)
        }
    }

    @Test("the SIMD path for four classes agrees with the general path")
    func fourClassPath() {
        var rng = ModelTesting.Generator(seed: 21)
        for _ in 0..<20 {
            let four = ModelTesting.linear(&rng, classes: 4, bucketCount: 16)
            // The same table with a fifth class of zeros takes the general path.
            var weights: [Float] = []
            for b in 0..<16 { weights += four.weights[(b * 4)..<(b * 4 + 4)] + [0] }
            let five = LinearScorer(classCount: 5, bucketCount: 16, weights: weights, bias: four.bias + [0],
                                    normalizesLength: four.normalizesLength, squaredScales: four.squaredScales)
            let vector = ModelTesting.vector(&rng, bucketCount: 16)
            let a = four.logScores(for: vector), b = five.logScores(for: vector).prefix(4)
            for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-4 * max(1, abs(y)), "\(a) vs \(b)") }
        }
    }

    @Test("length normalisation scales each block by 1/√(Σ s²) of its own occurrences")
    func lengthNormalisation() {
        // Two classes, four buckets; weights are already multiplied by their scales.
        let table = LinearScorer(classCount: 2, bucketCount: 4, weights: [1, 0, 0, 2, 3, 3, 0, 0], bias: [0.5, -0.5],
                                 normalizesLength: true, squaredScales: [1, 4, 9, 0])
        // Word block [0, 1, 1]: norm √(1 + 4 + 4) = 3; character block [2]: norm √9 = 3.
        let scores = table.logScores(for: FeatureVector(buckets: [0, 1, 1, 2], wordCount: 3))
        #expect(abs(scores[0] - (0.5 + (1 + 0 + 0) / 3.0 + 3 / 3.0)) < 1e-12)
        #expect(abs(scores[1] - (-0.5 + (0 + 2 + 2) / 3.0 + 3 / 3.0)) < 1e-12)
        // A block whose scales are all 0 adds nothing (and does not divide by zero).
        #expect(table.logScores(for: FeatureVector(buckets: [3, 3], wordCount: 2)) == [0.5, -0.5])
    }

    @Test("usedBuckets lists the rows with a weight or a scale, in order")
    func usedBuckets() {
        let table = LinearScorer(classCount: 2, bucketCount: 5, weights: [0, 0, 1, 0, 0, 0, 0, -1, 0, 0], bias: [0, 0],
                                 normalizesLength: true, squaredScales: [0, 0, 0, 0, 2])
        #expect(table.usedBuckets == [1, 3, 4])
    }
}
