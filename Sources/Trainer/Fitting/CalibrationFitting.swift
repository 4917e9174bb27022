import Classifier
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits a model's ``Calibration`` from raw scores of labelled examples: temperatures minimising
/// log loss, and the multi-label threshold maximising micro-F1 over label sets. Training uses it
/// on the held-out share; `trainer calibrate` on sentences of the news a model will read.
enum CalibrationFitting {
    /// - Parameters:
    ///   - scores: softmax log scores, one row of `classes` per example.
    ///   - heads: one-vs-rest log odds, laid out like `scores`.
    ///   - targets: 1 where the example carries the class, else 0, laid out like `scores`.
    ///   - mainClasses: each example's main (first) class.
    static func fit(scores: [Double], heads: [Double], targets: [Double], mainClasses: [Int], classes: Int) -> Calibration {
        precondition(scores.count == mainClasses.count * classes && heads.count == scores.count && targets.count == scores.count,
                     "CalibrationFitting: scores, heads and targets do not match")
        // The two temperatures, each a serial search, side by side.
        var temperatures = [1.0, 1.0]
        temperatures.withUnsafeMutableBufferPointer { temperatures in
            let slots = TemperatureSlots(values: temperatures)
            DispatchQueue.concurrentPerform(iterations: 2) { which in
                slots.values[which] = which == 0
                    ? TemperatureFitting.softmax(scores: scores, targets: mainClasses, classes: classes)
                    : TemperatureFitting.sigmoid(scores: heads, targets: targets)
            }
        }
        let t = temperatures[0], tOvR = temperatures[1]
        // The probabilities do not depend on the threshold: computed once, not once a step.
        let p = heads.map { 1 / (1 + exp(-$0 / tOvR)) }
        var bestThreshold = 0.5, bestF1 = -1.0
        var chosen = [Bool](repeating: false, count: classes)
        for step in 1...19 {
            let threshold = Double(step) * 0.05
            var tp = 0.0, fp = 0.0, fn = 0.0
            for i in mainClasses.indices {
                let row = i * classes
                var any = false
                for c in 0..<classes {
                    chosen[c] = p[row + c] >= threshold
                    any = any || chosen[c]
                }
                if !any {  // the most probable label, the first of equals
                    var top = 0
                    for c in 1..<classes where p[row + top] < p[row + c] { top = c }
                    chosen[top] = true
                }
                for c in 0..<classes {
                    let gold = targets[row + c] == 1
                    if chosen[c] { if gold { tp += 1 } else { fp += 1 } } else if gold { fn += 1 }
                }
            }
            let f1 = 2 * tp / max(1, 2 * tp + fp + fn)
            if f1 > bestF1 + 1e-12 { bestF1 = f1; bestThreshold = threshold }
        }
        return Calibration(temperature: t, oneVsRestTemperature: tOvR, threshold: bestThreshold)
    }
}

/// The two temperatures, each written by its own worker.
private struct TemperatureSlots: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Double>
}
