import Classifier
import Foundation
import Testing
@testable import Trainer

/// Damaged and forged model files always give a ``ModelFileError``, never a crash, a huge
/// allocation or a hang.
@Suite struct ModelFileRobustnessTests {
    /// Small real models: word unigrams over 2^8 buckets, a handful of rows.
    static let models: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for algorithm in TrainingConfiguration.Algorithm.allCases {
            // A training failure leaves the bytes empty, which `valid` reports.
            let model = try? FittingFixture.train(algorithm) {
                $0.features = FeatureSettings(wordUnigrams: true, wordBigrams: false, charNgramMin: 0, charNgramMax: 0,
                                              cliticStems: false, negationScope: 0, hashBits: 8)
                $0.minimumCount = 2
                $0.topFeatureCount = 2
            }
            files[algorithm.rawValue] = model.map(ModelFileEncoder.encode) ?? []
        }
        return files
    }()

    static let nb = models["nb"]!, logreg = models["logreg"]!

    func error(_ bytes: [UInt8]) -> ModelFileError? {
        do {
            _ = try StanceModel.decode(bytes, source: "forged")
            return nil
        } catch {
            return error
        }
    }

    func malformed(_ section: String, _ reason: String) -> String {
        "model 'forged' is malformed in section \(section): \(reason)"
    }

    @Test("the unedited models decode, and are small")
    func valid() {
        for (name, bytes) in Self.models {
            #expect(error(bytes) == nil, "\(name)")
            #expect(bytes.count < 4000, "\(name): \(bytes.count) bytes")
        }
    }

    @Test("truncation at every byte offset gives an error that says so", arguments: ["nb", "cnb", "logreg"])
    func truncation(name: String) {
        let bytes = Self.models[name]!
        for length in 0..<bytes.count {
            let expected: ModelFileError = length < 8
                ? .notAModel(path: "forged")
                : .lengthMismatch(path: "forged", declared: length < 24 ? 0 : UInt64(bytes.count), actual: length)
            let found = error(Array(bytes.prefix(length)))
            #expect(found == expected, "cut at \(length)")
            if found != expected { return }
        }
    }

    @Test("flipping any bit gives an error: signature, version, length, or else the checksum", arguments: ["nb", "logreg"])
    func bitFlips(name: String) {
        let bytes = Self.models[name]!
        var copy = bytes
        for offset in bytes.indices {
            let expected: ModelFileError = switch offset {
            case 0..<8: .notAModel(path: "forged")
            case 8..<12: .unsupportedVersion(path: "forged", version: 0)
            case 16..<24: .lengthMismatch(path: "forged", declared: 0, actual: bytes.count)
            default: .checksumMismatch(path: "forged")
            }
            for bit in 0..<8 {
                copy[offset] ^= 1 << bit
                let found = error(copy)
                copy[offset] = bytes[offset]
                switch (found, expected) {
                case (.unsupportedVersion?, .unsupportedVersion), (.lengthMismatch?, .lengthMismatch): continue
                default:
                    #expect(found == expected, "bit \(bit) of byte \(offset)")
                    if found != expected { return }
                }
            }
        }
    }

    @Test("bytes appended to a model are reported")
    func appended() {
        #expect(error(Self.nb + [0x0A]) == .lengthMismatch(path: "forged", declared: UInt64(Self.nb.count), actual: Self.nb.count + 1))
    }

    @Test("a future format version, even with a valid checksum, is refused by version")
    func futureVersion() {
        var bytes = Self.nb
        ModelFileLayout.put(UInt32(2), into: &bytes, at: 8)
        #expect(error(ModelFileLayout.resealed(bytes))?.description
                == "model 'forged' has format version 2; this build reads version 1 (retrain the model or update stance)")
    }

    // MARK: Forged sizes with a recomputed checksum

    @Test("forged section lengths: UInt64.max and 2^40")
    func sectionLengths() {
        for bytes in [Self.nb, Self.logreg] {
            let sections = ModelFileLayout.sections(of: bytes)
            for (index, length) in [(0, UInt64.max), (6, 1 << 40), (sections.count - 1, UInt64(Int.max))] {
                var forged = bytes
                ModelFileLayout.put(length, into: &forged, at: sections[index].offset + 4)
                let remaining = bytes.count - 8 - sections[index].payloadOffset
                #expect(error(ModelFileLayout.resealed(forged))?.description
                        == malformed(sections[index].tag, "declares \(length) bytes but only \(remaining) remain"))
            }
        }
        var forged = Self.nb
        ModelFileLayout.put(UInt32(1) << 31, into: &forged, at: 12)
        #expect(error(ModelFileLayout.resealed(forged))?.description == malformed("header", "declares 2147483648 sections"))
    }

    @Test("forged counts: rows, entries, labels, features")
    func counts() {
        let rows = Int(ModelFileLayout.uint(ModelFileLayout.sections(of: Self.nb).first { $0.tag == "NBCT" }!.payload, at: 32, size: 4))
        #expect(rows > 3)
        // NBCT: 4 × Float64 examples, then the row count at 32; rows of 4 + 4 × 8 bytes.
        let nbRows = ModelFileLayout.editing(Self.nb, "NBCT") { ModelFileLayout.put(UInt32.max, into: &$0, at: 32) }
        #expect(error(nbRows)?.description == malformed("NBCT", "declares 4294967295 rows but has room for \(rows)"))
        // LRWT: 4 × Float64 biases, the scale flag at 32, the row count at 33; rows of 4 + 5 × 4 bytes.
        let lrPayload = ModelFileLayout.sections(of: Self.logreg).first { $0.tag == "LRWT" }!.payload
        let lrRows = Int(ModelFileLayout.uint(lrPayload, at: 33, size: 4))
        #expect(lrPayload[32] == 1)
        #expect(lrPayload.count == 37 + lrRows * 24)
        let forgedLR = ModelFileLayout.editing(Self.logreg, "LRWT") { ModelFileLayout.put(UInt32.max, into: &$0, at: 33) }
        #expect(error(forgedLR)?.description == malformed("LRWT", "declares 4294967295 rows but has room for \(lrRows)"))
        let forgedOvR = ModelFileLayout.editing(Self.logreg, "OVRW") { ModelFileLayout.put(UInt32(lrRows + 1), into: &$0, at: 33) }
        #expect(error(forgedOvR)?.description.hasPrefix(malformed("OVRW", "declares \(lrRows + 1) rows but has room for")) == true)

        let entries = ModelFileLayout.editing(Self.nb, "META") { ModelFileLayout.put(UInt32.max, into: &$0, at: 0) }
        #expect(error(entries)?.description == malformed("META", "declares 4294967295 entries"))
        let labels = ModelFileLayout.editing(Self.nb, "LABL") { ModelFileLayout.put(UInt32(1) << 31, into: &$0, at: 0) }
        #expect(error(labels)?.description == malformed("LABL", "declares 2147483648 labels"))
        let features = ModelFileLayout.editing(Self.nb, "TOPF") { ModelFileLayout.put(UInt32.max, into: &$0, at: 0) }
        #expect(error(features)?.description.hasPrefix(malformed("TOPF", "declares 4294967295 features")) == true)
    }

    @Test("forged string lengths of UInt32.max: a metadata key, a label, a feature name")
    func stringLengths() {
        for (tag, offset) in [("META", 4), ("LABL", 4), ("TOPF", 4)] {
            let forged = ModelFileLayout.editing(Self.nb, tag) { ModelFileLayout.put(UInt32.max, into: &$0, at: offset) }
            #expect(error(forged)?.description == malformed(tag, "ends before its declared content"))
        }
    }

    @Test("forged settings: hash bits 40, and a table of labels × buckets too large to allocate")
    func settings() {
        let bits40 = ModelFileLayout.editing(Self.nb, "FEAT") { $0[6] = 40 }
        #expect(error(bits40)?.description == malformed("FEAT", "hash bits must lie in 8...26"))
        // 64 labels over 2^26 buckets would be 16 GiB of weights.
        let huge = ModelFileLayout.editing(ModelFileLayout.editing(Self.nb, "FEAT") { $0[6] = 26 }, "LABL") { payload in
            payload = [64, 0, 0, 0]
            for i in 0..<64 { payload += [2, 0, 0, 0, UInt8(ascii: "a") + UInt8(i / 26), UInt8(ascii: "a") + UInt8(i % 26)] }
        }
        #expect(error(huge)?.description == malformed("LABL", "64 labels × 2^26 buckets exceed the largest table of 2^28 weights (use fewer hash bits)"))
    }

    @Test("forged values: NaN weights, counts and temperatures")
    func values() {
        let nanCount = ModelFileLayout.editing(Self.nb, "NBCT") { ModelFileLayout.put(Double.nan.bitPattern, into: &$0, at: 40) }
        #expect(error(nanCount)?.description == malformed("NBCT", "a value is not finite or negative"))
        let nanWeight = ModelFileLayout.editing(Self.logreg, "LRWT") { ModelFileLayout.put(Float.nan.bitPattern, into: &$0, at: 41) }
        #expect(error(nanWeight)?.description == malformed("LRWT", "a value is not finite or negative"))
        let nanHead = ModelFileLayout.editing(Self.logreg, "OVRW") { ModelFileLayout.put(Float.nan.bitPattern, into: &$0, at: 41) }
        #expect(error(nanHead)?.description == malformed("OVRW", "a value is not finite or negative"))
        let nanBias = ModelFileLayout.editing(Self.logreg, "LRWT") { ModelFileLayout.put(Double.nan.bitPattern, into: &$0, at: 0) }
        #expect(error(nanBias)?.description == malformed("LRWT", "a bias is not finite"))
        let nanTemperature = ModelFileLayout.editing(Self.nb, "CALB") { ModelFileLayout.put(Double.nan.bitPattern, into: &$0, at: 0) }
        #expect(error(nanTemperature)?.description == malformed("CALB", "temperatures must be positive and the threshold within 0...1"))
    }

    @Test("forged buckets: out of order, repeated, out of range")
    func buckets() {
        let payload = ModelFileLayout.sections(of: Self.nb).first { $0.tag == "NBCT" }!.payload
        // Rows start at 36 and are 36 bytes long: bucket, then 4 counts.
        let first = UInt32(ModelFileLayout.uint(payload, at: 36, size: 4)), second = UInt32(ModelFileLayout.uint(payload, at: 72, size: 4))
        let swapped = ModelFileLayout.editing(Self.nb, "NBCT") { p in
            let a = Array(p[36..<72]), b = Array(p[72..<108])
            p.replaceSubrange(36..<108, with: b + a)
        }
        #expect(error(swapped)?.description == malformed("NBCT", "bucket \(first) is out of range or out of order"))
        let repeated = ModelFileLayout.editing(Self.nb, "NBCT") { ModelFileLayout.put(first, into: &$0, at: 72) }
        #expect(error(repeated)?.description == malformed("NBCT", "bucket \(first) is out of range or out of order"))
        #expect(second > first)
        for bucket: UInt32 in [256, 1 << 31, .max] {
            let outside = ModelFileLayout.editing(Self.nb, "NBCT") { ModelFileLayout.put(bucket, into: &$0, at: 36) }
            #expect(error(outside)?.description == malformed("NBCT", "bucket \(bucket) is out of range or out of order"))
            let outsideLR = ModelFileLayout.editing(Self.logreg, "LRWT") { ModelFileLayout.put(bucket, into: &$0, at: 37) }
            #expect(error(outsideLR)?.description == malformed("LRWT", "bucket \(bucket) is out of range or out of order"))
        }
    }

    @Test("random edits with a recomputed checksum give an error or a valid model, never a crash")
    func randomForgeries() {
        var rng = SplitMix64(seed: 2024)
        for bytes in [Self.nb, Self.logreg] {
            for _ in 0..<800 {
                var forged = bytes
                for _ in 0..<Int.random(in: 1...4, using: &rng) {
                    let offset = Int.random(in: 24..<(bytes.count - 8), using: &rng)
                    forged[offset] = Bool.random(using: &rng) ? UInt8.random(in: 0...255, using: &rng) : [0, 0xFF, 0x7F, 0x80][Int.random(in: 0..<4, using: &rng)]
                }
                // Decoding either fails with a model-file error or yields a model that works.
                if let model = try? StanceModel.decode(ModelFileLayout.resealed(forged), source: "forged") {
                    let p = model.classify(FittingFixture.unseen[0]).probabilities
                    #expect(p.count == model.labels.count)
                }
            }
        }
    }
}
