import Testing
@testable import Classifier

/// Invariants of the feature extractor on thousands of random texts and byte strings.
@Suite struct FeatureExtractorPropertyTests {
    @Test("the same text always gives the same buckets, from any extractor and any workspace")
    func deterministic() {
        var rng = TextFuzzing.SplitMix64(seed: 0xDE7E_4A11)
        let first = FeatureExtractor(), second = FeatureExtractor()
        var workspace = FeatureExtractor.Workspace()
        for _ in 0..<TextFuzzing.caseCount {
            let text = TextFuzzing.arabicHeavyString(&rng)
            let features = first.features(of: text)
            #expect(first.features(of: text) == features)
            #expect(second.features(of: text) == features)
            // A workspace reused from the previous text gives the same result as a fresh one.
            var copy = text
            copy.withUTF8 { first.extract($0, into: &workspace) }
            #expect(workspace.vector == features)
        }
    }

    @Test("every bucket is below 2^hashBits", arguments: [8, 12, 20, 26])
    func bucketsInRange(_ hashBits: Int) {
        var rng = TextFuzzing.SplitMix64(seed: 0xB0C4_E75 &+ UInt64(hashBits))
        let extractor = FeatureExtractor(features: FeatureSettings(hashBits: hashBits))
        for _ in 0..<TextFuzzing.caseCount / 3 {
            let text = TextFuzzing.arabicHeavyString(&rng)
            #expect(extractor.features(of: text).buckets.allSatisfy { $0 < UInt32(1) << UInt32(hashBits) })
        }
    }

    @Test("named features give the same buckets in the same order, and the same blocks, as the fast path")
    func namedMatchesFast() {
        var rng = TextFuzzing.SplitMix64(seed: 0x4A3E_DFA5)
        // Built once: each extractor builds its normaliser's table.
        let extractors = [FeatureExtractor()] + (1..<24).map { _ in
            let maximum = Int.random(in: 1...6, using: &rng)
            return FeatureExtractor(
                normalizer: NormalizerSettings(bits: UInt32.random(in: 0..<(1 << NormalizerSettings.bitCount), using: &rng))!,
                features: FeatureSettings(
                    wordUnigrams: Bool.random(using: &rng), wordBigrams: Bool.random(using: &rng),
                    charNgramMin: Int.random(in: 1...maximum, using: &rng), charNgramMax: maximum,
                    cliticStems: Bool.random(using: &rng), negationScope: Int.random(in: 0...4, using: &rng),
                    hashBits: Int.random(in: 8...22, using: &rng)))
        }
        for _ in 0..<TextFuzzing.caseCount {
            let extractor = extractors.randomElement(using: &rng)!
            let text = TextFuzzing.arabicHeavyString(&rng)
            let named = extractor.namedFeatures(of: text), features = extractor.features(of: text)
            #expect(named.map(\.bucket) == features.buckets)
            #expect(FeatureVector(named) == features)
            // The word block holds no character n-gram and the character block nothing else.
            let isCharacter = named.map { $0.name.utf8.starts(with: "c:".utf8) }
            #expect(isCharacter == Array(repeating: false, count: features.wordCount)
                        + Array(repeating: true, count: features.characterCount))
        }
    }

    @Test("a feature name always hashes to the same bucket")
    func namesDetermineBuckets() {
        var rng = TextFuzzing.SplitMix64(seed: 0x4A3E_B0C4)
        let extractor = FeatureExtractor()
        var buckets: [String: UInt32] = [:]
        var conflicts: [String] = []
        for _ in 0..<TextFuzzing.caseCount {
            for feature in extractor.namedFeatures(of: TextFuzzing.arabicHeavyString(&rng)) {
                if let known = buckets.updateValue(feature.bucket, forKey: feature.name), known != feature.bucket {
                    conflicts.append(feature.name)
                }
            }
        }
        #expect(conflicts.isEmpty)
        #expect(buckets.count > 10_000)
    }

    @Test("random bytes, valid or not, never crash extraction and match their repaired text")
    func randomBytes() {
        var rng = TextFuzzing.SplitMix64(seed: 0xB17E_FEA7)
        let extractor = FeatureExtractor()
        var workspace = FeatureExtractor.Workspace()
        for _ in 0..<TextFuzzing.caseCount {
            let bytes = TextFuzzing.bytes(&rng)
            bytes.withUnsafeBufferPointer { extractor.extract($0, into: &workspace) }
            #expect(workspace.vector == extractor.features(of: String(decoding: bytes, as: UTF8.self)), "\(bytes)")
        }
    }
}
