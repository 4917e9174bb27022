import Testing
@testable import Classifier

@Suite struct FeatureExtractorTests {
    let extractor = FeatureExtractor()

    func names(_ text: String, _ extractor: FeatureExtractor? = nil) -> [String] {
        (extractor ?? self.extractor).namedFeatures(of: text).map(\.name)
    }

    @Test("the features of a two-word sentence: the word block, then the character block")
    func twoWords() {
        #expect(names("نفت طهران") == [
            "w:نفت", "w:طهران", "b:نفت طهران",
            "c:[ن", "c:[نف", "c:[نفت", "c:[نفت]", "c:نف", "c:نفت", "c:نفت]", "c:فت", "c:فت]", "c:ت]",
            "c:[ط", "c:[طه", "c:[طهر", "c:[طهرا", "c:طه", "c:طهر", "c:طهرا", "c:طهران",
            "c:هر", "c:هرا", "c:هران", "c:هران]", "c:را", "c:ران", "c:ران]", "c:ان", "c:ان]", "c:ن]",
        ])
        let features = extractor.features(of: "نفت طهران")
        #expect(features.wordCount == 3)
        #expect(features.characterCount == 28)
    }

    @Test("the expected word features of a sentence with a clitic, a negation and a number")
    func sentence() {
        #expect(names("ولم ترسل طهران 3 طائرات للتهدئة").filter { !$0.hasPrefix("c:") } == [
            "w:ولم",
            "w:ترسل", "b:ولم ترسل", "n:ترسل",
            "w:طهران", "b:ترسل طهران", "n:طهران",
            "w:<num>", "b:طهران <num>",
            "w:طائرات", "b:<num> طائرات",
            "w:للتهدئة", "b:طائرات للتهدئة", "s:تهدئة",
        ])
    }

    @Test("the word block ends where the character n-grams begin, even when a 1-gram is a mark")
    func blocksWithMarks() {
        let extractor = FeatureExtractor(normalizer: NormalizerSettings(removeDiacritics: false),
                                         features: FeatureSettings(charNgramMin: 1, charNgramMax: 1))
        let text = "\u{064E}ب"  // a word starting with fatha: its first 1-gram is "c:" + U+064E
        let named = extractor.namedFeatures(of: text)
        let expected = ["w:\u{064E}ب", "c:\u{064E}", "c:ب"]
        #expect(named.map { Array($0.name.unicodeScalars) } == expected.map { Array($0.unicodeScalars) })
        #expect(FeatureVector(named) == extractor.features(of: text))
        #expect(extractor.features(of: text).wordCount == 1)
    }

    @Test("the text is normalised before its features are taken")
    func normalisesFirst() {
        #expect(names("نَفَتْ  طِهرانُ") == names("نفت طهران"))
        #expect(names("ﻧﻔﺖ\u{200F}\u{00A0}طهران") == names("نفت طهران"))
    }

    @Test("a word with proclitics gives its stem")
    func cliticStem() {
        let features = names("ونفت للتهدئة والحوار")
        #expect(features.filter { $0.hasPrefix("s:") } == ["s:نفت", "s:تهدئة", "s:حوار"])
        #expect(features.filter { $0.hasPrefix("w:") } == ["w:ونفت", "w:للتهدئة", "w:والحوار"])
        // Short stems stay whole: no stem feature at all.
        #expect(!names("نفى نفت دعا ولم").contains { $0.hasPrefix("s:") })
    }

    @Test("the words after a negation are marked, up to the scope")
    func negation() {
        let features = names("لم ترسل طهران طائرات مسيرة")
        #expect(features.filter { $0.hasPrefix("n:") } == ["n:ترسل", "n:طهران", "n:طائرات"])
    }

    @Test("every negation word opens a scope, and words that are not negations do not")
    func everyNegation() {
        for negation in FeatureExtractor.negations {
            let word = String(decoding: negation, as: UTF8.self)
            #expect(names(word + " ترسل").contains("n:ترسل"), "\(word)")
        }
        for word in ["لي", "لما", "ليسا", "غيره", "دونه", "نفت", "قال", "ولن", "ب", "لاا"] where !FeatureExtractor.negations.contains(Array(word.utf8)) {
            #expect(!names(word + " ترسل").contains("n:ترسل"), "\(word)")
        }
    }

    @Test("punctuation ends a negation scope and a bigram")
    func punctuationEndsScope() {
        let features = names("لم، ترسل طهران")
        #expect(!features.contains { $0.hasPrefix("n:") })
        #expect(features.filter { $0.hasPrefix("b:") } == ["b:ترسل طهران"])
    }

    @Test("a number uses up a place in a negation scope without being marked")
    func numberInNegationScope() {
        let features = names("لم ترسل 5 طائرات مسيرة")
        #expect(features.filter { $0.hasPrefix("n:") } == ["n:ترسل", "n:طائرات"])
    }

    @Test("numbers give w:<num> and no character n-grams")
    func numbers() {
        #expect(names("3.5") == ["w:<num>"])
        #expect(names("١٬٢٠٠") == ["w:<num>"])
        let features = names("بلغ 3.5 مليار")
        #expect(features.filter { $0.hasPrefix("w:") || $0.hasPrefix("b:") }
                == ["w:بلغ", "w:<num>", "b:بلغ <num>", "w:مليار", "b:<num> مليار"])
        #expect(!features.contains { $0.hasPrefix("c:") && ($0.contains("3") || $0.contains("5")) })
    }

    @Test("numbers share one bucket whatever their digits")
    func numbersShareABucket() {
        #expect(extractor.features(of: "3.5") == extractor.features(of: "1,200"))
        #expect(extractor.features(of: "٢٠٢٤") == extractor.features(of: "7"))
    }

    @Test("quotation marks give q:\" and break bigrams")
    func quotes() {
        let features = names("قال «نفت»")
        #expect(features.filter { !$0.hasPrefix("c:") } == ["w:قال", "q:\"", "w:نفت", "q:\""])
    }

    @Test("punctuation gives no feature")
    func punctuation() {
        #expect(names("، ؛ ؟ . ! ( )").isEmpty)
        #expect(names("").isEmpty)
        #expect(extractor.features(of: "") == FeatureVector(words: []))
    }

    @Test("character n-grams follow the configured range")
    func ngramRange() {
        let trigrams = FeatureExtractor(features: FeatureSettings(charNgramMin: 3, charNgramMax: 3))
        #expect(names("نفت", trigrams).filter { $0.hasPrefix("c:") } == ["c:[نف", "c:نفت", "c:فت]"])
        let unigrams = FeatureExtractor(features: FeatureSettings(charNgramMin: 1, charNgramMax: 1))
        #expect(names("نفت", unigrams).filter { $0.hasPrefix("c:") } == ["c:ن", "c:ف", "c:ت"])
    }

    @Test("a very long word gives n-grams of its start only")
    func longWord() {
        let word = String(repeating: "ب", count: 200)
        let ngrams = names(word).filter { $0.hasPrefix("c:") }
        // 64 kept scalars plus the two word ends, n-grams of 2…5 positions.
        let positions = FeatureExtractor.maximumNgramWordLength + 2
        #expect(ngrams.count == (2...5).reduce(0) { $0 + positions - $1 + 1 })
        #expect(ngrams.first == "c:[ب")
        #expect(ngrams.last == "c:ب]")
    }

    @Test("the same word has the same bucket wherever it appears")
    func contextFree() {
        let alone = extractor.namedFeatures(of: "نفت").first { $0.name == "w:نفت" }
        let inSentence = extractor.namedFeatures(of: "قال الوزير إن طهران نفت ذلك").first { $0.name == "w:نفت" }
        #expect(alone != nil)
        #expect(alone == inSentence)
    }

    @Test("families are hashed apart: the word نفت and the stem نفت differ")
    func familiesApart() {
        let features = extractor.namedFeatures(of: "ونفت نفت")
        let stem = features.first { $0.name == "s:نفت" }?.bucket
        let word = features.first { $0.name == "w:نفت" }?.bucket
        #expect(stem != nil && word != nil)
        #expect(stem != word)
    }

    @Test("the reference path leaves the normalised text and its tokens in the workspace")
    func workspace() {
        var workspace = FeatureExtractor.Workspace()
        let bytes = Array("  نَفت، طهران ".utf8)
        bytes.withUnsafeBufferPointer { extractor.extract($0, into: &workspace, reference: true) }
        #expect(workspace.normalized == Array("نفت، طهران".utf8))
        #expect(workspace.tokens.map(\.kind) == [.word, .punctuation, .word])
        #expect(workspace.vector == extractor.features(of: "نفت، طهران"))
    }

    @Test("the bucket count is 2^hashBits")
    func bucketCount() {
        #expect(extractor.bucketCount == 1 << 18)
        #expect(FeatureExtractor(features: FeatureSettings(hashBits: 8)).bucketCount == 256)
    }
}
