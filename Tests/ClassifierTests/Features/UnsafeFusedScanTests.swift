import Foundation
import Testing
@testable import Classifier

/// The fused single pass must find exactly the features of the reference path (normalise,
/// tokenise, visit the tokens), in the same order, for every input and every setting.
@Suite struct UnsafeFusedScanTests {
    /// Extractors over every normaliser rule, each on and off, and varied feature settings.
    static let extractors: [FeatureExtractor] = {
        var rng = TextFuzzing.SplitMix64(seed: 0xF05E_D5CA)
        let everyRuleOff = NormalizerSettings(bits: 0)!
        var extractors = [FeatureExtractor(), FeatureExtractor(normalizer: everyRuleOff),
                          FeatureExtractor(features: FeatureSettings(charNgramMin: 1, charNgramMax: 8, negationScope: 16))]
        // Each rule alone, and every rule but that one.
        for bit in 0..<UInt32(NormalizerSettings.bitCount) {
            let all: UInt32 = (1 << UInt32(NormalizerSettings.bitCount)) - 1
            for bits in [1 << bit, all & ~(1 << bit)] {
                extractors.append(FeatureExtractor(normalizer: NormalizerSettings(bits: bits)!))
            }
        }
        for _ in 0..<12 {
            let maximum = Int.random(in: 0...6, using: &rng)
            extractors.append(FeatureExtractor(
                normalizer: NormalizerSettings(bits: UInt32.random(in: 0..<(1 << NormalizerSettings.bitCount), using: &rng))!,
                features: FeatureSettings(
                    wordUnigrams: Bool.random(using: &rng), wordBigrams: Bool.random(using: &rng),
                    charNgramMin: maximum == 0 ? 0 : Int.random(in: 1...maximum, using: &rng), charNgramMax: maximum,
                    cliticStems: Bool.random(using: &rng), negationScope: Int.random(in: 0...4, using: &rng),
                    hashBits: Int.random(in: 8...22, using: &rng))))
        }
        return extractors
    }()

    /// The failures of the fused pass against the reference path on `bytes`, described.
    static func mismatches(_ bytes: [UInt8], _ extractor: FeatureExtractor) -> String? {
        var fused = FeatureExtractor.Workspace(), reference = FeatureExtractor.Workspace()
        bytes.withUnsafeBufferPointer {
            extractor.extract($0, into: &fused, reference: false)
            extractor.extract($0, into: &reference, reference: true)
        }
        guard fused.vector != reference.vector else { return nil }
        return "\(bytes) '\(String(decoding: bytes, as: UTF8.self))' with \(extractor.normalizer.settings), \(extractor.settings)"
    }

    @Test("random Arabic-heavy text gives the reference features under every setting")
    func randomText() {
        var rng = TextFuzzing.SplitMix64(seed: 0xF05E_0001)
        for _ in 0..<TextFuzzing.caseCount * 3 {
            let text = TextFuzzing.arabicHeavyString(&rng, maximumLength: 60)
            let extractor = Self.extractors.randomElement(using: &rng)!
            let failure = Self.mismatches(Array(text.utf8), extractor)
            #expect(failure == nil)
        }
    }

    @Test("decomposed text, whose hamza the reference path composes, has the features of composed text")
    func decomposedHamza() {
        for extractor in Self.extractors.prefix(3) {
            for (decomposed, composed) in [("نفى المسو\u{0654}ول وجود ي\u{0654}س", "نفى المسؤول وجود ئس")] {
                var a = FeatureExtractor.Workspace(), b = FeatureExtractor.Workspace()
                Array(decomposed.utf8).withUnsafeBufferPointer { extractor.extract($0, into: &a, reference: false) }
                Array(composed.utf8).withUnsafeBufferPointer { extractor.extract($0, into: &b, reference: false) }
                #expect(Self.mismatches(Array(decomposed.utf8), extractor) == nil)
                if extractor.normalizer.settings.removeDiacritics { #expect(a.vector == b.vector) }
            }
        }
    }

    @Test("random bytes, mostly invalid UTF-8, give the reference features")
    func randomBytes() {
        var rng = TextFuzzing.SplitMix64(seed: 0xF05E_0002)
        for _ in 0..<TextFuzzing.caseCount * 3 {
            let bytes = TextFuzzing.bytes(&rng, maximumLength: 64)
            let failure = Self.mismatches(bytes, Self.extractors.randomElement(using: &rng)!)
            #expect(failure == nil)
        }
    }

    @Test("every scalar below U+0800 and every special one, inside words, between digits and next to joiners")
    func everyScalarInContext() {
        let special: [UInt32] = TextFuzzing.spaces + TextFuzzing.invisibles + TextFuzzing.punctuation + TextFuzzing.emoji
            + [0x2010, 0x2011, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2C65, 0xFFFD, 0x10FFFF, 0xE0001, 0x110BD, 0x06DD]
        let scalars = (0..<UInt32(0x800)).compactMap(Unicode.Scalar.init) + special.compactMap(Unicode.Scalar.init)
        let contexts = ["ب%ب", "1%2", "ب-%", "%-ب", "3.%", "%.5", "ب'%ب", "%", "ب%", "%ب", "ولا %ب ت", "ال%كتاب"]
        // Every case with the default extractor and with one of the others in turn, among which
        // each normaliser rule alone and every rule but one.
        let others = Self.extractors.dropFirst()
        var failures: [String] = []
        var turn = 0
        for scalar in scalars {
            for context in contexts {
                let text = Array(context.replacingOccurrences(of: "%", with: String(scalar)).utf8)
                turn += 1
                for extractor in [Self.extractors[0], others[others.startIndex + turn % others.count]] {
                    if let failure = Self.mismatches(text, extractor) { failures.append(failure) }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test("joiners and separators at every place of a word give the reference tokens")
    func joinersAndSeparators() {
        let pieces = ["ب", "نفت", "1", "22", "-", "/", "_", "'", "\u{2019}", "\u{2010}", ".", ",", "\u{066B}", "\u{066C}",
                      " ", "\u{200B}", "\u{064E}", "،", "«", "Ⱥ", "\u{FEFB}", "\u{FFFD}"]
        var rng = TextFuzzing.SplitMix64(seed: 0xF05E_0003)
        var failures: [String] = []
        for _ in 0..<TextFuzzing.caseCount * 3 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if let failure = Self.mismatches(Array(text.utf8), Self.extractors.randomElement(using: &rng)!) {
                failures.append(failure)
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test("the sentences of Data/ give the reference features")
    func realSentences() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Data").standardized
        let files = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasSuffix(".tsv") }
        #expect(!files.isEmpty)
        var sentences = 0
        var failures: [String] = []
        for file in files {
            let contents = try String(contentsOf: data.appendingPathComponent(file), encoding: .utf8)
            for line in contents.split(separator: "\n") where !line.hasPrefix("#") {
                sentences += 1
                // Every sentence with the default extractor, every tenth with two others too.
                for extractor in Self.extractors.prefix(sentences % 10 == 0 ? 3 : 1) {
                    if let failure = Self.mismatches(Array(line.utf8), extractor) { failures.append(failure) }
                }
            }
        }
        #expect(sentences > 1000)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test("scores from the fused pass equal the reference scores bit for bit")
    func scores() {
        var rng = TextFuzzing.SplitMix64(seed: 0xF05E_0004)
        let extractor = FeatureExtractor(features: FeatureSettings(charNgramMin: 2, charNgramMax: 4, hashBits: 10))
        let buckets = extractor.bucketCount
        for normalizesLength in [false, true] {
            let scorer = LinearScorer(
                classCount: 4, bucketCount: buckets,
                weights: (0..<(4 * buckets)).map { _ in Float.random(in: -1...1, using: &rng) },
                bias: (0..<4).map { _ in Double.random(in: -1...1, using: &rng) }, normalizesLength: normalizesLength,
                squaredScales: normalizesLength ? (0..<buckets).map { _ in Float.random(in: 0...4, using: &rng) } : [])
            var workspace = FeatureExtractor.Workspace()
            var fused = [Double](repeating: 0, count: 4), reference = fused
            for _ in 0..<TextFuzzing.caseCount {
                let bytes = Bool.random(using: &rng) ? Array(TextFuzzing.arabicHeavyString(&rng).utf8) : TextFuzzing.bytes(&rng)
                bytes.withUnsafeBufferPointer { text in
                    fused.withUnsafeMutableBufferPointer {
                        extractor.score(text, with: scorer, into: $0, workspace: &workspace, reference: false)
                    }
                    reference.withUnsafeMutableBufferPointer {
                        extractor.score(text, with: scorer, into: $0, workspace: &workspace, reference: true)
                    }
                }
                #expect(fused == reference, "\(bytes)")
            }
        }
    }

    @Test("the scratch size never overflows")
    func scratchCount() {
        #expect(UnsafeFusedScan.scratchCount(forTextCount: 0) == 4)
        #expect(UnsafeFusedScan.scratchCount(forTextCount: 10) == 34)
        #expect(UnsafeFusedScan.scratchCount(forTextCount: Int.max / 2) == nil)
        #expect(UnsafeFusedScan.scratchCount(forTextCount: Int.max) == nil)
    }
}
