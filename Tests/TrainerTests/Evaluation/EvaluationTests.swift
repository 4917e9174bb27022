import Classifier
import Testing
@testable import Trainer

@Suite struct EvaluationTests {
    static func model() throws -> StanceModel {
        var c = TrainingConfiguration()
        c.algorithm = .nb
        c.features.hashBits = 10
        return try ModelTrainer(configuration: c).train(CrossValidationTests.examples()).model
    }

    @Test("an evaluation scores main labels, label sets, and lists every miss")
    func evaluate() throws {
        let model = try Self.model()
        var examples = CrossValidationTests.examples()
        // Mislabel two examples so that there is something to miss.
        examples[0].labels = ["none"]
        examples[1].labels = ["denial", "call_for_restraint"]
        let evaluation = Evaluation(model: model, examples: examples)
        let m = evaluation.metrics
        #expect(m.count == examples.count)
        let correct = (0..<4).reduce(0) { $0 + m.confusion[$1][$1] }
        #expect(evaluation.misclassified.count == m.count - correct)
        #expect(evaluation.misclassified.count >= 1)
        let confidences = evaluation.misclassified.map { $0.probabilities.max() ?? 0 }
        #expect(confidences == confidences.sorted(by: >))
        for miss in evaluation.misclassified {
            #expect(miss.gold[0] != miss.predicted)
            #expect(abs(miss.probabilities.reduce(0, +) - 1) < 1e-9)
        }
        #expect(evaluation.multiLabel.count == examples.count)
        #expect(evaluation.threshold == model.calibration.threshold)
    }
}
