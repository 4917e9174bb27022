// The two passes over the non-zeros, the hot loops of logistic regression: the only place where
// the objective reads and writes through unsafe pointers. Every index is bounded by
// construction: ``BlockedColumns`` holds rows below `rowCount`, so the scores and derivatives
// touched lie within `rowCount × classes`, and columns below `columnCount`, so the weights and
// gradient touched lie within `columnCount × classes`. Debug builds check both.
extension LogisticObjective {
    /// Writes the scores of the rows of block `block`, `z_i = b + Σ_f x_if W_f`, at
    /// `row * classes + class` of `scores`: the bias first, then the columns in order, in
    /// single precision from the weights `w` (`column * classes + class`) and biases `bias`.
    func scores(block: Int, weights w: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Double>,
                into scores: UnsafeMutableBufferPointer<Float>) {
        let block = columns.blocks[block]
        let c = classes
        for i in block.rows { for k in 0..<c { scores[i * c + k] = Float(bias[k]) } }
        block.withBuffers { column, start, row, value in
            if c == 4, let w = w.baseAddress, let out = scores.baseAddress {
                let weights = UnsafeRawPointer(w), z = UnsafeMutableRawPointer(out)
                for j in 0..<column.count {
                    assert(Int(column[j]) < columnCount, "LogisticObjective: column \(column[j]) beyond the weights")
                    let weight = weights.loadUnaligned(fromByteOffset: Int(column[j]) &* 16, as: SIMD4<Float>.self)
                    for e in start[j]..<start[j + 1] {
                        let offset = Int(row[e]) &* 16
                        assert(offset &+ 16 <= scores.count &* 4, "LogisticObjective: row \(row[e]) beyond the scores")
                        let updated = z.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self) + weight * value[e]
                        z.storeBytes(of: updated, toByteOffset: offset, as: SIMD4<Float>.self)
                    }
                }
            } else {
                for j in 0..<column.count {
                    let k = Int(column[j]) * c
                    for e in start[j]..<start[j + 1] {
                        let r = Int(row[e]) * c, v = value[e]
                        for i in 0..<c { scores[r + i] += w[k + i] * v }
                    }
                }
            }
        }
    }

    /// Writes the gradient of the mean loss for the columns `part`, at `column * classes + class`:
    /// `Σ_i D_ic x_ik`, from the derivatives `D` at `row * classes + class` of `derivatives`,
    /// summed a block at a time (in single precision within a block, in double across blocks);
    /// then, with a `penalty`, adds `λ W_kc`.
    func gradient(columns part: Range<Int>, _ derivatives: UnsafeBufferPointer<Float>,
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
                        // Two sums, even and odd entries, so that each addition waits for the
                        // one two entries back rather than the one just before.
                        var even = SIMD4<Float>(), odd = SIMD4<Float>()
                        var e = start[j]
                        let end = start[j + 1]
                        while e &+ 1 < end {
                            let first = Int(row[e]) &* 16, second = Int(row[e &+ 1]) &* 16
                            assert(max(first, second) &+ 16 <= derivatives.count &* 4, "LogisticObjective: row beyond the derivatives")
                            even += from.loadUnaligned(fromByteOffset: first, as: SIMD4<Float>.self) * value[e]
                            odd += from.loadUnaligned(fromByteOffset: second, as: SIMD4<Float>.self) * value[e &+ 1]
                            e = e &+ 2
                        }
                        if e < end {
                            let offset = Int(row[e]) &* 16
                            assert(offset &+ 16 <= derivatives.count &* 4, "LogisticObjective: row \(row[e]) beyond the derivatives")
                            even += from.loadUnaligned(fromByteOffset: offset, as: SIMD4<Float>.self) * value[e]
                        }
                        let sum = even + odd
                        let k = Int(column[j]) &* 32
                        assert(k &+ 32 <= gradient.count &* 8, "LogisticObjective: column \(column[j]) beyond the gradient")
                        let total = to.loadUnaligned(fromByteOffset: k, as: SIMD4<Double>.self) + SIMD4<Double>(sum)
                        to.storeBytes(of: total, toByteOffset: k, as: SIMD4<Double>.self)
                    }
                } else {
                    var sum = [Float](repeating: 0, count: c)
                    for j in positions {
                        for i in 0..<c { sum[i] = 0 }
                        for e in start[j]..<start[j + 1] {
                            let r = Int(row[e]) * c, v = value[e]
                            for i in 0..<c { sum[i] += derivatives[r + i] * v }
                        }
                        let k = Int(column[j]) * c
                        for i in 0..<c { gradient[k + i] += Double(sum[i]) }
                    }
                }
            }
        }
        if let (weights, l2) = penalty {
            for j in (part.lowerBound * c)..<(part.upperBound * c) { gradient[j] += l2 * weights[j] }
        }
    }
}
