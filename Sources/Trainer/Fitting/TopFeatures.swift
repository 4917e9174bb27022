import Classifier

/// Finds each label's strongest features and their names.
enum TopFeatures {
    /// For each label, the `count` buckets with the largest weight toward it relative to the
    /// mean over labels (`w_fc − mean_c' w_fc'`), among buckets in at least two examples, named
    /// by the first example feature that hashes there.
    static func strongest(_ linear: LinearScorer, labels: [String], features: ExtractedFeatures, texts: [String],
                          extractor: FeatureExtractor, count: Int) -> [[WeightedFeature]] {
        let c = linear.classCount
        var chosen = [[(bucket: UInt32, weight: Double)]](repeating: [], count: c)
        linear.weights.withUnsafeBufferPointer { weights in
            for (k, bucket) in features.columns.enumerated() where features.documentCount[k] >= 2 {
                let row = Int(bucket) * c
                var sum = 0.0
                for label in 0..<c { sum += Double(weights[row + label]) }
                let mean = sum / Double(c)
                for label in 0..<c {
                    let weight = Double(weights[row + label]) - mean
                    if weight > 0 { keep((bucket, weight), in: &chosen[label], count: count) }
                }
            }
        }
        // Find each bucket's first example in the vectors, then name the features of just those
        // examples: naming is slow (it builds strings), finding is a scan of integers.
        var wanted = [Bool](repeating: false, count: linear.bucketCount)
        var remaining = 0
        for list in chosen { for (bucket, _) in list where !wanted[Int(bucket)] { wanted[Int(bucket)] = true; remaining += 1 } }
        var firstRow: [UInt32: Int] = [:]
        for (row, vector) in features.vectors.enumerated() where remaining > 0 {
            for bucket in vector.buckets where wanted[Int(bucket)] {
                wanted[Int(bucket)] = false
                remaining -= 1
                firstRow[bucket] = row
            }
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

    /// Keeps in `best`, ordered by descending weight then ascending bucket, the `count` first of
    /// its entries and `candidate`: the first `count` of the full sorted list, without sorting it.
    private static func keep(_ candidate: (bucket: UInt32, weight: Double), in best: inout [(bucket: UInt32, weight: Double)],
                             count: Int) {
        func before(_ a: (bucket: UInt32, weight: Double), _ b: (bucket: UInt32, weight: Double)) -> Bool {
            a.weight > b.weight || (a.weight == b.weight && a.bucket < b.bucket)
        }
        guard count > 0, best.count < count || before(candidate, best[best.count - 1]) else { return }
        var i = best.count
        while i > 0 && before(candidate, best[i - 1]) { i -= 1 }
        best.insert(candidate, at: i)
        if best.count > count { best.removeLast() }
    }
}
