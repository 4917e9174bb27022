import Foundation
import Testing
@testable import Classifier

/// The reader against the layout that ``ModelFileFormat`` documents.
@Suite struct ModelFileFormatTests {
    @Test("the checksum is FNV-1a-64 (the published test vectors)", arguments: [
        ("", 0xcbf2_9ce4_8422_2325), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8),
    ] as [(String, UInt64)])
    func checksum(text: String, expected: UInt64) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { ModelFileFormat.checksum($0) } == expected)
        #expect(ModelFileAssembler.fnv1a(bytes) == expected)
    }

    @Test("the header constants")
    func constants() {
        #expect(ModelFileFormat.magic == [0x53, 0x54, 0x41, 0x4E, 0x43, 0x45, 0x0D, 0x0A])
        #expect(ModelFileFormat.version == 1)
        #expect(ModelFileFormat.headerSize == 24)
        #expect(ModelFileFormat.checksumSize == 8)
        #expect(ModelFileFormat.Tag.allCases.map(\.rawValue) == ["META", "NORM", "FEAT", "LABL", "ALGO", "CALB", "NBCT", "LRWT", "OVRW", "TOPF"])
    }

    @Test("a naive Bayes file written from the documentation reads back field by field")
    func naiveBayes() throws {
        let model = try StanceModel.decode(ModelFileAssembler.naiveBayes().bytes, source: "nb")
        #expect(model.labels == ["yes", "no"])
        #expect(model.metadata == ModelMetadata([("tool", "assembler"), ("note", "نموذج")]))
        #expect(model.extractor.normalizer.settings == .arabicNews)
        #expect(model.extractor.settings == FeatureSettings(wordUnigrams: true, wordBigrams: false, charNgramMin: 0, charNgramMax: 0,
                                                            cliticStems: false, negationScope: 0, hashBits: 8))
        #expect(model.calibration == Calibration(temperature: 1.25, oneVsRestTemperature: 0.75, threshold: 0.35))
        #expect(model.topFeatures == [[WeightedFeature(name: "w:نعم", weight: 2.5)], []])
        guard case .naiveBayes(let nb) = model.algorithm else { Issue.record("not naive Bayes"); return }
        let counts = NaiveBayes.Counts(classCount: 2, documents: [3, 1], buckets: [3, 17, 200], values: [5, 1, 0, 2, 1.5, 0])
        #expect(nb == NaiveBayes(counts: counts, variant: .multinomial, alpha: 1, learnsPriors: true, bucketCount: 256))
        #expect(model.algorithmName == "nb")
        // The single-label scorer is the derived table, calibrated.
        #expect(model.scorer.base == nb.linear)
        #expect(model.scorer.temperature == 1.25)
        #expect(model.oneVsRest == nb.oneVsRest)
    }

    @Test("a logistic regression file reads back its two tables, the scales and length normalisation")
    func logisticRegression() throws {
        let model = try StanceModel.decode(ModelFileAssembler.logisticRegression().bytes, source: "lr")
        guard case .logisticRegression(let lr) = model.algorithm else { Issue.record("not logistic regression"); return }
        var weights = [Float](repeating: 0, count: 512), squares = [Float](repeating: 0, count: 256)
        weights[8] = 1.5; weights[9] = -1.5; squares[4] = 2.25
        weights[18] = -0.5; weights[19] = 0.5; squares[9] = 1
        #expect(lr.linear == LinearScorer(classCount: 2, bucketCount: 256, weights: weights, bias: [0.25, -0.25],
                                          normalizesLength: true, squaredScales: squares))
        var heads = [Float](repeating: 0, count: 512)
        heads[8] = 3; heads[9] = -3
        #expect(lr.oneVsRest == LinearScorer(classCount: 2, bucketCount: 256, weights: heads, bias: [-1, -2],
                                             normalizesLength: true, squaredScales: []))
        #expect(model.algorithmName == "logreg")
    }

    @Test("the complement variant is algorithm 1, and priors may be off")
    func complement() throws {
        var file = ModelFileAssembler.naiveBayes()
        file.edit("ALGO") { $0[0] = 1; $0[9] = 0 }
        let model = try StanceModel.decode(file.bytes, source: "cnb")
        guard case .naiveBayes(let nb) = model.algorithm else { Issue.record("not naive Bayes"); return }
        #expect(nb.variant == .complement)
        #expect(!nb.learnsPriors)
        #expect(model.algorithmName == "cnb")
    }
}
