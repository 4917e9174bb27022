import Foundation
import Testing
@testable import Classifier

@Suite struct StanceModelClassifyTests {
    static let sentences = [
        "نفت الحكومة الاتهامات ودعت إلى ضبط النفس", "اتهم الوزير المعارضة بخرق الهدنة", "وصل الرئيس إلى العاصمة",
        "", "   ", "Reuters: no comment", "لم تنف الوزارة ما نسب إليها ٢٠٢٤",
    ]

    @Test("the streaming fast path gives the same prediction as classify(String)", arguments: ["nb", "cnb", "logreg"])
    func fastPath(kind: String) {
        let model = ModelTesting.model(kind)
        var workspace = FeatureExtractor.Workspace()
        for text in Self.sentences {
            var copy = text
            let fast = copy.withUTF8 { model.classify($0, workspace: &workspace) }
            let slow = model.classify(text)
            #expect(fast.labels == slow.labels)
            for (a, b) in zip(fast.probabilities, slow.probabilities) { #expect(abs(a - b) < 1e-12) }
            let fastMulti = copy.withUTF8 { model.classifyMultiLabel($0, workspace: &workspace) }
            #expect(fastMulti == model.classifyMultiLabel(text))
        }
    }

    @Test("classify returns the calibrated softmax: scores divided by the temperature")
    func calibrated() {
        let hot = ModelTesting.model("nb", temperature: 4), cold = ModelTesting.model("nb", temperature: 1)
        for text in Self.sentences {
            let scores = cold.scorer.base.logScores(for: cold.extractor.features(of: text))
            let expected = softmax(scores.map { $0 / 4 })
            for (a, b) in zip(hot.classify(text).probabilities, expected) { #expect(abs(a - b) < 1e-12) }
            #expect(hot.classify(text).label == cold.classify(text).label)
        }
    }

    @Test("multi-label: independent sigmoid probabilities, every label over the threshold, none never with a stance")
    func multiLabel() {
        let model = ModelTesting.model("logreg")
        for text in Self.sentences {
            let features = model.extractor.features(of: text)
            let p = model.oneVsRest.logScores(for: features).map { 1 / (1 + exp(-$0 / 0.8)) }
            for threshold in [0.0, 0.2, 0.4, 0.6, 1.0, 1.5] {
                let prediction = model.classifyMultiLabel(text, threshold: threshold)
                #expect(prediction.probabilities.count == 4)
                for (a, b) in zip(prediction.probabilities, p) { #expect(abs(a - b) < 1e-12) }
                let order = p.indices.sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }
                var expected = order.filter { p[$0] >= threshold }
                if expected.count > 1 { expected.removeAll { $0 == 3 } }  // "none"
                if expected.isEmpty { expected = [order[0]] }
                #expect(prediction.labels == expected.map { model.labels[$0] }, "threshold \(threshold)")
            }
            // The default threshold is the model's.
            #expect(model.classifyMultiLabel(text) == model.classifyMultiLabel(text, threshold: 0.4))
        }
    }

    @Test("algorithm names", arguments: [("nb", "nb"), ("cnb", "cnb"), ("logreg", "logreg")])
    func algorithmName(kind: String, name: String) {
        #expect(ModelTesting.model(kind).algorithmName == name)
    }

    @Test("metadata keeps its order and finds the first entry of a key")
    func metadata() {
        let metadata = ModelMetadata([("a", "1"), ("b", "2"), ("a", "3")])
        #expect(metadata["a"] == "1")
        #expect(metadata["c"] == nil)
        #expect(metadata == ModelMetadata([("a", "1"), ("b", "2"), ("a", "3")]))
        #expect(metadata != ModelMetadata([("b", "2"), ("a", "1"), ("a", "3")]))
    }
}
