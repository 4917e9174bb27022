// The two passes over the non-zeros, the hot loops of logistic regression: the only place where
// the objective reads and writes through unsafe pointers. Every index is bounded by
// construction: ``BlockedColumns`` holds rows below `rowCount`, so the scores and derivatives
// touched lie within `rowCount × classes`, and columns below `columnCount`, so the weights and
// gradient touched lie within `columnCount × classes`. Debug builds check both.
extension LogisticObjective {
    /// Writes the scores of the rows of block `block`, `z_i = b + Σ_f x_if W_f`, at
    /// `row * classes + class` of `scores`: the bias first, then the columns in order.
    func scores(block: Int, _ x: UnsafeBufferPointer<Double>, into scores: UnsafeMutableBufferPointer<Double>) {
        let block = columns.blocks[block]
        let c = classes
        let biasStart = columnCount * c
        for i in block.rows { for k in 0..<c { scores[i * c + k] = x[biasStart + k] } }
        block.columnStart.withUnsafeBufferPointer { columnStart in
            block.row.withUnsafeBufferPointer { row in
                block.value.withUnsafeBufferPointer { value in
                    if c == 4, let x = x.baseAddress, let out = scores.baseAddress {
                        let weights = UnsafeRawPointer(x), z = UnsafeMutableRawPointer(out)
                        for k in 0..<columnCount {
                            let w = weights.loadUnaligned(fromByteOffset: k &* 32, as: SIMD4<Double>.self)
                            for e in columnStart[k]..<columnStart[k + 1] {
                                let offset = Int(row[e]) &* 32
                                assert(offset &+ 32 <= scores.count &* 8, "LogisticObjective: row \(row[e]) beyond the scores")
                                let updated = z.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) + w * Double(value[e])
                                z.storeBytes(of: updated, toByteOffset: offset, as: SIMD4<Double>.self)
                            }
                        }
                    } else {
                        for k in 0..<columnCount {
                            for e in columnStart[k]..<columnStart[k + 1] {
                                let r = Int(row[e]) * c, v = Double(value[e])
                                for j in 0..<c { scores[r + j] += x[k * c + j] * v }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the gradient of the mean loss without the penalty for the columns `part`, at
    /// `column * classes + class`: `Σ_i D_ic x_ik`, from the derivatives `D` at
    /// `row * classes + class` of `derivatives`, summed a block at a time.
    func gradient(columns part: Range<Int>, _ derivatives: UnsafeBufferPointer<Double>,
                  into gradient: UnsafeMutableBufferPointer<Double>) {
        let c = classes
        for j in (part.lowerBound * c)..<(part.upperBound * c) { gradient[j] = 0 }
        for block in columns.blocks {
            block.columnStart.withUnsafeBufferPointer { columnStart in
                block.row.withUnsafeBufferPointer { row in
                    block.value.withUnsafeBufferPointer { value in
                        if c == 4, let d = derivatives.baseAddress, let g = gradient.baseAddress {
                            let from = UnsafeRawPointer(d), to = UnsafeMutableRawPointer(g)
                            for k in part {
                                var sum = SIMD4<Double>()
                                for e in columnStart[k]..<columnStart[k + 1] {
                                    let offset = Int(row[e]) &* 32
                                    assert(offset &+ 32 <= derivatives.count &* 8, "LogisticObjective: row \(row[e]) beyond the derivatives")
                                    sum += from.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * Double(value[e])
                                }
                                assert(k &* 4 &+ 4 <= gradient.count, "LogisticObjective: column \(k) beyond the gradient")
                                let total = to.loadUnaligned(fromByteOffset: k &* 32, as: SIMD4<Double>.self) + sum
                                to.storeBytes(of: total, toByteOffset: k &* 32, as: SIMD4<Double>.self)
                            }
                        } else {
                            var sum = [Double](repeating: 0, count: c)
                            for k in part {
                                for j in 0..<c { sum[j] = 0 }
                                for e in columnStart[k]..<columnStart[k + 1] {
                                    let r = Int(row[e]) * c, v = Double(value[e])
                                    for j in 0..<c { sum[j] += derivatives[r + j] * v }
                                }
                                for j in 0..<c { gradient[k * c + j] += sum[j] }
                            }
                        }
                    }
                }
            }
        }
    }
}
