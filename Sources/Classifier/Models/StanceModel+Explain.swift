/// Why a model chose a label for one sentence.
public struct Explanation: Sendable, Equatable {
    /// One feature's effect on the chosen label.
    public struct Contribution: Sendable, Equatable {
        /// Readable feature name (see ``FeatureExtractor/NamedFeature``).
        public var feature: String
        /// How many times it occurs in the sentence.
        public var count: Int
        /// Change in the log odds of the chosen label that the feature caused: positive pushed
        /// toward the label, negative away from it.
        public var contribution: Double
    }

    /// The prediction being explained.
    public var prediction: Prediction
    /// The features that mattered most, by decreasing absolute contribution.
    public var contributions: [Contribution]
}

extension StanceModel {
    /// The prediction for `text` and the `limit` features that moved the chosen label's
    /// calibrated log odds the most, toward or away from it.
    public func explain(_ text: String, limit: Int) -> Explanation {
        let named = extractor.namedFeatures(of: text)
        let buckets = FeatureVector(named)
        let prediction = prediction(for: buckets)
        let target = labels.firstIndex(of: prediction.label) ?? 0
        var names: [UInt32: String] = [:]
        var counts: [UInt32: Int] = [:]
        for feature in named {
            if let existing = names[feature.bucket], existing != feature.name {
                if !existing.hasSuffix("…") { names[feature.bucket] = existing + " | " + feature.name + "…" }
            } else if names[feature.bucket] == nil {
                names[feature.bucket] = feature.name
            }
            counts[feature.bucket, default: 0] += 1
        }
        let contributions = scorer.contributions(for: buckets, toward: target).prefix(max(0, limit)).map {
            Explanation.Contribution(feature: names[$0.bucket] ?? "?", count: counts[$0.bucket] ?? 0, contribution: $0.contribution)
        }
        return Explanation(prediction: prediction, contributions: Array(contributions))
    }

    private func prediction(for buckets: FeatureVector) -> Prediction {
        let scores = scorer.logScores(for: buckets)
        return Prediction(labels: [labels[argmax(scores)]], probabilities: softmax(scores))
    }
}
