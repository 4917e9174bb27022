import Foundation
import Testing
@testable import Classifier

/// Manning, Raghavan & Schütze, *Introduction to Information Retrieval* (2008), Example 13.1:
/// multinomial naive Bayes with Laplace smoothing on four training documents, one bucket a word.
@Suite struct NaiveBayesGoldenTests {
    // Buckets: one per word of the vocabulary (V = 6).
    static let chinese: UInt32 = 0, beijing: UInt32 = 1, shanghai: UInt32 = 2, macao: UInt32 = 3
    static let tokyo: UInt32 = 4, japan: UInt32 = 5
    // Classes: c = China, c̄ = not China.
    static let china = 0, notChina = 1

    /// The counts of the training set, class columns (China, not China):
    /// d1 "Chinese Beijing Chinese", d2 "Chinese Chinese Shanghai", d3 "Chinese Macao" (China);
    /// d4 "Tokyo Japan Chinese" (not China).
    static let counts = NaiveBayes.Counts(
        classCount: 2, documents: [3, 1], buckets: [chinese, beijing, shanghai, macao, tokyo, japan],
        values: [5, 1,  // Chinese
                 1, 0,  // Beijing
                 1, 0,  // Shanghai
                 1, 0,  // Macao
                 0, 1,  // Tokyo
                 0, 1]) // Japan

    /// d5 "Chinese Chinese Chinese Tokyo Japan".
    static let test = FeatureVector(words: [chinese, chinese, chinese, tokyo, japan])

    static let model = NaiveBayes(counts: counts, variant: .multinomial, alpha: 1, learnsPriors: true, bucketCount: 8)

    /// The book's products: P(c|d) ∝ 3/4 · (3/7)³ · 1/14 · 1/14 and P(c̄|d) ∝ 1/4 · (2/9)³ · 2/9 · 2/9.
    static let pChinese: Double = 3.0 / 7, pTokyoJapan: Double = 1.0 / 14, pOther: Double = 2.0 / 9
    static let bookChina: Double = 0.75 * pChinese * pChinese * pChinese * pTokyoJapan * pTokyoJapan
    static let bookNotChina: Double = 0.25 * pOther * pOther * pOther * pOther * pOther

    /// The stored log probability `log P̂(word | class)`.
    func logProbability(_ word: UInt32, _ c: Int) -> Double {
        Double(Self.model.linear.weights[Int(word) * 2 + c])
    }

    /// The stored weights are `Float`: the derived log probability is the nearest `Float` to the
    /// exact one (within one unit in the last place, as the `Double` logarithm may round either way).
    func expectStored(_ word: UInt32, _ c: Int, is exact: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let stored = Self.model.linear.weights[Int(word) * 2 + c]
        let nearest = Float(exact)
        #expect(stored == nearest || stored == nearest.nextUp || stored == nearest.nextDown,
                "log P̂ = \(stored), exactly \(exact)", sourceLocation: sourceLocation)
    }

    @Test("the conditional probabilities of the book: 3/7, 1/14, 1/14 for China; 2/9 for every word otherwise")
    func conditionalProbabilities() {
        expectStored(Self.chinese, Self.china, is: log(3.0 / 7))
        expectStored(Self.tokyo, Self.china, is: log(1.0 / 14))
        expectStored(Self.japan, Self.china, is: log(1.0 / 14))
        expectStored(Self.chinese, Self.notChina, is: log(2.0 / 9))
        expectStored(Self.tokyo, Self.notChina, is: log(2.0 / 9))
        expectStored(Self.japan, Self.notChina, is: log(2.0 / 9))
        // The words of China's documents only: (1 + 1) / (8 + 6) and (0 + 1) / (3 + 6).
        for word in [Self.beijing, Self.shanghai, Self.macao] {
            expectStored(word, Self.china, is: log(2.0 / 14))
            expectStored(word, Self.notChina, is: log(1.0 / 9))
        }
        // A bucket no document used carries no evidence.
        #expect(Self.model.linear.weights[6 * 2 ..< 8 * 2].allSatisfy { $0 == 0 })
    }

    @Test("the priors are 3/4 and 1/4, in double precision")
    func priors() {
        #expect(ModelTesting.relativeError(Self.model.linear.bias[Self.china], log(3.0 / 4)) < 1e-12)
        #expect(ModelTesting.relativeError(Self.model.linear.bias[Self.notChina], log(1.0 / 4)) < 1e-12)
    }

    @Test("the unnormalised scores are 3/4·(3/7)³·1/14·1/14 ≈ 0.0003 and 1/4·(2/9)³·2/9·2/9 ≈ 0.0001")
    func scores() {
        let scores = Self.model.logScores(for: Self.test)
        // Exactly what the stored log probabilities give…
        let chinaWords: Double = 3 * logProbability(Self.chinese, 0) + logProbability(Self.tokyo, 0) + logProbability(Self.japan, 0)
        let otherWords: Double = 3 * logProbability(Self.chinese, 1) + logProbability(Self.tokyo, 1) + logProbability(Self.japan, 1)
        let china = Self.model.linear.bias[0] + chinaWords, notChina = Self.model.linear.bias[1] + otherWords
        #expect(ModelTesting.relativeError(scores[Self.china], china) < 1e-12)
        #expect(ModelTesting.relativeError(scores[Self.notChina], notChina) < 1e-12)
        // …which are the book's products up to the rounding of the weights to Float (2^-24 each).
        #expect((Self.bookChina * 10_000).rounded() == 3)
        #expect((Self.bookNotChina * 10_000).rounded() == 1)
        #expect(ModelTesting.relativeError(exp(scores[Self.china]), Self.bookChina) < 1e-6)
        #expect(ModelTesting.relativeError(exp(scores[Self.notChina]), Self.bookNotChina) < 1e-6)
    }

    @Test("the test document is classified as China, with probability 0.0003 / (0.0003 + 0.0001)")
    func prediction() {
        #expect(Self.model.predict(for: Self.test) == Self.china)
        let p = Self.model.probabilities(for: Self.test)
        #expect(ModelTesting.relativeError(p[Self.china], Self.bookChina / (Self.bookChina + Self.bookNotChina)) < 1e-6)
        #expect(abs(p[0] + p[1] - 1) < 1e-15)
    }

    @Test("without the priors the likelihoods (3/7)³·(1/14)² < (2/9)⁵ decide, and not China wins")
    func uniformPriors() {
        let model = NaiveBayes(counts: Self.counts, variant: .multinomial, alpha: 1, learnsPriors: false, bucketCount: 8)
        #expect(model.linear.bias == [0, 0])
        #expect(model.linear.weights == Self.model.linear.weights)
        #expect(model.predict(for: Self.test) == Self.notChina)
        let china = Self.bookChina / 0.75, notChina = Self.bookNotChina / 0.25
        let p = model.probabilities(for: Self.test)
        #expect(ModelTesting.relativeError(p[Self.china], china / (china + notChina)) < 1e-6)
    }
}
