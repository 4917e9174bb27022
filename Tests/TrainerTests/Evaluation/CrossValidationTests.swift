import Classifier
import Testing
@testable import Trainer

@Suite struct CrossValidationTests {
    /// Main labels: `counts[i]` examples of label `L<i>`, interleaved in data order.
    static func labels(_ counts: [Int]) -> [String] {
        var labels: [String] = []
        for round in 0..<(counts.max() ?? 0) {
            for (i, n) in counts.enumerated() where round < n { labels.append("L\(i)") }
        }
        return labels
    }

    @Test("folds are stratified: each label and each fold is split as evenly as possible",
          arguments: [([10, 10, 10, 10], 4), ([7, 3, 12, 1], 3), ([5, 5], 2), ([9, 2, 4], 5), ([1, 1, 1], 3), ([30, 6], 10)])
    func stratified(_ counts: [Int], _ folds: Int) {
        let labels = Self.labels(counts)
        let assignment = CrossValidation.assignFolds(mainLabels: labels, folds: folds, seed: 7)
        #expect(assignment.count == labels.count)
        #expect(assignment.allSatisfy { (0..<folds).contains($0) })
        let sizes = (0..<folds).map { f in assignment.count { $0 == f } }
        #expect(sizes.max()! - sizes.min()! <= 1, "fold sizes \(sizes)")
        for label in Set(labels) {
            let perFold = (0..<folds).map { f in labels.indices.count { labels[$0] == label && assignment[$0] == f } }
            #expect(perFold.max()! - perFold.min()! <= 1, "\(label) over folds: \(perFold)")
        }
    }

    @Test("the same labels and seed give the same folds; another seed gives others")
    func deterministic() {
        let labels = Self.labels([12, 9, 15, 20])
        let first = CrossValidation.assignFolds(mainLabels: labels, folds: 5, seed: 3)
        #expect(CrossValidation.assignFolds(mainLabels: labels, folds: 5, seed: 3) == first)
        #expect(CrossValidation.assignFolds(mainLabels: labels, folds: 5, seed: 4) != first)
    }

    @Test("fold assignment does not depend on the order labels first appear in")
    func labelOrder() {
        // Same examples of each label at the same positions within their label, different interleaving.
        let a = ["x", "y", "x", "y", "x", "y"], b = ["y", "x", "y", "x", "y", "x"]
        let foldsA = CrossValidation.assignFolds(mainLabels: a, folds: 3, seed: 1)
        let foldsB = CrossValidation.assignFolds(mainLabels: b, folds: 3, seed: 1)
        let xA = a.indices.filter { a[$0] == "x" }.map { foldsA[$0] }, xB = b.indices.filter { b[$0] == "x" }.map { foldsB[$0] }
        #expect(xA == xB)
    }

    @Test("the spread is the mean and the sample standard deviation")
    func spread() {
        let s = Spread([1, 2, 3, 4])
        #expect(s.mean == 2.5)
        #expect(abs(s.standardDeviation - (5.0 / 3).squareRoot()) < 1e-12)
        #expect(Spread([0.5]) == Spread(mean: 0.5, standardDeviation: 0))
        #expect(Spread([]) == Spread(mean: 0, standardDeviation: 0))
    }

    static func examples() -> [Example] {
        let words = ["denial": ["nafa", "yanfi", "nafat", "tanfi"], "accusation": ["ittaham", "yattahim", "ittahamat", "tattahim"],
                     "call_for_restraint": ["daa", "yadou", "hathth", "tahdia"], "none": ["zara", "iftatah", "wasal", "aqad"]]
        var examples: [Example] = []
        for i in 0..<8 {
            for label in DatasetReader.standardLabels {
                let w = words[label]!
                examples.append(Example(text: "\(w[i % 4]) \(w[(i + 1) % 4]) common\(i) filler", labels: [label],
                                        source: SourceLocation(file: "x.tsv", line: examples.count + 1)))
            }
        }
        return examples
    }

    static var configuration: TrainingConfiguration {
        var c = TrainingConfiguration()
        c.algorithm = .nb
        c.features.hashBits = 10
        return c
    }

    @Test("cross-validation scores every example once and is reproducible")
    func run() throws {
        let validation = CrossValidation(configuration: Self.configuration, folds: 4)
        let result = try validation.run(Self.examples())
        #expect(result.folds.count == 4)
        #expect(result.exampleCount == 32)
        #expect(result.folds.allSatisfy { $0.count == 8 && $0.perLabel.allSatisfy { $0.support == 2 } })
        #expect(result.labels == DatasetReader.standardLabels)
        #expect(try validation.run(Self.examples()) == result)
        #expect(result.labelF1.count == 4)
        #expect(result.macroF1 == Spread(result.folds.map(\.macroF1)))
    }

    @Test("cross-validation errors")
    func errors() {
        let validation = CrossValidation(configuration: Self.configuration, folds: 5)
        let three = Array(Self.examples().prefix(3))
        #expect(throws: CrossValidationError.tooFewExamples(count: 3, folds: 5)) { try validation.run(three) }
        #expect(CrossValidationError.tooFewExamples(count: 3, folds: 5).description
                == "3 examples are too few for 5 folds; use at most 3 folds")
        #expect(CrossValidationError.tooFewExamples(count: 1, folds: 2).description
                == "1 example is too few to cross-validate; at least 2 are needed")
        var odd = Self.examples()
        odd[5].labels = ["praise"]
        #expect(throws: CrossValidationError.training(.unknownLabel(label: "praise", location: "x.tsv:6",
                                                                      known: DatasetReader.standardLabels))) {
            try validation.run(odd)
        }
        // A label with one example: the fold holding it trains without it.
        var single = Self.examples().filter { $0.labels != ["none"] }
        single.append(Example(text: "zara wasal", labels: ["none"], source: SourceLocation(file: "x.tsv", line: 99)))
        #expect(throws: CrossValidationError.self) { try validation.run(single) }
    }

    @Test("the cross-validation report")
    func report() {
        let fold1 = Metrics(labels: ["a", "b"], gold: [0, 1], probabilities: [[0.9, 0.1], [0.2, 0.8]])
        let fold2 = Metrics(labels: ["a", "b"], gold: [0, 1], probabilities: [[0.4, 0.6], [0.3, 0.7]])
        let result = CrossValidationResult(labels: ["a", "b"], folds: [fold1, fold2])
        #expect(CrossValidationReport.text(result, algorithm: "nb", seed: 5) == """
            2-fold cross-validation of nb on 4 examples (stratified by main label, seed 5)

                                          mean         sd
            macro-F1                    0.6667  ±  0.4714
            accuracy                    0.7500  ±  0.3536
            expected calibration error  0.3000  ±  0.2121
            log loss                    0.4004  ±  0.3339
            F1 a                        0.5000  ±  0.7071
            F1 b                        0.8333  ±  0.2357

            fold  examples  macro-F1  accuracy     ECE  log loss
            1            2    1.0000    1.0000  0.1500    0.1643
            2            2    0.3333    0.5000  0.4500    0.6365

            """)
    }
}
