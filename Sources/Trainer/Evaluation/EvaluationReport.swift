/// The `trainer evaluate` report of an ``Evaluation``: an aligned text report for a person,
/// or one JSON object for a program.
public enum EvaluationReport {
    /// The text report, listing up to `errors` misclassified sentences.
    public static func text(_ evaluation: Evaluation, errors: Int = 0) -> String {
        let m = evaluation.metrics, ml = evaluation.multiLabel
        var text = "examples: \(m.count) (scoring each example's main label)\n\n"

        var scores = TextTable()
        scores.append(["label", "precision", "recall", "F1", "support"])
        for (label, s) in zip(m.labels, m.perLabel) {
            scores.append([label, format(s.precision), format(s.recall), format(s.f1), String(s.support)])
        }
        scores.append(["macro average", format(m.macroPrecision), format(m.macroRecall), format(m.macroF1), String(m.count)])
        // With one predicted and one gold label per example, micro precision = recall = F1 = accuracy.
        scores.append(["micro average", format(m.microF1), format(m.microF1), format(m.microF1), String(m.count)])
        text += scores.text + "\n"

        var summary = TextTable(leftColumns: [0, 2])
        summary.append(["accuracy", format(m.accuracy)])
        summary.append(["log loss", format(m.logLoss)])
        summary.append(["expected calibration error", format(m.expectedCalibrationError),
                        "(\(Metrics.calibrationBins) equal-width confidence bins)"])
        summary.append(["multi-label micro-F1", format(ml.microF1),
                        "(label sets, threshold \(format(evaluation.threshold, decimals: 2)): "
                            + "precision \(format(ml.precision)), recall \(format(ml.recall)))"])
        summary.append(["multi-label exact match", format(ml.exactMatchRate)])
        text += summary.text + "\n"

        text += "confusion matrix (rows: gold label, columns: predicted label)\n"
        var confusion = TextTable()
        confusion.append(["gold \\ predicted"] + m.labels)
        for (label, row) in zip(m.labels, m.confusion) { confusion.append([label] + row.map(String.init)) }
        text += confusion.text

        if errors > 0 {
            let wrong = evaluation.misclassified
            let shown = min(errors, wrong.count)
            text += "\nmisclassified: \(wrong.count) of \(m.count) examples"
            text += wrong.isEmpty ? "\n" : " (showing \(shown), most confident first)\n"
            for entry in wrong.prefix(shown) {
                let probabilities = zip(m.labels, entry.probabilities).map { "\($0) \(format($1))" }.joined(separator: ", ")
                text += "\(entry.source): gold \(entry.gold.joined(separator: ",")), predicted \(entry.predicted)"
                text += " (\(probabilities))\n"
                text += "    \(entry.text)\n"
            }
        }
        return text
    }

    /// The JSON report: one object with keys in a fixed order, listing up to `errors`
    /// misclassified sentences.
    public static func json(_ evaluation: Evaluation, errors: Int = 0) -> String {
        let m = evaluation.metrics, ml = evaluation.multiLabel
        let perLabel: [JSONValue] = zip(m.labels, m.perLabel).map { label, s in
            .object([("label", .string(label)), ("precision", .number(s.precision)), ("recall", .number(s.recall)),
                     ("f1", .number(s.f1)), ("support", .integer(s.support))])
        }
        let misclassified: [JSONValue] = evaluation.misclassified.prefix(max(0, errors)).map { entry in
            .object([
                ("source", .string(entry.source.description)),
                ("text", .string(entry.text)),
                ("gold", .array(entry.gold.map(JSONValue.string))),
                ("predicted", .string(entry.predicted)),
                ("probabilities", .object(zip(m.labels, entry.probabilities).map { ($0, .number($1)) })),
            ])
        }
        let document: JSONValue = .object([
            ("examples", .integer(m.count)),
            ("labels", .array(m.labels.map(JSONValue.string))),
            ("per_label", .array(perLabel)),
            ("macro", .object([("precision", .number(m.macroPrecision)), ("recall", .number(m.macroRecall)),
                               ("f1", .number(m.macroF1))])),
            ("micro", .object([("precision", .number(m.microF1)), ("recall", .number(m.microF1)), ("f1", .number(m.microF1))])),
            ("accuracy", .number(m.accuracy)),
            ("log_loss", .number(m.logLoss)),
            ("expected_calibration_error", .number(m.expectedCalibrationError)),
            ("calibration_bins", .integer(Metrics.calibrationBins)),
            ("confusion", .object([
                ("rows", .string("gold")), ("columns", .string("predicted")),
                ("matrix", .array(m.confusion.map { .array($0.map(JSONValue.integer)) })),
            ])),
            ("multi_label", .object([
                ("threshold", .number(evaluation.threshold)), ("precision", .number(ml.precision)),
                ("recall", .number(ml.recall)), ("micro_f1", .number(ml.microF1)),
                ("exact_match", .number(ml.exactMatchRate)),
            ])),
            ("misclassified", .integer(evaluation.misclassified.count)),
            ("errors", .array(misclassified)),
        ])
        return document.rendered() + "\n"
    }
}
