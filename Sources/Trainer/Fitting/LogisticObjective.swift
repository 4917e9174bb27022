import Dispatch

/// The regularised logistic losses over the rows of a ``BlockedColumns``; parameters are laid
/// out as `weight[column * classes + class]` followed by one bias per class.
///
/// Softmax (multinomial): `L = (1/N) Σ_i s_i (log Σ_c e^{z_ic} − z_{i,y_i}) + (λ/2) ‖W‖²`,
/// gradient `∂L/∂W_fc = (1/N) Σ_i s_i x_if (p_ic − [c = y_i]) + λ W_fc`.
/// One-vs-rest: `L = (1/N) Σ_i s_i Σ_c (log(1 + e^{z_ic}) − t_ic z_ic) + (λ/2) ‖W‖²`, gradient
/// with `σ(z_ic) − t_ic` in place of `p_ic − [c = y_i]`. Biases are not regularised.
///
/// An evaluation makes two passes over the non-zeros, each shared between the cores (see
/// ``BlockedColumns``). The first, one block of rows a worker, finds the rows' scores
/// `z_i = b + Σ_f x_if W_f` (the bias, then the columns in order), then their losses and the
/// derivatives `D_ic = ∂L/∂z_ic`. The second, a range of columns a worker, finds the gradient
/// `Xᵀ·D`, each column's sum taken block by block in row order and the blocks' sums added in
/// block order. The loss is summed the same way: within a block in row order, then the blocks
/// in order. The blocks are fixed, so the result does not depend on how many cores there are.
///
/// The two passes work in single precision: the weights are rounded to `Float` once an
/// evaluation, and the scores, the derivatives and a column's sum within a block are `Float`;
/// the losses, the sums across blocks and the optimiser stay `Double`. On 100,000 sentences
/// that made an evaluation about a quarter faster (half the bytes moved, four values a vector
/// register instead of two) and left held-out and real-news scores where they were; the
/// objective agrees with the double-precision formulas to about 1e-8.
struct LogisticObjective {
    enum Loss { case softmax, oneVsRest }

    let columns: BlockedColumns
    let classes: Int
    let loss: Loss
    /// Softmax: the class of each row.
    let target: [Int]
    /// One-vs-rest: `rows × classes` 0/1 targets.
    let targets: [Double]
    /// Weight of each row.
    let rowWeight: [Double]
    let l2: Double
    /// Reused buffers of the evaluations.
    let scratch = ObjectiveScratch()

    /// Rows are split into this many blocks: enough for the scores of a block of 100,000
    /// sentences to stay in a core's cache and to keep two cores busy; every block costs a
    /// visit to every column in each pass.
    static let blockCount = 4

    /// The objective over the non-zeros `columns`, whose row `i` has main class `target[i]`,
    /// 0/1 targets `targets[i * classes ..< (i + 1) * classes]` and weight `rowWeight[i]`.
    init(columns: BlockedColumns, classes: Int, loss: Loss, target: [Int], targets: [Double], rowWeight: [Double], l2: Double) {
        precondition(target.count == columns.rowCount && rowWeight.count == columns.rowCount
                     && targets.count == columns.rowCount * classes && target.allSatisfy { (0..<classes).contains($0) },
                     "LogisticObjective: targets do not match the rows")
        self.columns = columns
        self.classes = classes
        self.loss = loss
        self.target = target
        self.targets = targets
        self.rowWeight = rowWeight
        self.l2 = l2
    }

    var rowCount: Int { columns.rowCount }
    var columnCount: Int { columns.columnCount }
    var parameterCount: Int { columnCount * classes + classes }

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
        precondition(x.count == parameterCount, "LogisticObjective: \(x.count) parameters for \(parameterCount)")
        let biasStart = columnCount * classes
        let n = Double(max(1, rowCount))
        let blocks = columns.blocks.count
        scratch.prepare(scores: rowCount * classes, weights: biasStart)
        let weights = scratch.weights
        for j in 0..<biasStart { weights[j] = Float(x[j]) }
        var losses = [Double](repeating: 0, count: blocks)
        x.withUnsafeBufferPointer { x in
            losses.withUnsafeMutableBufferPointer { losses in
                let shared = SharedScores(weights: UnsafeBufferPointer(weights), bias: UnsafeBufferPointer(rebasing: x[biasStart...]),
                                          scores: scratch.scores, losses: losses)
                DispatchQueue.concurrentPerform(iterations: blocks) { b in
                    scores(block: b, weights: shared.weights, bias: shared.bias, into: shared.scores)
                    shared.losses[b] = lossAndDerivatives(rows: columns.blocks[b].rows, shared.scores, n: n,
                                                          derivatives: wantsGradient)
                }
            }
        }
        var f = losses.reduce(0, +) / n
        var norm = 0.0
        if wantsGradient {
            if g.count != parameterCount { g = [Double](repeating: 0, count: parameterCount) }
            x.withUnsafeBufferPointer { x in
                g.withUnsafeMutableBufferPointer { g in
                    withUnsafeMutablePointer(to: &norm) { norm in
                        let shared = SharedGradient(x: x, derivatives: UnsafeBufferPointer(scratch.scores), gradient: g, norm: norm)
                        let parts = scratch.columnRanges(columns)
                        // One more worker takes the squared norm of the weights, a chain of
                        // additions that would otherwise hold up the end of the evaluation.
                        DispatchQueue.concurrentPerform(iterations: parts.count + (penalty ? 1 : 0)) { part in
                            guard part < parts.count else {
                                shared.norm.pointee = Self.squaredNorm(shared.x, count: biasStart)
                                return
                            }
                            gradient(columns: parts[part], shared.derivatives, into: shared.gradient,
                                     penalty: penalty ? (shared.x, l2) : nil)
                        }
                    }
                    biasGradient(UnsafeBufferPointer(scratch.scores), into: g, biasStart: biasStart)
                }
            }
        } else if penalty {
            norm = x.withUnsafeBufferPointer { Self.squaredNorm($0, count: biasStart) }
        }
        if penalty { f += 0.5 * l2 * norm }
        return f
    }

    /// `Σ_{j < count} x_j²`, in index order.
    private static func squaredNorm(_ x: UnsafeBufferPointer<Double>, count: Int) -> Double {
        var norm = 0.0
        for j in 0..<count { norm += x[j] * x[j] }
        return norm
    }

    /// Writes the gradient of the biases, `Σ_i D_ic`, summed as the weights' are.
    private func biasGradient(_ derivatives: UnsafeBufferPointer<Float>, into gradient: UnsafeMutableBufferPointer<Double>,
                              biasStart: Int) {
        for k in 0..<classes {
            var total = 0.0
            for block in columns.blocks {
                var partial = 0.0
                for i in block.rows { partial += Double(derivatives[i * classes + k]) }
                total += partial
            }
            gradient[biasStart + k] = total
        }
    }
}

/// What the block workers share: each writes only its own rows' scores and its own loss.
private struct SharedScores: @unchecked Sendable {
    let weights: UnsafeBufferPointer<Float>
    let bias: UnsafeBufferPointer<Double>
    let scores: UnsafeMutableBufferPointer<Float>
    let losses: UnsafeMutableBufferPointer<Double>
}

/// What the column workers share: each writes only its own columns' gradient, and one the norm.
private struct SharedGradient: @unchecked Sendable {
    let x: UnsafeBufferPointer<Double>
    let derivatives: UnsafeBufferPointer<Float>
    let gradient: UnsafeMutableBufferPointer<Double>
    let norm: UnsafeMutablePointer<Double>
}
