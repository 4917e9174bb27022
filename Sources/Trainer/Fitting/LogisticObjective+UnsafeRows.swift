#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The passes over the rows, the hot loop of logistic regression: the only place where the
// objective reads and writes through unsafe pointers. Every index is bounded by construction:
// columns are below `columnCount` (``FrequencyOrderedRows``), rows within `rowStart`, and the
// buffers hold `parameterCount` doubles.
extension LogisticObjective {
    /// The summed loss of `rows`; adds their share of the gradient to `gradient` when given.
    /// `x` holds the weights in renumbered order.
    func evaluateRows(_ rows: Range<Int>, _ x: UnsafeBufferPointer<Double>, _ gradient: UnsafeMutableBufferPointer<Double>?,
                      biasStart: Int, n: Double) -> Double {
        self.rows.rowStart.withUnsafeBufferPointer { rowStart in
            self.rows.column.withUnsafeBufferPointer { column in
                self.rows.value.withUnsafeBufferPointer { value in
                    rowWeight.withUnsafeBufferPointer { rowWeight in
                        let pass = RowPass(rowStart: rowStart, column: column, value: value, rowWeight: rowWeight)
                        return classes == 4
                            ? evaluateRows4(rows, pass, x, gradient, biasStart: biasStart, n: n)
                            : evaluateRowsGeneric(rows, pass, x, gradient, biasStart: biasStart, n: n)
                    }
                }
            }
        }
    }

    private func evaluateRowsGeneric(_ rows: Range<Int>, _ pass: RowPass, _ x: UnsafeBufferPointer<Double>,
                                     _ gradient: UnsafeMutableBufferPointer<Double>?, biasStart: Int, n: Double) -> Double {
        let c = classes
        var total = 0.0
        var z = [Double](repeating: 0, count: c)
        var d = [Double](repeating: 0, count: c)
        for i in rows {
            for k in 0..<c { z[k] = x[biasStart + k] }
            for nz in pass.rowStart[i]..<pass.rowStart[i + 1] {
                let base = Int(pass.column[nz]) * c
                let v = Double(pass.value[nz])
                for k in 0..<c { z[k] += x[base + k] * v }
            }
            let s = pass.rowWeight[i]
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
            for nz in pass.rowStart[i]..<pass.rowStart[i + 1] {
                let base = Int(pass.column[nz]) * c
                let v = Double(pass.value[nz]) / n
                for k in 0..<c { g[base + k] += d[k] * v }
            }
        }
        return total
    }

    /// ``evaluateRows`` for four classes, with the four scores of a row in one SIMD vector.
    private func evaluateRows4(_ rows: Range<Int>, _ pass: RowPass, _ x: UnsafeBufferPointer<Double>,
                               _ gradient: UnsafeMutableBufferPointer<Double>?, biasStart: Int, n: Double) -> Double {
        guard let base = x.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        @inline(__always) func load(_ index: Int) -> SIMD4<Double> {
            raw.loadUnaligned(fromByteOffset: index &* MemoryLayout<Double>.stride, as: SIMD4<Double>.self)
        }
        let bias = load(biasStart)
        var total = 0.0
        for i in rows {
            let start = pass.rowStart[i], end = pass.rowStart[i + 1]
            var z = bias
            for nz in start..<end {
                z += load(Int(pass.column[nz]) &* 4) * Double(pass.value[nz])
            }
            let s = pass.rowWeight[i]
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
            guard let g = gradient?.baseAddress else { continue }
            let scaled = d / n
            for k in 0..<4 { g[biasStart + k] += scaled[k] }
            for nz in start..<end {
                let p = UnsafeMutableRawPointer(g + Int(pass.column[nz]) &* 4)
                let updated = p.loadUnaligned(as: SIMD4<Double>.self) + scaled * Double(pass.value[nz])
                p.storeBytes(of: updated, as: SIMD4<Double>.self)
            }
        }
        return total
    }
}

/// The arrays of one pass over the rows, borrowed for its duration.
private struct RowPass {
    let rowStart: UnsafeBufferPointer<Int>
    let column: UnsafeBufferPointer<Int32>
    let value: UnsafeBufferPointer<Float>
    let rowWeight: UnsafeBufferPointer<Double>
}
