import Classifier
import Foundation
import Testing
@testable import Trainer

@Suite struct EvaluationReportTests {
    /// Four examples of two labels: predictions denial, none, none, none.
    static let evaluation = Evaluation(
        metrics: Metrics(labels: ["denial", "none"], gold: [0, 0, 1, 1],
                         probabilities: [[0.9, 0.1], [0.4, 0.6], [0.2, 0.8], [0.3, 0.7]]),
        multiLabel: MultiLabelScores(truePositives: 3, falsePositives: 1, falseNegatives: 1, exactMatches: 3, count: 4),
        threshold: 0.45,
        misclassified: [
            Evaluation.Misclassified(source: SourceLocation(file: "eval.tsv", line: 2), text: "نفت الوزارة \"الخبر\"",
                                     gold: ["denial"], predicted: "none", probabilities: [0.4, 0.6]),
        ])

    @Test("the text report of a small fixed evaluation")
    func text() {
        #expect(EvaluationReport.text(Self.evaluation, errors: 5) == """
            examples: 4 (scoring each example's main label)

            label          precision  recall      F1  support
            denial            1.0000  0.5000  0.6667        2
            none              0.6667  1.0000  0.8000        2
            macro average     0.8333  0.7500  0.7333        4
            micro average     0.7500  0.7500  0.7500        4

            accuracy                    0.7500
            log loss                    0.4004
            expected calibration error  0.3000  (10 equal-width confidence bins)
            multi-label micro-F1        0.7500  (label sets, threshold 0.45: precision 0.7500, recall 0.7500)
            multi-label exact match     0.7500

            confusion matrix (rows: gold label, columns: predicted label)
            gold \\ predicted  denial  none
            denial                 1     1
            none                   0     2

            misclassified: 1 of 4 examples (showing 1, most confident first)
            eval.tsv:2: gold denial, predicted none (denial 0.4000, none 0.6000)
                نفت الوزارة "الخبر"

            """)
    }

    @Test("without --errors the text report lists no sentences")
    func textWithoutErrors() {
        let text = EvaluationReport.text(Self.evaluation)
        #expect(text.hasSuffix("none                   0     2\n"))
        #expect(!text.contains("misclassified"))
    }

    @Test("--errors limits the sentences listed")
    func errorLimit() {
        var evaluation = Self.evaluation
        let first = evaluation.misclassified[0]
        evaluation.misclassified = [first, first, first]
        let text = EvaluationReport.text(evaluation, errors: 2)
        #expect(text.contains("misclassified: 3 of 4 examples (showing 2, most confident first)\n"))
        #expect(text.components(separatedBy: "eval.tsv:2: gold").count == 3)
        let none = Evaluation(metrics: evaluation.metrics, multiLabel: evaluation.multiLabel, threshold: 0.5, misclassified: [])
        #expect(EvaluationReport.text(none, errors: 2).hasSuffix("\nmisclassified: 0 of 4 examples\n"))
    }

    @Test("the JSON report of a small fixed evaluation")
    func json() {
        #expect(EvaluationReport.json(Self.evaluation, errors: 5) == """
            {
              "examples": 4,
              "labels": ["denial", "none"],
              "per_label": [
                {
                  "label": "denial",
                  "precision": 1.0,
                  "recall": 0.5,
                  "f1": 0.6666666666666666,
                  "support": 2
                },
                {
                  "label": "none",
                  "precision": 0.6666666666666666,
                  "recall": 1.0,
                  "f1": 0.8,
                  "support": 2
                }
              ],
              "macro": {
                "precision": 0.8333333333333333,
                "recall": 0.75,
                "f1": 0.7333333333333334
              },
              "micro": {
                "precision": 0.75,
                "recall": 0.75,
                "f1": 0.75
              },
              "accuracy": 0.75,
              "log_loss": 0.40036743569623084,
              "expected_calibration_error": 0.30000000000000004,
              "calibration_bins": 10,
              "confusion": {
                "rows": "gold",
                "columns": "predicted",
                "matrix": [
                  [1, 1],
                  [0, 2]
                ]
              },
              "multi_label": {
                "threshold": 0.45,
                "precision": 0.75,
                "recall": 0.75,
                "micro_f1": 0.75,
                "exact_match": 0.75
              },
              "misclassified": 1,
              "errors": [
                {
                  "source": "eval.tsv:2",
                  "text": "نفت الوزارة \\"الخبر\\"",
                  "gold": ["denial"],
                  "predicted": "none",
                  "probabilities": {
                    "denial": 0.4,
                    "none": 0.6
                  }
                }
              ]
            }

            """)
    }

    @Test("the JSON report parses, and lists no sentences without --errors")
    func jsonParses() throws {
        let json = EvaluationReport.json(Self.evaluation)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["examples"] as? Int == 4)
        #expect((object?["errors"] as? [Any])?.isEmpty == true)
        #expect(object?["misclassified"] as? Int == 1)
    }
}
