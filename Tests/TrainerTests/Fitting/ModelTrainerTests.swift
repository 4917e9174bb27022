import Classifier
import Testing
@testable import Trainer

@Suite struct ModelTrainerTests {
    @Test("the same data and seed give byte-identical model files", arguments: TrainingConfiguration.Algorithm.allCases)
    func deterministic(algorithm: TrainingConfiguration.Algorithm) throws {
        let first = ModelFileEncoder.encode(try FittingFixture.train(algorithm))
        let second = ModelFileEncoder.encode(try FittingFixture.train(algorithm))
        #expect(first == second)
        // And the file records what made it.
        let model = try StanceModel.decode(first, source: "trained")
        #expect(model.metadata["algorithm"] == algorithm.rawValue)
        #expect(model.metadata["seed"] == "42")
        #expect(model.metadata["examples"] == String(FittingFixture.examples.count))
        #expect(model.algorithmName == algorithm.rawValue)
    }

    @Test("every logistic feature weighting is deterministic too", arguments: TrainingConfiguration.FeatureWeighting.allCases)
    func deterministicWeighting(weighting: TrainingConfiguration.FeatureWeighting) throws {
        let train = { try FittingFixture.train(.logreg) { $0.weighting = weighting; $0.classWeighting = .balanced } }
        #expect(ModelFileEncoder.encode(try train()) == ModelFileEncoder.encode(try train()))
    }

    @Test("the seed decides the held-out split and so the calibration")
    func seedMatters() throws {
        let a = try FittingFixture.train(.nb) { $0.seed = 1 }, b = try FittingFixture.train(.nb) { $0.seed = 2 }
        #expect(a.metadata["seed"] == "1")
        #expect(ModelTrainer(configuration: FittingFixture.configuration(.nb)).split(Array(repeating: 0, count: 12) + Array(repeating: 1, count: 12)).heldOut.count == 6)
        // The model is fitted without the held-out share, so the seed changes its counts.
        guard case .naiveBayes(let nbA) = a.algorithm, case .naiveBayes(let nbB) = b.algorithm else {
            Issue.record("not naive Bayes")
            return
        }
        #expect(nbA.counts != nbB.counts)
    }

    @Test("the held-out split is stratified, seeded, and keeps one example of every label for fitting")
    func split() {
        var config = FittingFixture.configuration(.nb)
        config.labels = ["a", "b", "c"]
        config.heldOutFraction = 0.5
        let classes = [0, 0, 0, 0, 1, 1, 2]
        let (fit, heldOut) = ModelTrainer(configuration: config).split(classes)
        #expect(Set(fit).union(heldOut) == Set(classes.indices))
        #expect(Set(fit).isDisjoint(with: heldOut))
        #expect(heldOut.filter { classes[$0] == 0 }.count == 2)
        #expect(heldOut.filter { classes[$0] == 1 }.count == 1)
        #expect(!heldOut.contains(6))
        #expect(ModelTrainer(configuration: config).split(classes) == (fit, heldOut))
    }

    @Test("settings the model file cannot hold are refused before training", arguments: [
        (["only"], "a model needs 2 to 64 distinct labels, each 1 to 256 bytes long"),
        (["a", "a"], "a model needs 2 to 64 distinct labels, each 1 to 256 bytes long"),
        (["a", ""], "a model needs 2 to 64 distinct labels, each 1 to 256 bytes long"),
        (["a", String(repeating: "x", count: 257)], "a model needs 2 to 64 distinct labels, each 1 to 256 bytes long"),
        ((0..<65).map { "l\($0)" }, "a model needs 2 to 64 distinct labels, each 1 to 256 bytes long"),
    ])
    func invalidLabels(labels: [String], message: String) {
        var config = FittingFixture.configuration(.nb)
        config.labels = labels
        let examples = [Example(text: "نص", labels: [labels[0]], source: SourceLocation(file: "x", line: 1)),
                        Example(text: "نص آخر", labels: [labels[0]], source: SourceLocation(file: "x", line: 2))]
        #expect(throws: TrainingError.invalidSetting(message)) { try ModelTrainer(configuration: config).train(examples) }
    }

    @Test("a table of labels × buckets the model file cannot hold is refused")
    func tableTooLarge() {
        var config = FittingFixture.configuration(.nb)
        config.labels = ["a", "b", "c", "d", "e"]
        config.features.hashBits = 26
        #expect(throws: TrainingError.invalidSetting("5 labels × 2^26 buckets exceed the largest table of 2^28 weights (use fewer hash bits)")) {
            try ModelTrainer(configuration: config).train(FittingFixture.examples)
        }
    }

    @Test("other settings are checked before training", arguments: [
        ("alpha", "alpha must be positive"),
        ("l2", "L2 strength must be zero or positive"),
        ("held-out", "held-out fraction must lie in [0, 1)"),
        ("minimum-count", "minimum count must be at least 1"),
        ("hash-bits", "hash bits must lie in 8...26"),
    ])
    func invalidSettings(setting: String, message: String) {
        var config = FittingFixture.configuration(.logreg)
        switch setting {
        case "alpha": config.alpha = 0
        case "l2": config.l2 = -1
        case "held-out": config.heldOutFraction = 1
        case "minimum-count": config.minimumCount = 0
        default: config.features.hashBits = 30
        }
        #expect(throws: TrainingError.invalidSetting(message)) { try ModelTrainer(configuration: config).train(FittingFixture.examples) }
    }

    @Test("data problems: a label without examples, an unknown label, too few examples")
    func dataProblems() {
        let trainer = ModelTrainer(configuration: FittingFixture.configuration(.nb))
        let noNone = FittingFixture.examples.filter { $0.labels != ["none"] }
        #expect(throws: TrainingError.labelWithoutExamples("none")) { try trainer.train(noNone) }
        var odd = FittingFixture.examples
        odd[3].labels = ["praise"]
        #expect(throws: TrainingError.unknownLabel(label: "praise", location: "fixture.tsv:4",
                                                   known: ["denial", "accusation", "call_for_restraint", "none"])) { try trainer.train(odd) }
        #expect(throws: TrainingError.tooFewExamples(1)) { try trainer.train(Array(FittingFixture.examples.prefix(1))) }
    }

    @Test("a trained model predicts its own training sentences", arguments: TrainingConfiguration.Algorithm.allCases)
    func fitsTrainingData(algorithm: TrainingConfiguration.Algorithm) throws {
        let model = try FittingFixture.train(algorithm) { $0.maximumIterations = 200; $0.heldOutFraction = 0 }
        let correct = FittingFixture.examples.filter { model.classify($0.text).label == $0.labels[0] }.count
        #expect(correct >= FittingFixture.examples.count * 3 / 4, "\(correct) of \(FittingFixture.examples.count)")
    }
}
