import Classifier
import Testing
@testable import Trainer

@Suite struct ModelDescriptionTests {
    @Test("inspect shows the algorithm, labels, settings, calibration, every metadata entry and top features")
    func describe() throws {
        let model = try EvaluationTests.model()
        let text = ModelDescription.text(model, path: "m.stance", top: 2)
        #expect(text.hasPrefix("""
            model: m.stance
            algorithm: nb (multinomial naive Bayes)
            labels: denial, accusation, call_for_restraint, none

            normaliser
              remove diacritics          yes
              remove tatweel             yes
              unify alef forms           yes
              alef maqsura to yeh        yes
              teh marbuta to heh         no
              unify hamza carriers       no
              unify Persian letters      yes
              ASCII digits               yes
              expand presentation forms  yes
              lower-case Latin           yes

            features
              word unigrams      yes
              word bigrams       yes
              character n-grams  2-4
              clitic stems       no
              negation scope     3 words
              hash buckets       2^10 (1024)

            naive Bayes
              alpha         0.1
              class priors  learned
            """))
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        for (key, value) in model.metadata.entries { #expect(lines.contains("\(key) \(value)"), "\(key)") }
        #expect(lines.contains("multi-label threshold \(format(model.calibration.threshold, decimals: 2))"))
        for (label, features) in zip(model.labels, model.topFeatures) {
            #expect(lines.contains("\(label) (\(min(2, features.count)) of \(features.count))"))
        }
    }
}
