#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits calibration temperatures on held-out scores, minimising the negative log-likelihood
/// (Guo et al., 2017) over T in [0.02, 500].
///
/// The loss is convex in the inverse temperature β = 1/T, with first and second derivatives
/// that one pass over the scores gives: softmax `L' = mean(E_p[z] − z_y)`,
/// `L'' = mean(Var_p[z])`; sigmoid `L' = mean((σ(βz) − y) z)`, `L'' = mean(σ(1 − σ) z²)`. So
/// Newton's method on β, kept inside a bracket of the derivative's sign change and falling back
/// to bisection, finds the minimum in a handful of passes (a golden-section search over log T
/// took 62, most of the time naive Bayes spends calibrating).
enum TemperatureFitting {
    /// The temperatures allowed.
    static let range = (0.02, 500.0)

    /// T minimising the mean softmax NLL of `scores` (rows × classes) for `targets`.
    static func softmax(scores: [Double], targets: [Int], classes: Int) -> Double {
        guard !targets.isEmpty else { return 1 }
        precondition(classes > 0 && scores.count == targets.count * classes, "TemperatureFitting.softmax: scores do not match targets")
        var p = [Double](repeating: 0, count: classes)
        return minimize { beta in
            var first = 0.0, second = 0.0
            for (i, y) in targets.enumerated() {
                // p = softmax(β z), shifted by the largest βz; then the mean and variance of z under p.
                let start = i * classes
                var top = beta * scores[start]
                for k in 1..<classes where top < beta * scores[start + k] { top = beta * scores[start + k] }
                var sum = 0.0
                for k in 0..<classes { p[k] = exp(beta * scores[start + k] - top); sum += p[k] }
                var mean = 0.0, meanSquare = 0.0
                for k in 0..<classes {
                    let z = scores[start + k], weight = p[k] / sum
                    mean += weight * z
                    meanSquare += weight * z * z
                }
                first += mean - scores[start + y]
                second += max(0, meanSquare - mean * mean)
            }
            let n = Double(targets.count)
            return (first / n, second / n)
        }
    }

    /// T minimising the mean binary NLL of sigmoid(score / T) for 0/1 `targets`.
    static func sigmoid(scores: [Double], targets: [Double]) -> Double {
        guard !targets.isEmpty else { return 1 }
        return minimize { beta in
            var first = 0.0, second = 0.0
            for (z, y) in zip(scores, targets) {
                let sigma = 1 / (1 + exp(-beta * z))
                first += (sigma - y) * z
                second += sigma * (1 - sigma) * z * z
            }
            let n = Double(targets.count)
            return (first / n, second / n)
        }
    }

    /// The T = 1/β minimising a loss convex in β, from `derivatives(β)` = (L'(β), L''(β)).
    private static func minimize(_ derivatives: (Double) -> (first: Double, second: Double)) -> Double {
        // β from 1/500 to 1/0.02; the minimum is where L' changes sign, or at an end.
        var low = 1 / range.1, high = 1 / range.0
        guard derivatives(low).first < 0 else { return range.1 }
        guard derivatives(high).first > 0 else { return range.0 }
        var beta = 1.0
        for _ in 0..<100 {
            let (first, second) = derivatives(beta)
            if first == 0 { break }
            if first > 0 { high = beta } else { low = beta }
            var next = second > 0 ? beta - first / second : .nan
            if !(next > low && next < high) { next = (low + high) / 2 }
            let step = abs(next - beta)
            beta = next
            if step <= 1e-12 * beta { break }
        }
        return 1 / beta
    }
}
