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
        block.withBuffers { column, start, row, value in
            if c == 4, let x = x.baseAddress, let out = scores.baseAddress {
                let weights = UnsafeRawPointer(x), z = UnsafeMutableRawPointer(out)
                for j in 0..<column.count {
                    assert(Int(column[j]) < columnCount, "LogisticObjective: column \(column[j]) beyond the weights")
                    let w = weights.loadUnaligned(fromByteOffset: Int(column[j]) &* 32, as: SIMD4<Double>.self)
                    for e in start[j]..<start[j + 1] {
                        let offset = Int(row[e]) &* 32
                        assert(offset &+ 32 <= scores.count &* 8, "LogisticObjective: row \(row[e]) beyond the scores")
                        let updated = z.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) + w * Double(value[e])
                        z.storeBytes(of: updated, toByteOffset: offset, as: SIMD4<Double>.self)
                    }
                }
            } else {
                for j in 0..<column.count {
                    let k = Int(column[j]) * c
                    for e in start[j]..<start[j + 1] {
                        let r = Int(row[e]) * c, v = Double(value[e])
                        for i in 0..<c { scores[r + i] += x[k + i] * v }
                    }
                }
            }
        }
    }

    /// Writes the gradient of the mean loss for the columns `part`, at `column * classes + class`:
    /// `Σ_i D_ic x_ik`, from the derivatives `D` at `row * classes + class` of `derivatives`,
    /// summed a block at a time; then, with a `penalty`, adds `λ W_kc`.
    func gradient(columns part: Range<Int>, _ derivatives: UnsafeBufferPointer<Double>,
                  into gradient: UnsafeMutableBufferPointer<Double>,
                  penalty: (weights: UnsafeBufferPointer<Double>, l2: Double)? = nil) {
        let c = classes
        for j in (part.lowerBound * c)..<(part.upperBound * c) { gradient[j] = 0 }
        for block in columns.blocks {
            let positions = block.positions(of: part)
            block.withBuffers { column, start, row, value in
                if c == 4, let d = derivatives.baseAddress, let g = gradient.baseAddress {
                    let from = UnsafeRawPointer(d), to = UnsafeMutableRawPointer(g)
                    for j in positions {
                        var sum = SIMD4<Double>()
                        for e in start[j]..<start[j + 1] {
                            let offset = Int(row[e]) &* 32
                            assert(offset &+ 32 <= derivatives.count &* 8, "LogisticObjective: row \(row[e]) beyond the derivatives")
                            sum += from.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) * Double(value[e])
                        }
                        let k = Int(column[j]) &* 32
                        assert(k &+ 32 <= gradient.count &* 8, "LogisticObjective: column \(column[j]) beyond the gradient")
                        let total = to.loadUnaligned(fromByteOffset: k, as: SIMD4<Double>.self) + sum
                        to.storeBytes(of: total, toByteOffset: k, as: SIMD4<Double>.self)
                    }
                } else {
                    var sum = [Double](repeating: 0, count: c)
                    for j in positions {
                        for i in 0..<c { sum[i] = 0 }
                        for e in start[j]..<start[j + 1] {
                            let r = Int(row[e]) * c, v = Double(value[e])
                            for i in 0..<c { sum[i] += derivatives[r + i] * v }
                        }
                        let k = Int(column[j]) * c
                        for i in 0..<c { gradient[k + i] += sum[i] }
                    }
                }
            }
        }
        if let (weights, l2) = penalty {
            for j in (part.lowerBound * c)..<(part.upperBound * c) { gradient[j] += l2 * weights[j] }
        }
    }
}
