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
        // Find each bucket's first example in the vectors, then name the features of just those
        // examples: naming is slow (it builds strings), finding is a scan of integers.
        var wanted = Set(chosen.flatMap { $0.map(\.bucket) })
        var firstRow: [UInt32: Int] = [:]
        for (row, vector) in features.vectors.enumerated() where !wanted.isEmpty {
            for bucket in vector.buckets where wanted.remove(bucket) != nil { firstRow[bucket] = row }
        }
        var names: [UInt32: String] = [:]
        for row in Set(firstRow.values).sorted() {
            for feature in extractor.namedFeatures(of: texts[row])
            where firstRow[feature.bucket] == row && names[feature.bucket] == nil {
                names[feature.bucket] = feature.name
            }
        }
        return chosen.map { $0.map { WeightedFeature(name: names[$0.bucket] ?? "?", weight: $0.weight) } }
    }
}
