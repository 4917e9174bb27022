import Classifier
import Foundation
import Testing
@testable import Trainer

/// Save → load gives the same model: the same predictions, probabilities and bytes.
@Suite struct ModelFileRoundTripTests {
    static let variants: [(String, TrainingConfiguration.Algorithm, TrainingConfiguration.FeatureWeighting)] = [
        ("nb", .nb, .tfidf), ("cnb", .cnb, .tfidf), ("logreg counts", .logreg, .counts),
        ("logreg normalized", .logreg, .normalized), ("logreg tfidf", .logreg, .tfidf),
    ]

    static func trained(_ algorithm: TrainingConfiguration.Algorithm, _ weighting: TrainingConfiguration.FeatureWeighting) throws -> StanceModel {
        try FittingFixture.train(algorithm) { $0.weighting = weighting }
    }

    @Test("encode → decode: identical predictions, probabilities, explanations and bytes", arguments: variants)
    func roundTrip(name: String, algorithm: TrainingConfiguration.Algorithm, weighting: TrainingConfiguration.FeatureWeighting) throws {
        let model = try Self.trained(algorithm, weighting)
        let bytes = ModelFileEncoder.encode(model)
        let loaded = try StanceModel.decode(bytes, source: name)
        #expect(ModelFileEncoder.encode(loaded) == bytes)
        #expect(loaded.algorithm == model.algorithm)
        #expect(loaded.labels == model.labels)
        #expect(loaded.calibration == model.calibration)
        #expect(loaded.metadata == model.metadata)
        #expect(loaded.topFeatures == model.topFeatures)
        #expect(loaded.extractor.settings == model.extractor.settings)
        #expect(loaded.extractor.normalizer.settings == model.extractor.normalizer.settings)
        #expect(loaded.scorer.base == model.scorer.base)
        #expect(loaded.oneVsRest == model.oneVsRest)
        for text in FittingFixture.unseen + FittingFixture.examples.map(\.text) {
            #expect(loaded.classify(text) == model.classify(text))
            #expect(loaded.classifyMultiLabel(text) == model.classifyMultiLabel(text))
            #expect(loaded.explain(text, limit: 5) == model.explain(text, limit: 5))
        }
    }

    @Test("save with AtomicFile → load from disk: the same bytes and predictions")
    func throughDisk() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stance-roundtrip-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, algorithm, weighting) in Self.variants {
            let model = try Self.trained(algorithm, weighting)
            let path = directory + "/\(name).stance"
            try AtomicFile.write(ModelFileEncoder.encode(model), to: path)
            let loaded = try StanceModel.load(path: path)
            #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == ModelFileEncoder.encode(model))
            for text in FittingFixture.unseen { #expect(loaded.classify(text) == model.classify(text)) }
        }
    }

    @Test("the encoder writes the documented header and section order")
    func layout() throws {
        for (_, algorithm, weighting) in Self.variants {
            let bytes = ModelFileEncoder.encode(try Self.trained(algorithm, weighting))
            #expect(Array(bytes.prefix(8)) == ModelFileFormat.magic)
            let sections = ModelFileLayout.sections(of: bytes)
            let expected = algorithm == .logreg
                ? ["META", "NORM", "FEAT", "LABL", "ALGO", "CALB", "LRWT", "OVRW", "TOPF"]
                : ["META", "NORM", "FEAT", "LABL", "ALGO", "CALB", "NBCT", "TOPF"]
            #expect(sections.map(\.tag) == expected)
            #expect(ModelFileLayout.uint(bytes, at: 8, size: 4) == 1)
            #expect(ModelFileLayout.uint(bytes, at: 12, size: 4) == UInt64(expected.count))
            #expect(ModelFileLayout.uint(bytes, at: 16, size: 8) == UInt64(bytes.count))
            #expect(ModelFileLayout.uint(bytes, at: bytes.count - 8, size: 8)
                    == bytes.dropLast(8).withUnsafeBufferPointer { ModelFileFormat.checksum($0) })
        }
    }
}
