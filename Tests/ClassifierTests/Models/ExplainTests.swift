import Foundation
import Testing
@testable import Classifier

/// `explain` and `contributions`: each feature's effect is the chosen label's log odds with the
/// sentence minus its log odds without every occurrence of the feature.
@Suite struct ExplainTests {
    static let sentences = [
        "نفت الحكومة الاتهامات ودعت إلى ضبط النفس",
        "اتهم الوزير المعارضة بخرق الهدنة",
        "وصل الرئيس إلى العاصمة",
        "لم تنف الوزارة ما نسب إليها",
    ]

    @Test("each contribution is log odds(label | sentence) − log odds(label | sentence without the feature)",
          arguments: ["nb", "cnb", "logreg"])
    func contributionsAreDifferences(kind: String) {
        let model = ModelTesting.model(kind)
        for text in Self.sentences {
            let explanation = model.explain(text, limit: 1000)
            let target = model.labels.firstIndex(of: explanation.prediction.label)!
            let named = model.extractor.namedFeatures(of: text)
            let vector = FeatureVector(named)
            let full = ModelTesting.logOdds(model.scorer.logScores(for: vector), target)
            let contributions = model.scorer.contributions(for: vector, toward: target)
            // One contribution per distinct bucket.
            #expect(contributions.count == Set(vector.buckets).count)
            #expect(explanation.contributions.count == contributions.count)
            for (bucket, contribution) in contributions {
                let without = ModelTesting.logOdds(model.scorer.logScores(for: vector.removing(bucket)), target)
                #expect(abs(contribution - (full - without)) < 1e-9, "\(kind) '\(text)' bucket \(bucket)")
            }
            // The explanation reports those same numbers with the features' names and counts.
            let byBucket = Dictionary(contributions.map { ($0.bucket, $0.contribution) }, uniquingKeysWith: { a, _ in a })
            for item in explanation.contributions {
                // Features sharing a bucket are named "first | second…".
                let first = item.feature.components(separatedBy: " | ")[0]
                let buckets = Set(named.filter { $0.name == first }.map(\.bucket))
                #expect(buckets.count == 1, "\(item.feature)")
                guard let bucket = buckets.first else { continue }
                #expect(item.contribution == byBucket[bucket])
                #expect(item.count == vector.buckets.filter { $0 == bucket }.count)
            }
        }
    }

    @Test("contributions are sorted by decreasing absolute size, and limit keeps the largest")
    func sortedAndLimited() {
        let model = ModelTesting.model("nb")
        let text = Self.sentences[0]
        let all = model.explain(text, limit: 1000).contributions
        for (a, b) in zip(all, all.dropFirst()) { #expect(abs(a.contribution) >= abs(b.contribution)) }
        #expect(model.explain(text, limit: 5).contributions == Array(all.prefix(5)))
        #expect(model.explain(text, limit: 0).contributions.isEmpty)
        #expect(model.explain(text, limit: -3).contributions.isEmpty)
    }

    @Test("the explanation's prediction is the prediction of classify")
    func samePrediction() {
        for kind in ["nb", "cnb", "logreg"] {
            let model = ModelTesting.model(kind)
            for text in Self.sentences + [""] {
                let explained = model.explain(text, limit: 3).prediction, classified = model.classify(text)
                #expect(explained.labels == classified.labels)
                for (a, b) in zip(explained.probabilities, classified.probabilities) { #expect(abs(a - b) < 1e-12) }
            }
        }
    }

    @Test("with two classes the log odds are linear: a contribution is count × (own weight − other weight)")
    func twoClassNaiveBayes() {
        let counts = NaiveBayes.Counts(classCount: 2, documents: [1, 1], buckets: [0, 1], values: [3, 1, 1, 3])
        let nb = NaiveBayes(counts: counts, variant: .multinomial, alpha: 1, learnsPriors: true, bucketCount: 4)
        let w = nb.linear.weights.map(Double.init)
        let contributions = nb.contributions(for: FeatureVector(words: [0, 0, 1]), toward: 0)
        #expect(contributions.count == 2)
        // Bucket 0 occurs twice and favours class 0; bucket 1 favours class 1. Sorted by size.
        #expect(contributions.map(\.bucket) == [0, 1])
        #expect(abs(contributions[0].contribution - 2 * (w[0] - w[1])) < 1e-12)
        #expect(abs(contributions[1].contribution - (w[2] - w[3])) < 1e-12)
        // θ = (3 + 1) / (4 + 2) against (1 + 1) / (4 + 2): each occurrence is worth log 2.
        #expect(abs(contributions[0].contribution - 2 * log(2.0)) < 1e-6)
        #expect(abs(contributions[1].contribution + log(2.0)) < 1e-6)
    }

    @Test("an empty sentence has nothing to explain")
    func empty() {
        let explanation = ModelTesting.model("nb").explain("", limit: 10)
        #expect(explanation.contributions.isEmpty)
    }
}
