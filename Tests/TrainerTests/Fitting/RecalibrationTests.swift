import Classifier
import Testing
@testable import Trainer

@Suite struct RecalibrationTests {
    /// The fixture examples with every other label rotated: a model trained on the originals is
    /// over-confident on these, as it is on unfamiliar reporting.
    static func noisy() -> [Example] {
        let labels = ["denial", "accusation", "call_for_restraint", "none"]
        return CrossValidationTests.examples().enumerated().map { i, example in
            guard i % 2 == 0, let k = labels.firstIndex(of: example.labels[0]) else { return example }
            var changed = example
            changed.labels = [labels[(k + 1) % labels.count]]
            return changed
        }
    }

    @Test("on sentences it gets half wrong, the temperature rises and log loss and calibration error fall")
    func softens() throws {
        let model = try EvaluationTests.model()
        let result = try Recalibration.recalibrate(model, on: Self.noisy())
        #expect(result.model.calibration.temperature > model.calibration.temperature * 1.5)
        #expect(result.after.logLoss < result.before.logLoss)
        #expect(result.after.expectedCalibrationError < result.before.expectedCalibrationError)
    }

    @Test("weights, labels, settings and predictions stay; the metadata records the calibration data")
    func keepsTheModel() throws {
        let model = try EvaluationTests.model()
        let examples = Self.noisy()
        let new = try Recalibration.recalibrate(model, on: examples).model
        #expect(new.labels == model.labels && new.algorithm == model.algorithm && new.topFeatures == model.topFeatures)
        #expect(new.extractor.settings == model.extractor.settings)
        for example in examples { #expect(new.classify(example.text).label == model.classify(example.text).label) }
        #expect(new.metadata["recalibrated-examples"] == String(examples.count))
        #expect(new.metadata["recalibrated-data-checksum"] == DataChecksum.of(examples))
        #expect(new.metadata["examples"] == model.metadata["examples"])
        // A second recalibration replaces the entries rather than adding more.
        let again = try Recalibration.recalibrate(new, on: Array(examples.prefix(10))).model
        #expect(again.metadata.entries.filter { $0.key == "recalibrated-examples" }.map(\.value) == ["10"])
    }

    @Test("an unknown label names its line; fewer than two examples are refused")
    func refuses() throws {
        let model = try EvaluationTests.model()
        var examples = CrossValidationTests.examples()
        examples[3].labels = ["denail"]
        #expect(throws: TrainingError.unknownLabel(label: "denail", location: examples[3].source.description, known: model.labels)) {
            try Recalibration.recalibrate(model, on: examples)
        }
        #expect(throws: TrainingError.invalidSetting("1 example is too few to calibrate on; at least 2 are needed")) {
            try Recalibration.recalibrate(model, on: [examples[0]])
        }
    }
}
