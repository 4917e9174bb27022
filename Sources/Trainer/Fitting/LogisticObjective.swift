#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The regularised logistic losses over a ``FeatureMatrix``; parameters are laid out as
/// `weight[column * classes + class]` followed by one bias per class.
///
/// Softmax (multinomial): `L = (1/N) Σ_i s_i (log Σ_c e^{z_ic} − z_{i,y_i}) + (λ/2) ‖W‖²`,
/// gradient `∂L/∂W_fc = (1/N) Σ_i s_i x_if (p_ic − [c = y_i]) + λ W_fc`.
/// One-vs-rest: `L = (1/N) Σ_i s_i Σ_c (log(1 + e^{z_ic}) − t_ic z_ic) + (λ/2) ‖W‖²`, gradient
/// with `σ(z_ic) − t_ic` in place of `p_ic − [c = y_i]`. Biases are not regularised.
struct LogisticObjective {
    enum Loss { case softmax, oneVsRest }

    let matrix: FeatureMatrix
    let classes: Int
    let loss: Loss
    /// Softmax: the class of each row.
    let target: [Int]
    /// One-vs-rest: `rows × classes` 0/1 targets.
    let targets: [Double]
    /// Weight of each row.
    let rowWeight: [Double]
    let l2: Double

    var parameterCount: Int { matrix.columnCount * classes + classes }

    /// Per-class scores of every row.
    func scores(_ x: [Double]) -> [Double] {
        let c = classes
        let biasStart = matrix.columnCount * c
        var z = [Double](repeating: 0, count: matrix.rowCount * c)
        x.withUnsafeBufferPointer { x in
            for i in 0..<matrix.rowCount {
                for k in 0..<c { z[i * c + k] = x[biasStart + k] }
                for nz in matrix.rowStart[i]..<matrix.rowStart[i + 1] {
                    let base = Int(matrix.column[nz]) * c
                    let v = Double(matrix.value[nz])
                    for k in 0..<c { z[i * c + k] += x[base + k] * v }
                }
            }
        }
        return z
    }

    /// Mean loss of `x` without the penalty (the held-out criterion).
    func dataLoss(_ x: [Double]) -> Double {
        var unused: [Double] = []
        return evaluate(x, &unused, wantsGradient: false, penalty: false)
    }

    /// f(x), writing ∇f(x) into `gradient`.
    func callAsFunction(_ x: [Double], _ gradient: inout [Double]) -> Double {
        evaluate(x, &gradient, wantsGradient: true, penalty: true)
    }

    private func evaluate(_ x: [Double], _ g: inout [Double], wantsGradient: Bool, penalty: Bool) -> Double {
        let c = classes
        let biasStart = matrix.columnCount * c
        let n = Double(max(1, matrix.rowCount))
        var total = 0.0
        if wantsGradient {
            if g.count != parameterCount { g = [Double](repeating: 0, count: parameterCount) }
            for i in 0..<g.count { g[i] = 0 }
        }
        var z = [Double](repeating: 0, count: c)
        var d = [Double](repeating: 0, count: c)
        x.withUnsafeBufferPointer { x in
            for i in 0..<matrix.rowCount {
                for k in 0..<c { z[k] = x[biasStart + k] }
                for nz in matrix.rowStart[i]..<matrix.rowStart[i + 1] {
                    let base = Int(matrix.column[nz]) * c
                    let v = Double(matrix.value[nz])
                    for k in 0..<c { z[k] += x[base + k] * v }
                }
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
                guard wantsGradient else { continue }
                for k in 0..<c { g[biasStart + k] += d[k] / n }
                for nz in matrix.rowStart[i]..<matrix.rowStart[i + 1] {
                    let base = Int(matrix.column[nz]) * c
                    let v = Double(matrix.value[nz]) / n
                    for k in 0..<c { g[base + k] += d[k] * v }
                }
            }
        }
        var f = total / n
        if penalty {
            var norm = 0.0
            for j in 0..<biasStart {
                norm += x[j] * x[j]
                if wantsGradient { g[j] += l2 * x[j] }
            }
            f += 0.5 * l2 * norm
        }
        return f
    }
}
