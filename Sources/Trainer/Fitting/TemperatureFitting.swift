#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits calibration temperatures on held-out scores by golden-section search over log T,
/// minimising the negative log-likelihood (Guo et al., 2017). The objective is convex in 1/T.
enum TemperatureFitting {
    static let range = (log(0.02), log(500.0))

    /// T minimising the mean softmax NLL of `scores` (rows × classes) for `targets`.
    static func softmax(scores: [Double], targets: [Int], classes: Int) -> Double {
        guard !targets.isEmpty else { return 1 }
        precondition(classes > 0 && scores.count == targets.count * classes, "TemperatureFitting.softmax: scores do not match targets")
        return search { t in
            var total = 0.0
            for (i, y) in targets.enumerated() {
                // log Σ e^{z/T} − z_y/T, shifted by the largest z/T; no array a row.
                let start = i * classes
                var top = scores[start] / t
                for k in 1..<classes where top < scores[start + k] / t { top = scores[start + k] / t }
                var sum = 0.0
                for k in 0..<classes { sum += exp(scores[start + k] / t - top) }
                total += top + log(sum) - scores[start + y] / t
            }
            return total / Double(targets.count)
        }
    }

    /// T minimising the mean binary NLL of sigmoid(score / T) for 0/1 `targets`.
    static func sigmoid(scores: [Double], targets: [Double]) -> Double {
        guard !targets.isEmpty else { return 1 }
        return search { t in
            var total = 0.0
            for (z, y) in zip(scores, targets) {
                let u = z / t
                let softplus = u > 0 ? u + log1p(exp(-u)) : log1p(exp(u))
                total += softplus - y * u
            }
            return total / Double(targets.count)
        }
    }

    private static func search(_ loss: (Double) -> Double) -> Double {
        let ratio = (5.0.squareRoot() - 1) / 2
        var (a, b) = range
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = loss(exp(c)), fd = loss(exp(d))
        for _ in 0..<60 {
            if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = loss(exp(c)) }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = loss(exp(d)) }
        }
        return exp((a + b) / 2)
    }
}
