import Classifier
import Testing
@testable import Trainer

/// The feature columns kept for fitting, and in how many examples each occurs.
@Suite struct ExtractedFeaturesTests {
    static let extractor = FeatureExtractor(normalizer: .arabicNews,
                                            features: FeatureSettings(charNgramMin: 2, charNgramMax: 3, hashBits: 10))

    /// Brute force: the examples whose vector contains `bucket`.
    static func examples(containing bucket: UInt32, _ features: ExtractedFeatures) -> Int {
        features.vectors.filter { $0.buckets.contains(bucket) }.count
    }

    @Test("each column's document count is the number of examples it occurs in, repeats counted once",
          arguments: [1, 2, 7, 25])
    func documentCounts(copies: Int) {
        // An odd total splits unevenly between the two halves counted in parallel.
        let texts = Array(repeating: FittingFixture.sentences.map(\.0), count: copies).flatMap { $0 } + ["نفى نفى نفى"]
        let features = ExtractedFeatures(texts: texts, extractor: Self.extractor)
        #expect(!features.columns.isEmpty)
        for (k, bucket) in features.columns.enumerated() {
            #expect(features.documentCount[k] == Self.examples(containing: bucket, features), "bucket \(bucket)")
        }
    }

    @Test("buckets in fewer examples than the minimum count are not columns")
    func minimumCount() {
        let texts = FittingFixture.sentences.map(\.0)
        let all = ExtractedFeatures(texts: texts, extractor: Self.extractor, minimumCount: 1)
        let common = ExtractedFeatures(texts: texts, extractor: Self.extractor, minimumCount: 3)
        #expect(common.columns.count < all.columns.count)
        #expect(common.documentCount.allSatisfy { $0 >= 3 })
        let kept = Set(common.columns)
        for (k, bucket) in all.columns.enumerated() { #expect(kept.contains(bucket) == (all.documentCount[k] >= 3)) }
    }
}
