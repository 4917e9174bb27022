import Testing
@testable import Classifier

@Suite struct FeatureSettingsTests {
    @Test("the standard settings")
    func standard() {
        let settings = FeatureSettings.standard
        #expect(settings.wordUnigrams && settings.wordBigrams && settings.cliticStems)
        #expect(settings.charNgramMin == 2 && settings.charNgramMax == 5)
        #expect(settings.negationScope == 3 && settings.hashBits == 18)
        #expect(settings.problem == nil)
        #expect(settings.usesCharNgrams)
    }

    @Test("unusable settings are explained",
          arguments: [
              (FeatureSettings(charNgramMin: -1), "character n-gram lengths must lie in 0...8"),
              (FeatureSettings(charNgramMax: 9), "character n-gram lengths must lie in 0...8"),
              (FeatureSettings(charNgramMin: 0, charNgramMax: 3), "character n-gram range 0-3 is empty"),
              (FeatureSettings(charNgramMin: 5, charNgramMax: 3), "character n-gram range 5-3 is empty"),
              (FeatureSettings(negationScope: -1), "negation scope must lie in 0...16"),
              (FeatureSettings(negationScope: 17), "negation scope must lie in 0...16"),
              (FeatureSettings(hashBits: 7), "hash bits must lie in 8...26"),
              (FeatureSettings(hashBits: 27), "hash bits must lie in 8...26"),
          ])
    func problems(_ settings: FeatureSettings, _ message: String) {
        #expect(settings.problem == message)
    }

    @Test("the limits themselves are usable",
          arguments: [
              FeatureSettings(charNgramMin: 0, charNgramMax: 0), FeatureSettings(charNgramMin: 1, charNgramMax: 8),
              FeatureSettings(negationScope: 0), FeatureSettings(negationScope: 16),
              FeatureSettings(hashBits: 8), FeatureSettings(hashBits: 26),
          ])
    func limits(_ settings: FeatureSettings) {
        #expect(settings.problem == nil)
    }

    @Test("n-grams are off exactly when their longest length is 0")
    func usesCharNgrams() {
        #expect(!FeatureSettings(charNgramMin: 0, charNgramMax: 0).usesCharNgrams)
        #expect(FeatureSettings(charNgramMin: 1, charNgramMax: 1).usesCharNgrams)
    }

    @Test("an extractor refuses unusable settings")
    func extractorTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = FeatureExtractor(features: FeatureSettings(hashBits: 40))
        }
    }
}
