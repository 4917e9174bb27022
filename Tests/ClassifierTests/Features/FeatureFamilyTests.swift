import Testing
@testable import Classifier

/// Turning one feature family off removes exactly that family's features and leaves the others,
/// with their buckets and their order, as they were.
@Suite struct FeatureFamilyTests {
    /// One family: the name prefixes of its features and the settings without it.
    struct Family: Sendable, CustomTestStringConvertible {
        let name: String
        let prefixes: [String]
        let settingsWithout: FeatureSettings
        var testDescription: String { name }

        func owns(_ feature: FeatureExtractor.NamedFeature) -> Bool {
            // Compared by scalars: a combining mark after "c:" would join the colon's grapheme.
            prefixes.contains { feature.name.unicodeScalars.starts(with: $0.unicodeScalars) }
        }
    }

    static let families = [
        // Quotation marks count as unigrams: they are the word `"`.
        Family(name: "word unigrams", prefixes: ["w:", "q:"], settingsWithout: FeatureSettings(wordUnigrams: false)),
        Family(name: "word bigrams", prefixes: ["b:"], settingsWithout: FeatureSettings(wordBigrams: false)),
        Family(name: "character n-grams", prefixes: ["c:"],
               settingsWithout: FeatureSettings(charNgramMin: 0, charNgramMax: 0)),
        Family(name: "clitic stems", prefixes: ["s:"], settingsWithout: FeatureSettings(cliticStems: false)),
        Family(name: "negation", prefixes: ["n:"], settingsWithout: FeatureSettings(negationScope: 0)),
    ]

    /// A sentence with features of every family.
    static let sentence = "لم ترسل طهران «طائرات» إلى موسكو، ونفت للتهدئة صفقة بقيمة 3.5 مليار"

    @Test("turning a family off removes exactly its features", arguments: families)
    func familyOff(_ family: Family) {
        let all = FeatureExtractor().namedFeatures(of: Self.sentence)
        #expect(all.contains(where: family.owns))
        let without = FeatureExtractor(features: family.settingsWithout).namedFeatures(of: Self.sentence)
        #expect(without == all.filter { !family.owns($0) })
        #expect(FeatureExtractor(features: family.settingsWithout).features(of: Self.sentence) == FeatureVector(without))
    }

    @Test("turning a family off removes exactly its features on random text", arguments: families)
    func familyOffRandom(_ family: Family) {
        var rng = TextFuzzing.SplitMix64(seed: 0xFA31_1135)
        let standard = FeatureExtractor()
        let without = FeatureExtractor(features: family.settingsWithout)
        for _ in 0..<TextFuzzing.caseCount / 5 {
            let text = TextFuzzing.arabicHeavyString(&rng)
            #expect(without.namedFeatures(of: text) == standard.namedFeatures(of: text).filter { !family.owns($0) })
        }
    }

    @Test("every feature belongs to exactly one family")
    func familiesPartitionFeatures() {
        for feature in FeatureExtractor().namedFeatures(of: Self.sentence) {
            #expect(Self.families.filter { $0.owns(feature) }.count == 1, "\(feature.name)")
        }
    }

    @Test("a longer negation scope marks more words")
    func negationScope() {
        let text = "لم ترسل طهران أي طائرات مسيرة إلى موسكو"
        for scope in 1...6 {
            let extractor = FeatureExtractor(features: FeatureSettings(negationScope: scope))
            #expect(extractor.namedFeatures(of: text).filter { $0.name.hasPrefix("n:") }.count == scope)
        }
    }
}
