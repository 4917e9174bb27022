import Testing
@testable import Classifier

/// Saved models hold weights by bucket, so the hash of every feature family is pinned here. The
/// expected buckets were computed independently (FNV-1a 64 and the Fibonacci multiply, in Python;
/// character n-grams absorb one whole scalar a step, its UTF-8 bytes packed little-endian).
@Suite struct FeatureHashingTests {
    @Test("FNV-1a 64 of a word matches the reference")
    func fnv1a() {
        #expect(FeatureHashing.hash(Array("نفت".utf8), seed: FeatureHashing.wordSeed) == 0x4083_FF87_4B8E_D70A)
        // The empty input hashes to the offset basis; "a" to the published FNV-1a 64 value.
        #expect(FeatureHashing.hash([], seed: FeatureHashing.fnvOffset) == 0xCBF2_9CE4_8422_2325)
        #expect(FeatureHashing.hash(Array("a".utf8), seed: FeatureHashing.fnvOffset) == 0xAF63_DC4C_8601_EC8C)
    }

    @Test("buckets of every feature family are stable",
          arguments: [
              ("w:نفت", UInt32(734_021)), ("w:<num>", 21_254), ("q:\"", 102_574), ("b:نفت طهران", 638_215),
              ("s:نفت", 734_759), ("n:ترسل", 528_228), ("c:[نف", 285_565), ("c:ت]", 444_383),
          ])
    func stableBucket(_ name: String, _ bucket: UInt32) {
        let text = "لم ترسل «نفت» ونفت نفت طهران 3"
        // Pinned at 2^20 buckets; smaller tables keep the top bits (see bucketBits()).
        let features = FeatureExtractor(features: FeatureSettings(hashBits: 20)).namedFeatures(of: text)
        #expect(features.first { $0.name == name }?.bucket == bucket)
    }

    @Test("a hash keeps its top bits for smaller tables")
    func bucketBits() {
        let hash = FeatureHashing.hash(Array("نفت".utf8), seed: FeatureHashing.wordSeed)
        #expect(FeatureHashing.bucket(hash, bits: 8) == 179)
        #expect(FeatureHashing.bucket(hash, bits: 20) == 734_021)
        #expect(FeatureHashing.bucket(hash, bits: 26) == 46_977_355)
    }
}
