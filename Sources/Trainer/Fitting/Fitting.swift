import Classifier
import Dispatch

/// One fit of the configured algorithm on some of the examples, and its calibration.
struct Fitting {
    struct Result {
        var algorithm: StanceModel.Algorithm
        var linear: LinearScorer
        var oneVsRest: LinearScorer
        var iterations: Int
    }

    let config: TrainingConfiguration
    let features: ExtractedFeatures
    let classesOfRow: [[Int]]
    let bucketCount: Int
    let progress: @Sendable (String) -> Void

    var classes: Int { config.labels.count }

    func fit(rows: [Int], earlyStoppingRows: [Int], iterations: Int) -> Result {
        switch config.algorithm {
        case .nb, .cnb:
            let counts = NaiveBayes.Counts(features: features, rows: rows, classesOfRow: rows.map { classesOfRow[$0] },
                                           classCount: classes)
            let nb = NaiveBayes(counts: counts, variant: config.algorithm == .nb ? .multinomial : .complement,
                                alpha: config.alpha, learnsPriors: config.learnsPriors, bucketCount: bucketCount)
            return Result(algorithm: .naiveBayes(nb), linear: nb.linear, oneVsRest: nb.oneVsRest, iterations: 0)
        case .logreg:
            // Both losses share one copy of the weighted rows.
            let scales = scales(rows: rows)
            let train = BlockedColumns(features, rows: rows, scales: scales, blockCount: LogisticObjective.blockCount)
            let check = earlyStoppingRows.isEmpty ? nil
                : BlockedColumns(features, rows: earlyStoppingRows, scales: scales, blockCount: LogisticObjective.blockCount)
            let (softmaxX, used) = fitLogistic(.softmax, rows: rows, train, earlyStoppingRows: earlyStoppingRows, check,
                                               from: nil, iterations: iterations)
            // The heads start from the softmax weights, which already rank the labels: on
            // 100,000 sentences they reached a lower held-out loss in 44 iterations instead of 78.
            let (headsX, _) = fitLogistic(.oneVsRest, rows: rows, train, earlyStoppingRows: earlyStoppingRows, check,
                                          from: softmaxX, iterations: iterations)
            let softmax = linearScorer(softmaxX, scales: scales), heads = linearScorer(headsX, scales: scales)
            let lr = LogisticRegression(linear: softmax, oneVsRest: heads)
            return Result(algorithm: .logisticRegression(lr), linear: softmax, oneVsRest: heads, iterations: used)
        }
    }

    /// Feature scales of logistic regression: inverse document frequencies over `rows` for
    /// tf-idf, all 1 for plain normalisation, `nil` for raw counts.
    private func scales(rows: [Int]) -> [Float]? {
        switch config.weighting {
        case .counts: nil
        case .normalized: [Float](repeating: 1, count: features.columnCount)
        case .tfidf: features.inverseDocumentFrequency(rows: rows)
        }
    }

    /// The objective of `loss` over the examples `rows`, whose weighted features are `values`.
    private func objective(_ loss: LogisticObjective.Loss, rows: [Int], _ values: BlockedColumns) -> LogisticObjective {
        let mainClass = rows.map { classesOfRow[$0][0] }
        var weightOfClass = [Double](repeating: 1, count: classes)
        if config.classWeighting == .balanced {
            var counts = [Double](repeating: 0, count: classes)
            for c in mainClass { counts[c] += 1 }
            for c in 0..<classes where counts[c] > 0 { weightOfClass[c] = Double(rows.count) / (Double(classes) * counts[c]) }
        }
        var targets = [Double](repeating: 0, count: rows.count * classes)
        for (i, row) in rows.enumerated() { for c in classesOfRow[row] { targets[i * classes + c] = 1 } }
        return LogisticObjective(columns: values, classes: classes, loss: loss, target: mainClass, targets: targets,
                                 rowWeight: mainClass.map { weightOfClass[$0] }, l2: config.l2)
    }

    /// L-BFGS from `start` (zero when `nil`); with early-stopping rows, keeps the iterate of
    /// lowest held-out loss and stops after `patience` iterations without improvement. Returns
    /// the parameters and the iteration they come from.
    private func fitLogistic(_ loss: LogisticObjective.Loss, rows: [Int], _ trainValues: BlockedColumns,
                             earlyStoppingRows: [Int], _ checkValues: BlockedColumns?, from start: [Double]?,
                             iterations: Int) -> ([Double], Int) {
        let train = objective(loss, rows: rows, trainValues)
        let check = checkValues.map { objective(loss, rows: earlyStoppingRows, $0) }
        var best: (loss: Double, x: [Double], iteration: Int)? = nil
        let name = loss == .softmax ? "softmax" : "one-vs-rest"
        var optimizer = LBFGS()
        optimizer.maximumIterations = iterations
        var x = optimizer.minimize(from: start ?? [Double](repeating: 0, count: train.parameterCount), { train($0, &$1) }) { k, x in
            guard let check else {
                if k % 10 == 0 { progress("\(name): iteration \(k)/\(iterations)") }
                return true
            }
            let heldOutLoss = check.dataLoss(x)
            if k % 10 == 0 { progress("\(name): iteration \(k)/\(iterations), held-out loss \(format(heldOutLoss))") }
            if best == nil || heldOutLoss < best!.loss - 1e-6 { best = (heldOutLoss, x, k) }
            return k - best!.iteration < config.patience
        }
        var used = iterations
        if let best { x = best.x; used = best.iteration }
        return (x, used)
    }

    /// The scorer of parameters `x`, with each weight multiplied by its feature's scale.
    private func linearScorer(_ x: [Double], scales: [Float]?) -> LinearScorer {
        let c = classes
        var buckets: [UInt32] = [], values: [Float] = [], squares: [Float] = []
        for (k, bucket) in features.columns.enumerated() {
            let scale = Double(scales?[k] ?? 1)
            let row = (0..<c).map { Float(x[k * c + $0] * scale) }
            guard row.contains(where: { $0 != 0 }) || (scales != nil && scale != 0) else { continue }
            buckets.append(bucket)
            values.append(contentsOf: row)
            if let scales { squares.append(scales[k] * scales[k]) }
        }
        let bias = Array(x[(features.columnCount * c)...])
        return LinearScorer(classCount: c, bucketCount: bucketCount, rows: buckets, values: values, bias: bias,
                            normalizesLength: scales != nil, squaredScales: scales == nil ? nil : squares)
    }

    /// The probabilities `scorer` gives the examples `rows`, worked out in parallel.
    func probabilities(_ scorer: Calibrated<LinearScorer>, of rows: [Int]) -> [[Double]] {
        var result = [[Double]](repeating: [], count: rows.count)
        result.withUnsafeMutableBufferPointer { result in
            let slots = ProbabilitySlots(values: result)
            let chunks = min(rows.count, 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for i in (chunk * rows.count / chunks)..<((chunk + 1) * rows.count / chunks) {
                    slots.values[i] = scorer.probabilities(for: features.vectors[rows[i]])
                }
            }
        }
        return result
    }

    /// Temperatures minimising held-out log loss, and the multi-label threshold maximising
    /// held-out micro-F1 over label sets.
    func calibrate(_ fit: Result, on rows: [Int]) -> Calibration {
        let c = classes
        var targets = [Double](repeating: 0, count: rows.count * c)
        for (i, row) in rows.enumerated() { for label in classesOfRow[row] { targets[i * c + label] = 1 } }
        // Every row's scores in its own slots, the rows shared out in chunks.
        var scores = [Double](repeating: 0, count: rows.count * c), heads = scores
        scores.withUnsafeMutableBufferPointer { scores in
            heads.withUnsafeMutableBufferPointer { heads in
                let slots = ScoreSlots(scores: scores, heads: heads)
                let chunks = min(rows.count, 64)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    for i in (chunk * rows.count / chunks)..<((chunk + 1) * rows.count / chunks) {
                        let buckets = features.vectors[rows[i]]
                        for (k, value) in fit.linear.logScores(for: buckets).enumerated() { slots.scores[i * c + k] = value }
                        for (k, value) in fit.oneVsRest.logScores(for: buckets).enumerated() { slots.heads[i * c + k] = value }
                    }
                }
            }
        }
        return CalibrationFitting.fit(scores: scores, heads: heads, targets: targets,
                                      mainClasses: rows.map { classesOfRow[$0][0] }, classes: classes)
    }
}

/// The rows' scores, written in parallel; each row's slots by one worker only.
private struct ScoreSlots: @unchecked Sendable {
    let scores: UnsafeMutableBufferPointer<Double>
    let heads: UnsafeMutableBufferPointer<Double>
}

/// Each row's probabilities, written by one worker only.
private struct ProbabilitySlots: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<[Double]>
}
