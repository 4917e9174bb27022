import Foundation
@testable import Classifier

/// Small models, built by hand, for the model and model-file tests.
enum ModelTesting {
    /// The seedable generator of the text property tests, so that every property test replays exactly.
    typealias Generator = TextFuzzing.SplitMix64

    static func relativeError(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / max(abs(a), abs(b))
    }

    /// `log softmax(scores)[target]`, computed here independently of the library.
    static func logSoftmax(_ scores: [Double], _ target: Int) -> Double {
        let top = scores.max()!
        return scores[target] - top - log(scores.reduce(0) { $0 + exp($1 - top) })
    }

    /// `log p / (1 − p)` of `p = softmax(scores)[target]`: the target's score minus the
    /// log-sum-exp of the other scores, computed here independently of the library.
    static func logOdds(_ scores: [Double], _ target: Int) -> Double {
        let others = scores.indices.filter { $0 != target }.map { scores[$0] }
        let top = others.max()!
        return scores[target] - top - log(others.reduce(0) { $0 + exp($1 - top) })
    }

    /// A vector of up to `maximumLength` buckets below `bucketCount`, split at a random point.
    static func vector(_ rng: inout Generator, bucketCount: Int, maximumLength: Int = 30) -> FeatureVector {
        let buckets = (0..<Int.random(in: 0...maximumLength, using: &rng)).map { _ in
            UInt32.random(in: 0..<UInt32(bucketCount), using: &rng)
        }
        return FeatureVector(buckets: buckets, wordCount: Int.random(in: 0...buckets.count, using: &rng))
    }

    /// Random naive Bayes counts over some of `bucketCount` buckets.
    static func counts(_ rng: inout Generator, classes: Int, bucketCount: Int) -> NaiveBayes.Counts {
        let buckets = (0..<UInt32(bucketCount)).filter { _ in Bool.random(using: &rng) }
        return NaiveBayes.Counts(
            classCount: classes, documents: (0..<classes).map { _ in Double(Int.random(in: 1...50, using: &rng)) },
            buckets: buckets, values: (0..<buckets.count * classes).map { _ in Double(Int.random(in: 0...20, using: &rng)) })
    }

    /// A random naive Bayes model of either variant.
    static func naiveBayes(_ rng: inout Generator, classes: Int, bucketCount: Int) -> NaiveBayes {
        NaiveBayes(counts: counts(&rng, classes: classes, bucketCount: bucketCount),
                   variant: Bool.random(using: &rng) ? .multinomial : .complement,
                   alpha: Double.random(in: 0.01...2, using: &rng), learnsPriors: Bool.random(using: &rng),
                   bucketCount: bucketCount)
    }

    /// A random linear table: weights of magnitude up to `magnitude`, maybe length-normalised and scaled.
    static func linear(_ rng: inout Generator, classes: Int, bucketCount: Int, magnitude: Float = 5) -> LinearScorer {
        let normalizes = Bool.random(using: &rng)
        let scaled = normalizes && Bool.random(using: &rng)
        return LinearScorer(
            classCount: classes, bucketCount: bucketCount,
            weights: (0..<bucketCount * classes).map { _ in Float.random(in: -magnitude...magnitude, using: &rng) },
            bias: (0..<classes).map { _ in Double.random(in: -3...3, using: &rng) }, normalizesLength: normalizes,
            squaredScales: scaled ? (0..<bucketCount).map { _ in Float.random(in: 0...4, using: &rng) } : [])
    }

    /// Hash bits of the hand-built models: 256 buckets.
    static let hashBits = 8

    /// Arabic sentences of the hand-built models, with the class each is counted for.
    static let sentences: [(text: String, label: Int)] = [
        ("نفت الحكومة وجود أي اتفاق سري", 0),
        ("نفى المتحدث صحة الأنباء المتداولة", 0),
        ("اتهم الوزير الجانب الآخر بخرق الهدنة", 1),
        ("اتهمت المعارضة السلطات بتزوير الانتخابات", 1),
        ("دعا المبعوث جميع الأطراف إلى ضبط النفس", 2),
        ("طالبت الجامعة بوقف فوري لإطلاق النار", 2),
        ("وصل الرئيس إلى العاصمة في زيارة رسمية", 3),
        ("ارتفعت أسعار النفط في تعاملات اليوم", 3),
    ]

    static let labels = ["denial", "accusation", "call_for_restraint", "none"]

    static let extractor = FeatureExtractor(features: FeatureSettings(charNgramMin: 2, charNgramMax: 3, hashBits: hashBits))

    /// Naive Bayes counts of ``sentences`` under ``extractor``, counted here by hand.
    static func handCounts(classes: Int = 4) -> NaiveBayes.Counts {
        var table = [[Double]](repeating: [Double](repeating: 0, count: classes), count: extractor.bucketCount)
        var documents = [Double](repeating: 0, count: classes)
        for (text, label) in sentences where label < classes {
            documents[label] += 1
            for bucket in extractor.features(of: text).buckets { table[Int(bucket)][label] += 1 }
        }
        let used = table.indices.filter { table[$0].contains { $0 != 0 } }
        return NaiveBayes.Counts(classCount: classes, documents: documents, buckets: used.map { UInt32($0) },
                                 values: used.flatMap { table[$0] })
    }

    /// A complete model over ``sentences``: naive Bayes (of `variant`), or logistic regression
    /// with random weights on the same buckets.
    static func model(_ kind: String, temperature: Double = 1.5, classes: Int = 4) -> StanceModel {
        let counts = handCounts(classes: classes)
        let algorithm: StanceModel.Algorithm
        switch kind {
        case "nb", "cnb":
            algorithm = .naiveBayes(NaiveBayes(counts: counts, variant: kind == "nb" ? .multinomial : .complement,
                                               alpha: 0.5, learnsPriors: true, bucketCount: extractor.bucketCount))
        default:
            var rng = Generator(seed: 7)
            func table() -> LinearScorer {
                let values = (0..<counts.buckets.count * classes).map { _ in Float.random(in: -2...2, using: &rng) }
                let scales = counts.buckets.map { _ in Float.random(in: 0.5...3, using: &rng) }
                return LinearScorer(classCount: classes, bucketCount: extractor.bucketCount, rows: counts.buckets,
                                    values: values, bias: (0..<classes).map { Double($0) * 0.25 - 0.3 },
                                    normalizesLength: true, squaredScales: scales)
            }
            algorithm = .logisticRegression(LogisticRegression(linear: table(), oneVsRest: table()))
        }
        return StanceModel(labels: Array(labels.prefix(classes)), extractor: extractor, algorithm: algorithm,
                           calibration: Calibration(temperature: temperature, oneVsRestTemperature: 0.8, threshold: 0.4),
                           metadata: ModelMetadata([("tool", "hand-built"), ("algorithm", kind)]),
                           topFeatures: Array(repeating: [WeightedFeature(name: "w:نفت", weight: 1.25)], count: classes))
    }
}
