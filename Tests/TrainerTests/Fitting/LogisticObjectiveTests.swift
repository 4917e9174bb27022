import Classifier
import Foundation
import Testing
@testable import Trainer

/// The logistic losses and their gradients, checked against finite differences.
@Suite struct LogisticObjectiveTests {
    static let labels = ["denial", "accusation", "call_for_restraint", "none"]

    /// The fixture's rows with tf-idf-weighted values (or counts).
    static func matrix(tfidf: Bool = true) -> FeatureMatrix {
        let extractor = FeatureExtractor(features: FeatureSettings(charNgramMin: 0, charNgramMax: 0, hashBits: 8))
        let features = ExtractedFeatures(texts: FittingFixture.examples.map(\.text), extractor: extractor)
        let rows = Array(features.vectors.indices)
        return FeatureMatrix(features, rows: rows, scales: tfidf ? features.inverseDocumentFrequency(rows: rows) : nil)
    }

    /// The objective of the fixture under `loss` with row weights and tf-idf-weighted values,
    /// in `blockCount` blocks of rows (the trainer's number by default).
    static func objective(_ loss: LogisticObjective.Loss, l2: Double = 0.05, tfidf: Bool = true,
                          blockCount: Int = LogisticObjective.blockCount) -> LogisticObjective {
        let examples = FittingFixture.examples
        let classes = examples.map { $0.labels.map { labels.firstIndex(of: $0)! } }
        var targets = [Double](repeating: 0, count: examples.count * labels.count)
        for (i, row) in classes.enumerated() { for c in row { targets[i * labels.count + c] = 1 } }
        return LogisticObjective(columns: BlockedColumns(matrix(tfidf: tfidf), blockCount: blockCount), classes: labels.count,
                                 loss: loss, target: classes.map { $0[0] }, targets: targets,
                                 rowWeight: classes.indices.map { 0.5 + Double($0 % 3) * 0.5 }, l2: l2)
    }

    /// The loss and gradient of `objective` at `x` computed the plain way, row by row from the
    /// matrix, with the formulas of ``LogisticObjective``.
    static func reference(_ objective: LogisticObjective, _ matrix: FeatureMatrix, at x: [Double]) -> (Double, [Double]) {
        let c = objective.classes, n = Double(matrix.rowCount), biasStart = matrix.columnCount * c
        var f = 0.0
        var g = [Double](repeating: 0, count: x.count)
        for i in 0..<matrix.rowCount {
            var z = Array(x[biasStart...])
            for nz in matrix.rowStart[i]..<matrix.rowStart[i + 1] {
                for k in 0..<c { z[k] += x[Int(matrix.column[nz]) * c + k] * Double(matrix.value[nz]) }
            }
            let s = objective.rowWeight[i]
            var d = [Double](repeating: 0, count: c)
            switch objective.loss {
            case .softmax:
                let sum = z.map { exp($0) }.reduce(0, +)
                f += s * (log(sum) - z[objective.target[i]])
                for k in 0..<c { d[k] = s * (exp(z[k]) / sum - (k == objective.target[i] ? 1 : 0)) }
            case .oneVsRest:
                for k in 0..<c {
                    let t = objective.targets[i * c + k]
                    f += s * (log(1 + exp(z[k])) - t * z[k])
                    d[k] = s * (1 / (1 + exp(-z[k])) - t)
                }
            }
            for k in 0..<c { g[biasStart + k] += d[k] / n }
            for nz in matrix.rowStart[i]..<matrix.rowStart[i + 1] {
                for k in 0..<c { g[Int(matrix.column[nz]) * c + k] += d[k] * Double(matrix.value[nz]) / n }
            }
        }
        f /= n
        for j in 0..<biasStart {
            f += 0.5 * objective.l2 * x[j] * x[j]
            g[j] += objective.l2 * x[j]
        }
        return (f, g)
    }

    /// Coordinates to check: 40 weights drawn with `seed`, and every bias (the last 4).
    static func coordinates(_ objective: LogisticObjective, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        let weights = Array((0..<(objective.parameterCount - 4)).shuffled(using: &rng).prefix(40))
        return weights.sorted() + Array((objective.parameterCount - 4)..<objective.parameterCount)
    }

    /// Central differences of `objective` at `x` along each of `coordinates`. The scores are
    /// single precision (relative error about 1e-7), so the step is large enough for that noise
    /// to stay near 1e-5 of a difference; the truncation error, O(step²), is smaller still.
    static func numericalGradient(_ objective: LogisticObjective, at x: [Double], _ coordinates: [Int], step: Double = 1e-3) -> [Double] {
        var scratch: [Double] = []
        return coordinates.map { j in
            var plus = x, minus = x
            plus[j] += step; minus[j] -= step
            return (objective(plus, &scratch) - objective(minus, &scratch)) / (2 * step)
        }
    }

    @Test("the gradient equals central finite differences at random points", arguments: [LogisticObjective.Loss.softmax, .oneVsRest])
    func gradient(loss: LogisticObjective.Loss) {
        for tfidf in [false, true] {
            let objective = Self.objective(loss, tfidf: tfidf)
            var rng = SplitMix64(seed: 17)
            for _ in 0..<2 {
                let x = (0..<objective.parameterCount).map { _ in Double.random(in: -1...1, using: &rng) }
                var analytic: [Double] = []
                _ = objective(x, &analytic)
                #expect(analytic.count == objective.parameterCount)
                let checked = Self.coordinates(objective, seed: rng.next())
                let numeric = Self.numericalGradient(objective, at: x, checked)
                let worst = zip(checked.map { analytic[$0] }, numeric).map { abs($0 - $1) }.max()!
                let largest = numeric.map(abs).max()!
                #expect(worst < 1e-3 * largest, "largest gradient difference \(worst) for components up to \(largest)")
            }
        }
    }

    @Test("loss and gradient equal the plain row-by-row computation, whatever the number of blocks",
          arguments: [LogisticObjective.Loss.softmax, .oneVsRest], [1, 2, 3, 4, 7])
    func matchesReference(loss: LogisticObjective.Loss, blockCount: Int) {
        let objective = Self.objective(loss, blockCount: blockCount)
        var rng = SplitMix64(seed: 23)
        let x = (0..<objective.parameterCount).map { _ in Double.random(in: -1...1, using: &rng) }
        var g: [Double] = []
        let f = objective(x, &g)
        let (expectedF, expectedG) = Self.reference(objective, Self.matrix(), at: x)
        // Single-precision scores and derivatives: agreement to about 1e-8 (1e-12 in double).
        #expect(abs(f - expectedF) < 1e-6 * max(1, abs(expectedF)))
        #expect(zip(g, expectedG).map { abs($0 - $1) }.max()! < 1e-6)
        #expect(abs(objective.dataLoss(x) - Self.objective(loss, l2: 0, blockCount: blockCount)(x, &g)) < 1e-15)
    }

    @Test("with other than four labels (the plain loops), loss and gradient equal the row-by-row computation",
          arguments: [LogisticObjective.Loss.softmax, .oneVsRest], [2, 5])
    func otherLabelCounts(loss: LogisticObjective.Loss, classes: Int) {
        // The fixture's labels folded into `classes` (two) or spread over one more, unused (five).
        let examples = FittingFixture.examples
        let rows = examples.map { Array(Set($0.labels.map { Self.labels.firstIndex(of: $0)! % classes })).sorted() }
        var targets = [Double](repeating: 0, count: examples.count * classes)
        for (i, row) in rows.enumerated() { for c in row { targets[i * classes + c] = 1 } }
        let matrix = Self.matrix()
        let objective = LogisticObjective(columns: BlockedColumns(matrix, blockCount: 3), classes: classes, loss: loss,
                                          target: rows.map { $0[0] }, targets: targets,
                                          rowWeight: rows.indices.map { 0.5 + Double($0 % 3) * 0.5 }, l2: 0.05)
        var rng = SplitMix64(seed: 29)
        let x = (0..<objective.parameterCount).map { _ in Double.random(in: -1...1, using: &rng) }
        var g: [Double] = []
        let f = objective(x, &g)
        let (expectedF, expectedG) = Self.reference(objective, matrix, at: x)
        #expect(abs(f - expectedF) < 1e-6 * max(1, abs(expectedF)))
        #expect(zip(g, expectedG).map { abs($0 - $1) }.max()! < 1e-6)
    }

    @Test("the gradient does not depend on how the columns are shared out, nor on repeating it",
          arguments: [LogisticObjective.Loss.softmax, .oneVsRest])
    func gradientIndependentOfWorkers(loss: LogisticObjective.Loss) {
        // Without a penalty the gradient is just the pass over the columns.
        let objective = Self.objective(loss, l2: 0)
        var rng = SplitMix64(seed: 5)
        let x = (0..<objective.parameterCount).map { _ in Double.random(in: -1...1, using: &rng) }
        var g: [Double] = [], again: [Double] = []
        #expect(objective(x, &g) == objective(x, &again))
        #expect(g == again)
        // The derivatives the gradient pass reads, as the evaluation left them.
        let derivatives = UnsafeBufferPointer(objective.scratch.scores)
        let columns = objective.columnCount
        for cuts in [[Int](), [columns / 2], [1, 2, 3, columns - 1], Array(stride(from: 7, to: columns, by: 7))] {
            let bounds = [0] + cuts + [columns]
            var partitioned = [Double](repeating: .nan, count: objective.parameterCount)
            partitioned.withUnsafeMutableBufferPointer { out in
                // The parts in reverse, as another core might finish them.
                for (lower, upper) in zip(bounds, bounds.dropFirst()).reversed() {
                    objective.gradient(columns: lower..<upper, derivatives, into: out)
                }
            }
            let weights = objective.columnCount * objective.classes
            #expect(Array(partitioned.prefix(weights)) == Array(g.prefix(weights)), "cut at \(cuts)")
        }
    }

    @Test("at zero, the softmax loss is log C and the one-vs-rest loss C·log 2 (row weights averaged)")
    func lossAtZero() {
        let softmax = Self.objective(.softmax), heads = Self.objective(.oneVsRest)
        let zero = [Double](repeating: 0, count: softmax.parameterCount)
        let meanWeight = softmax.rowWeight.reduce(0, +) / Double(softmax.rowWeight.count)
        var g: [Double] = []
        #expect(abs(softmax(zero, &g) - meanWeight * log(4)) < 1e-12)
        #expect(abs(heads(zero, &g) - meanWeight * 4 * log(2)) < 1e-12)
        #expect(abs(softmax.dataLoss(zero) - meanWeight * log(4)) < 1e-12)
    }

    @Test("the penalty is (λ/2)‖W‖² over the weights, never the biases")
    func penalty() {
        let with = Self.objective(.softmax, l2: 0.3), without = Self.objective(.softmax, l2: 0)
        var rng = SplitMix64(seed: 4)
        let x = (0..<with.parameterCount).map { _ in Double.random(in: -1...1, using: &rng) }
        let weights = x.prefix(with.columnCount * 4)
        var g: [Double] = []
        #expect(abs(with(x, &g) - without(x, &g) - 0.15 * weights.reduce(0) { $0 + $1 * $1 }) < 1e-12)
        #expect(abs(with.dataLoss(x) - without(x, &g)) < 1e-12)
    }

    @Test("L-BFGS stops where the gradient vanishes, and there it still agrees with finite differences",
          arguments: [LogisticObjective.Loss.softmax, .oneVsRest])
    func stationaryAtSolution(loss: LogisticObjective.Loss) {
        let objective = Self.objective(loss, l2: 0.01)
        var optimizer = LBFGS()
        optimizer.maximumIterations = 500
        optimizer.relativeTolerance = 0
        let x = optimizer.minimize(from: [Double](repeating: 0, count: objective.parameterCount)) { objective($0, &$1) }
        var g: [Double] = []
        _ = objective(x, &g)
        #expect(g.map(abs).max()! < 1e-5)
        let checked = Self.coordinates(objective, seed: 8)
        let numeric = Self.numericalGradient(objective, at: x, checked)
        #expect(zip(checked.map { g[$0] }, numeric).map { abs($0 - $1) }.max()! < 1e-5)
        #expect(numeric.map(abs).max()! < 1e-5)
    }
}
