/// The `trainer cross-validate` report.
public enum CrossValidationReport {
    /// Means ± standard deviations over folds, then a line per fold.
    public static func text(_ result: CrossValidationResult, algorithm: String, seed: UInt64) -> String {
        var text = "\(result.folds.count)-fold cross-validation of \(algorithm) on \(result.exampleCount) examples "
        text += "(stratified by main label, seed \(seed))\n\n"
        var summary = TextTable()
        func row(_ name: String, _ spread: Spread) {
            summary.append([name, format(spread.mean), "±", format(spread.standardDeviation)])
        }
        summary.append(["", "mean", "", "sd"])
        row("macro-F1", result.macroF1)
        row("accuracy", result.accuracy)
        row("expected calibration error", result.expectedCalibrationError)
        row("log loss", result.logLoss)
        for (label, spread) in zip(result.labels, result.labelF1) { row("F1 \(label)", spread) }
        text += summary.text + "\n"

        var folds = TextTable()
        folds.append(["fold", "examples", "macro-F1", "accuracy", "ECE", "log loss"])
        for (i, m) in result.folds.enumerated() {
            folds.append([String(i + 1), String(m.count), format(m.macroF1), format(m.accuracy),
                          format(m.expectedCalibrationError), format(m.logLoss)])
        }
        return text + folds.text
    }
}
