import Dispatch
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
    /// Reused gradient buffers of the parallel evaluation.
    let scratch = GradientScratch()

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

    /// Rows are split into this many fixed chunks, evaluated in parallel and summed in chunk
    /// order, so the result does not depend on how many cores run them.
    static let chunkCount = 4

    private func evaluate(_ x: [Double], _ g: inout [Double], wantsGradient: Bool, penalty: Bool) -> Double {
        let c = classes
        let biasStart = matrix.columnCount * c
        let n = Double(max(1, matrix.rowCount))
        let rows = matrix.rowCount
        let chunks = Self.chunkCount
        let parameters = parameterCount
        if wantsGradient {
            if g.count != parameters { g = [Double](repeating: 0, count: parameters) }
            scratch.prepare(chunks: chunks, parameters: parameters)
        }
        var losses = [Double](repeating: 0, count: chunks)
        x.withUnsafeBufferPointer { x in
            losses.withUnsafeMutableBufferPointer { losses in
                let shared = SharedChunks(x: x, losses: losses, scratch: scratch)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let gradient = wantsGradient ? shared.scratch.gradient(chunk) : nil
                    shared.losses[chunk] = evaluateRows((chunk * rows / chunks)..<((chunk + 1) * rows / chunks),
                                                        shared.x, gradient, biasStart: biasStart, n: n)
                }
            }
        }
        var f = losses.reduce(0, +) / n
        if wantsGradient {
            g.withUnsafeMutableBufferPointer { g in
                for j in 0..<parameters { g[j] = 0 }
                for chunk in 0..<chunks {
                    let partial = scratch.gradient(chunk)
                    for j in 0..<parameters { g[j] += partial[j] }
                }
            }
        }
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

    /// The summed loss of `rows`; adds their share of the gradient to `gradient` when given.
    private func evaluateRows(_ rows: Range<Int>, _ x: UnsafeBufferPointer<Double>, _ gradient: UnsafeMutablePointer<Double>?,
                              biasStart: Int, n: Double) -> Double {
        let c = classes
        if c == 4 { return evaluateRows4(rows, x, gradient, biasStart: biasStart, n: n) }
        var total = 0.0
        var z = [Double](repeating: 0, count: c)
        var d = [Double](repeating: 0, count: c)
        for i in rows {
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
            guard let g = gradient else { continue }
            for k in 0..<c { g[biasStart + k] += d[k] / n }
            for nz in matrix.rowStart[i]..<matrix.rowStart[i + 1] {
                let base = Int(matrix.column[nz]) * c
                let v = Double(matrix.value[nz]) / n
                for k in 0..<c { g[base + k] += d[k] * v }
            }
        }
        return total
    }
}

extension LogisticObjective {
    /// ``evaluateRows`` for four classes, with the four scores of a row in one SIMD vector.
    fileprivate func evaluateRows4(_ rows: Range<Int>, _ x: UnsafeBufferPointer<Double>, _ gradient: UnsafeMutablePointer<Double>?,
                                   biasStart: Int, n: Double) -> Double {
        let raw = UnsafeRawPointer(x.baseAddress!)
        @inline(__always) func load(_ index: Int) -> SIMD4<Double> {
            raw.loadUnaligned(fromByteOffset: index * MemoryLayout<Double>.stride, as: SIMD4<Double>.self)
        }
        let bias = load(biasStart)
        var total = 0.0
        matrix.rowStart.withUnsafeBufferPointer { rowStart in
            matrix.column.withUnsafeBufferPointer { column in
                matrix.value.withUnsafeBufferPointer { value in
                    for i in rows {
                        var z = bias
                        for nz in rowStart[i]..<rowStart[i + 1] {
                            z += load(Int(column[nz]) &* 4) * Double(value[nz])
                        }
                        let s = rowWeight[i]
                        var d = SIMD4<Double>()
                        switch loss {
                        case .softmax:
                            let top = z.max()
                            var e = SIMD4<Double>()
                            for k in 0..<4 { e[k] = exp(z[k] - top) }
                            let sum = e.sum()
                            let y = target[i]
                            total += s * (top + log(sum) - z[y])
                            d = e / sum
                            d[y] -= 1
                            d *= s
                        case .oneVsRest:
                            for k in 0..<4 {
                                let t = targets[i * 4 + k]
                                let softplus = z[k] > 0 ? z[k] + log1p(exp(-z[k])) : log1p(exp(z[k]))
                                total += s * (softplus - t * z[k])
                                d[k] = s * (1 / (1 + exp(-z[k])) - t)
                            }
                        }
                        guard let g = gradient else { continue }
                        let scaled = d / n
                        for k in 0..<4 { g[biasStart + k] += scaled[k] }
                        for nz in rowStart[i]..<rowStart[i + 1] {
                            let p = UnsafeMutableRawPointer(g + Int(column[nz]) &* 4)
                            let updated = p.loadUnaligned(as: SIMD4<Double>.self) + scaled * Double(value[nz])
                            p.storeBytes(of: updated, as: SIMD4<Double>.self)
                        }
                    }
                }
            }
        }
        return total
    }
}

/// Per-chunk gradient buffers, reused across evaluations (one objective is evaluated at a time).
final class GradientScratch: @unchecked Sendable {
    private var buffers: [UnsafeMutableBufferPointer<Double>] = []

    func prepare(chunks: Int, parameters: Int) {
        if buffers.count != chunks || buffers.first?.count != parameters {
            release()
            buffers = (0..<chunks).map { _ in UnsafeMutableBufferPointer<Double>.allocate(capacity: parameters) }
        }
        for buffer in buffers { buffer.initialize(repeating: 0) }
    }

    func gradient(_ chunk: Int) -> UnsafeMutablePointer<Double> { buffers[chunk].baseAddress! }

    private func release() {
        for buffer in buffers { buffer.deallocate() }
        buffers = []
    }

    deinit { release() }
}

/// What the chunk workers share: each writes only its own loss and gradient buffer.
private struct SharedChunks: @unchecked Sendable {
    let x: UnsafeBufferPointer<Double>
    let losses: UnsafeMutableBufferPointer<Double>
    let scratch: GradientScratch
}
