import Classifier
import Foundation
import Testing
@testable import Trainer

/// L-BFGS reaches optima that the tests compute independently.
@Suite struct LBFGSTests {
    @Test("a convex quadratic: the minimiser of ½xᵀAx − bᵀx solves Ax = b")
    func quadratic() {
        // A is symmetric positive definite and badly scaled; the solution is x = (1, −2, 3, 0.5).
        let a: [[Double]] = [[10, 1, 0, 0], [1, 5, 1, 0], [0, 1, 2, 0.5], [0, 0, 0.5, 1]]
        let solution = [1.0, -2, 3, 0.5]
        let b = a.map { row in zip(row, solution).reduce(0) { $0 + $1.0 * $1.1 } }
        var optimizer = LBFGS()
        optimizer.relativeTolerance = 0
        optimizer.gradientTolerance = 1e-10
        var iterations = 0
        let x = optimizer.minimize(from: [0, 0, 0, 0], { x, g in
            let ax = a.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } }
            g = zip(ax, b).map { $0 - $1 }
            return 0.5 * zip(x, ax).reduce(0) { $0 + $1.0 * $1.1 } - zip(b, x).reduce(0) { $0 + $1.0 * $1.1 }
        }, afterIteration: { k, _ in iterations = k; return true })
        for (found, expected) in zip(x, solution) { #expect(abs(found - expected) < 1e-6, "\(x)") }
        #expect(iterations < 100)
    }

    @Test("afterIteration can stop the search, which then returns the current iterate")
    func stopsEarly() {
        var calls: [Int] = []
        let x = LBFGS().minimize(from: [5], { x, g in g = [2 * (x[0] - 1)]; return (x[0] - 1) * (x[0] - 1) },
                                 afterIteration: { k, _ in calls.append(k); return k < 2 })
        #expect(calls == [1, 2])
        #expect(x[0] != 5)
    }

    @Test("a starting point that is already optimal is returned unchanged")
    func alreadyOptimal() {
        var evaluations = 0
        let x = LBFGS().minimize(from: [1, 2], { x, g in
            evaluations += 1
            g = [x[0] - 1, x[1] - 2]
            return 0.5 * ((x[0] - 1) * (x[0] - 1) + (x[1] - 2) * (x[1] - 2))
        })
        #expect(x == [1, 2])
        #expect(evaluations == 1)
    }

    // MARK: A logistic regression solved by Newton's method in the test

    /// Rows of one feature, the count `x` of a word, and a label: 0 (`a`) or 1 (`b`).
    static let rows: [(x: Int, y: Int)] = [
        (0, 0), (0, 0), (0, 0), (0, 1), (1, 0), (1, 0), (1, 1), (1, 1),
        (2, 0), (2, 1), (2, 1), (2, 1), (3, 1), (3, 1), (3, 0),
    ]
    static let lambda = 0.1

    /// Minimises `(1/N) Σ log(1 + e^{u·x+v}) − y·(u·x+v) + (c/2)·u²` by Newton's method.
    static func newton(penalty c: Double) -> (u: Double, v: Double) {
        var u = 0.0, v = 0.0
        let n = Double(rows.count)
        for _ in 0..<50 {
            var gu = c * u, gv = 0.0, huu = c, huv = 0.0, hvv = 0.0
            for (x, y) in rows {
                let p = 1 / (1 + exp(-(u * Double(x) + v))), w = p * (1 - p)
                gu += (p - Double(y)) * Double(x) / n; gv += (p - Double(y)) / n
                huu += w * Double(x * x) / n; huv += w * Double(x) / n; hvv += w / n
            }
            let det = huu * hvv - huv * huv
            u -= (hvv * gu - huv * gv) / det
            v -= (huu * gv - huv * gu) / det
        }
        return (u, v)
    }

    /// The model the trainer fits to ``rows``: word unigrams only, raw counts, no held-out share.
    static func trained() throws -> (model: StanceModel, bucket: Int) {
        var config = TrainingConfiguration()
        config.algorithm = .logreg
        config.labels = ["a", "b"]
        config.features = FeatureSettings(wordUnigrams: true, wordBigrams: false, charNgramMin: 0, charNgramMax: 0,
                                          cliticStems: false, negationScope: 0, hashBits: 8)
        config.weighting = .counts
        config.heldOutFraction = 0
        config.minimumCount = 1
        config.l2 = lambda
        config.maximumIterations = 300
        let examples = rows.enumerated().map { i, row in
            Example(text: Array(repeating: "سلام", count: row.x).joined(separator: " "), labels: [config.labels[row.y]],
                    source: SourceLocation(file: "newton", line: i + 1))
        }
        let model = try ModelTrainer(configuration: config).train(examples).model
        return (model, Int(model.extractor.features(of: "سلام").buckets[0]))
    }

    @Test("softmax: the fitted log odds u·x + v are the optimum Newton's method finds")
    func softmaxOptimum() throws {
        let (model, bucket) = try Self.trained()
        guard case .logisticRegression(let lr) = model.algorithm else { Issue.record("not logistic regression"); return }
        // Two classes with weights w_a, w_b penalised by (λ/2)(w_a² + w_b²): the optimum has
        // w_a = −w_b, so in u = w_b − w_a the penalty is (λ/4)u², i.e. c = λ/2.
        let (u, v) = Self.newton(penalty: Self.lambda / 2)
        let wa = Double(lr.linear.weights[bucket * 2]), wb = Double(lr.linear.weights[bucket * 2 + 1])
        // Within 1e-4: the objective's scores and derivatives are single precision.
        #expect(abs((wb - wa) - u) < 1e-4, "u = \(wb - wa), Newton \(u)")
        #expect(abs((lr.linear.bias[1] - lr.linear.bias[0]) - v) < 1e-4, "v = \(lr.linear.bias[1] - lr.linear.bias[0]), Newton \(v)")
        #expect(abs(wa + wb) < 1e-5)
        // Only the one word's bucket carries weight.
        #expect(lr.linear.usedBuckets == [UInt32(bucket)])
        // And the probabilities are the logistic function of those log odds.
        for x in 0...3 {
            let p = model.scorer.base.probabilities(for: FeatureVector(words: Array(repeating: UInt32(bucket), count: x)))
            #expect(abs(p[1] - 1 / (1 + exp(-(u * Double(x) + v)))) < 1e-4)
        }
    }

    @Test("one-vs-rest: each head is the binary logistic regression Newton's method finds")
    func oneVsRestOptimum() throws {
        let (model, bucket) = try Self.trained()
        guard case .logisticRegression(let lr) = model.algorithm else { Issue.record("not logistic regression"); return }
        let (u, v) = Self.newton(penalty: Self.lambda)
        // Head b is the model of y; head a that of 1 − y, its mirror image.
        // Within 1e-4: the objective's scores and derivatives are single precision.
        #expect(abs(Double(lr.oneVsRest.weights[bucket * 2 + 1]) - u) < 1e-4, "u = \(lr.oneVsRest.weights[bucket * 2 + 1]), Newton \(u)")
        #expect(abs(lr.oneVsRest.bias[1] - v) < 1e-4, "v = \(lr.oneVsRest.bias[1]), Newton \(v)")
        #expect(abs(Double(lr.oneVsRest.weights[bucket * 2]) + u) < 1e-4)
        #expect(abs(lr.oneVsRest.bias[0] + v) < 1e-4)
    }
}
