import Classifier
import Testing
@testable import Trainer

/// Naive Bayes is its counts: more data adds counts, and models merge by adding them.
@Suite struct NaiveBayesCountingTests {
    static func counts(of model: StanceModel) -> NaiveBayes.Counts? {
        guard case .naiveBayes(let nb) = model.algorithm else { return nil }
        return nb.counts
    }

    static func doubled(_ counts: NaiveBayes.Counts) -> NaiveBayes.Counts {
        NaiveBayes.Counts(classCount: counts.classCount, documents: counts.documents.map { 2 * $0 },
                          buckets: counts.buckets, values: counts.values.map { 2 * $0 })
    }

    @Test("training on every example twice gives exactly twice the counts", arguments: [TrainingConfiguration.Algorithm.nb, .cnb])
    func duplicatedExamples(algorithm: TrainingConfiguration.Algorithm) throws {
        // Without a held-out share, and keeping every feature, the final fit sees exactly the data.
        let configure = { (c: inout TrainingConfiguration) in c.heldOutFraction = 0; c.minimumCount = 1 }
        let once = try FittingFixture.train(algorithm, configure: configure)
        let twice = try FittingFixture.train(algorithm, examples: FittingFixture.examples + FittingFixture.examples, configure: configure)
        let single = try #require(Self.counts(of: once)), double = try #require(Self.counts(of: twice))
        #expect(double == Self.doubled(single))
        #expect(single.documents == [6, 6, 7, 6])  // the multi-label example counts for both its labels
    }

    @Test("a model merged with itself has twice the counts")
    func mergedWithItself() throws {
        let counts = try #require(Self.counts(of: try FittingFixture.train(.nb)))
        #expect(counts.merged(with: counts) == Self.doubled(counts))
    }

    @Test("counting two halves and merging equals counting everything, whatever the split")
    func mergedHalves() {
        let extractor = FeatureExtractor(features: FittingFixture.configuration(.nb).features)
        let features = ExtractedFeatures(texts: FittingFixture.examples.map(\.text), extractor: extractor)
        let labels = FittingFixture.configuration(.nb).labels
        let classes = FittingFixture.examples.map { $0.labels.map { labels.firstIndex(of: $0)! } }
        func counts(_ rows: [Int]) -> NaiveBayes.Counts {
            NaiveBayes.Counts(features: features, rows: rows, classesOfRow: rows.map { classes[$0] }, classCount: labels.count)
        }
        let all = counts(Array(classes.indices))
        var rng = SplitMix64(seed: 3)
        for _ in 0..<10 {
            let shuffled = classes.indices.shuffled(using: &rng)
            let cut = Int.random(in: 0...shuffled.count, using: &rng)
            let a = counts(Array(shuffled[..<cut]).sorted()), b = counts(Array(shuffled[cut...]).sorted())
            #expect(a.merged(with: b) == all)
            #expect(b.merged(with: a) == all)
            #expect(a.buckets == a.buckets.sorted() && Set(a.buckets).count == a.buckets.count)
        }
    }

    @Test("merging interleaves disjoint and shared buckets in order")
    func mergeOrder() {
        let a = NaiveBayes.Counts(classCount: 2, documents: [1, 2], buckets: [1, 5, 9], values: [1, 0, 2, 2, 0, 3])
        let b = NaiveBayes.Counts(classCount: 2, documents: [3, 0], buckets: [0, 5, 10], values: [4, 4, 1, 1, 7, 0])
        let merged = NaiveBayes.Counts(classCount: 2, documents: [4, 2], buckets: [0, 1, 5, 9, 10],
                                       values: [4, 4, 1, 0, 3, 3, 0, 3, 7, 0])
        #expect(a.merged(with: b) == merged)
        #expect(b.merged(with: a) == merged)
        let empty = NaiveBayes.Counts(classCount: 2, documents: [0, 0], buckets: [], values: [])
        #expect(a.merged(with: empty) == a)
        #expect(empty.merged(with: empty) == empty)
    }

    @Test("counts keep only buckets the rows use, and a multi-label row counts for each label")
    func countingRows() {
        let extractor = FeatureExtractor(features: FeatureSettings(wordUnigrams: true, wordBigrams: false, charNgramMin: 0,
                                                                   charNgramMax: 0, cliticStems: false, negationScope: 0, hashBits: 8))
        let texts = ["سلام سلام حرب", "حرب", "هدنة"]
        let features = ExtractedFeatures(texts: texts, extractor: extractor)
        let counts = NaiveBayes.Counts(features: features, rows: [0, 1], classesOfRow: [[0, 1], [1]], classCount: 2)
        let salam = extractor.features(of: "سلام").buckets[0], harb = extractor.features(of: "حرب").buckets[0]
        #expect(counts.documents == [1, 2])
        #expect(Set(counts.buckets) == [salam, harb])
        let row = { (bucket: UInt32) in Array(counts.values[(counts.buckets.firstIndex(of: bucket)! * 2)...].prefix(2)) }
        #expect(row(salam) == [2, 2])
        #expect(row(harb) == [1, 2])
    }
}
