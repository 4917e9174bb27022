#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LogisticObjective {
    /// The summed loss of `rows`, whose scores are at `row * classes + class` of `scores`. With
    /// `derivatives`, replaces each row's scores by the derivatives of the mean loss with
    /// respect to them: `s_i (p_ic − [c = y_i]) / N` (softmax) or `s_i (σ(z_ic) − t_ic) / N`
    /// (one-vs-rest).
    func lossAndDerivatives(rows: Range<Int>, _ scores: UnsafeMutableBufferPointer<Float>, n: Double,
                            derivatives: Bool) -> Double {
        let c = classes
        var total = 0.0
        var z = [Double](repeating: 0, count: c)
        var d = [Double](repeating: 0, count: c)
        for i in rows {
            for k in 0..<c { z[k] = Double(scores[i * c + k]) }
            let s = rowWeight[i]
            switch loss {
            case .softmax:
                let top = z.max() ?? 0
                var sum = 0.0
                for k in 0..<c { d[k] = exp(z[k] - top); sum += d[k] }
                total += s * (top + log(sum) - z[target[i]])
                for k in 0..<c { d[k] = s * (d[k] / sum - (k == target[i] ? 1 : 0)) }
            case .oneVsRest:
                for k in 0..<c {
                    let t = targets[i * c + k]
                    // log(1 + e^z) computed stably.
                    let softplus = z[k] > 0 ? z[k] + log1p(exp(-z[k])) : log1p(exp(z[k]))
                    total += s * (softplus - t * z[k])
                    d[k] = s * (1 / (1 + exp(-z[k])) - t)
                }
            }
            if derivatives { for k in 0..<c { scores[i * c + k] = Float(d[k] / n) } }
        }
        return total
    }
}
