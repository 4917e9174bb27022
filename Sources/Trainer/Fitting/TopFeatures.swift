import Classifier

/// Finds each label's strongest features and their names.
enum TopFeatures {
    /// For each label, the `count` buckets with the largest weight toward it relative to the
    /// mean over labels (`w_fc − mean_c' w_fc'`), among buckets in at least two examples, named
    /// by the first example feature that hashes there.
    static func strongest(_ linear: LinearScorer, labels: [String], features: ExtractedFeatures, texts: [String],
                          extractor: FeatureExtractor, count: Int) -> [[WeightedFeature]] {
        let c = linear.classCount
        var chosen: [[(bucket: UInt32, weight: Double)]] = []
        for label in 0..<c {
            var candidates: [(bucket: UInt32, weight: Double)] = []
            for (k, bucket) in features.columns.enumerated() where features.documentCount[k] >= 2 {
                let row = (0..<c).map { Double(linear.weights[Int(bucket) * c + $0]) }
                let weight = row[label] - row.reduce(0, +) / Double(c)
                if weight > 0 { candidates.append((bucket, weight)) }
            }
            candidates.sort { $0.weight > $1.weight || ($0.weight == $1.weight && $0.bucket < $1.bucket) }
            chosen.append(Array(candidates.prefix(count)))
        }
        var wanted = Set(chosen.flatMap { $0.map(\.bucket) })
        var names: [UInt32: String] = [:]
        for text in texts where !wanted.isEmpty {
            for feature in extractor.namedFeatures(of: text) where wanted.contains(feature.bucket) {
                names[feature.bucket] = feature.name
                wanted.remove(feature.bucket)
            }
        }
        return chosen.map { $0.map { WeightedFeature(name: names[$0.bucket] ?? "?", weight: $0.weight) } }
    }
}
