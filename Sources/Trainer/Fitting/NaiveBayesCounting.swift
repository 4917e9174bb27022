import Classifier

extension NaiveBayes.Counts {
    /// Counts of the examples `rows` of `features`, `classesOfRow[i]` being the classes of
    /// `rows[i]`: an example adds its feature occurrences and one example to every one of its
    /// classes (so a multi-label example is evidence for each label).
    ///
    /// - Complexity: O(occurrences in the rows + columns × classes).
    init(features: ExtractedFeatures, rows: [Int], classesOfRow: [[Int]], classCount: Int) {
        precondition(classesOfRow.count == rows.count, "NaiveBayes.Counts: one list of classes a row")
        // One table a class, so that the table one class counts into stays in cache; whole
        // numbers, so the order of addition does not matter.
        let columns = features.columnCount
        var perClass = [Int32](repeating: 0, count: columns * classCount)
        var documents = [Double](repeating: 0, count: classCount)
        let columnOfBucket = features.columnOfBucket
        for (i, row) in rows.enumerated() {
            let classes = classesOfRow[i]
            for c in classes { documents[c] += 1 }
            for c in classes {
                let offset = c * columns
                for bucket in features.vectors[row].buckets {
                    let k = Int(columnOfBucket[Int(bucket)])
                    if k >= 0 { perClass[offset + k] += 1 }
                }
            }
        }
        var table = [Double](repeating: 0, count: columns * classCount)
        for c in 0..<classCount {
            for k in 0..<columns { table[k * classCount + c] = Double(perClass[c * columns + k]) }
        }
        // Keep only buckets these rows use, so the counts stay sparse.
        var buckets: [UInt32] = [], values: [Double] = []
        for (k, bucket) in features.columns.enumerated() {
            let row = table[(k * classCount)..<((k + 1) * classCount)]
            guard row.contains(where: { $0 != 0 }) else { continue }
            buckets.append(bucket)
            values.append(contentsOf: row)
        }
        self.init(classCount: classCount, documents: documents, buckets: buckets, values: values)
    }

    /// The counts of both models' data together: updating a model with more data is merging
    /// it with the counts of that data.
    ///
    /// - Precondition: both have the same classes.
    public func merged(with other: NaiveBayes.Counts) -> NaiveBayes.Counts {
        precondition(classCount == other.classCount, "NaiveBayes.Counts.merged: class counts differ")
        let c = classCount
        var buckets: [UInt32] = [], values: [Double] = []
        var i = 0, j = 0
        while i < self.buckets.count || j < other.buckets.count {
            let a = i < self.buckets.count ? self.buckets[i] : UInt32.max
            let b = j < other.buckets.count ? other.buckets[j] : UInt32.max
            if a == b && i < self.buckets.count && j < other.buckets.count {
                buckets.append(a)
                for k in 0..<c { values.append(self.values[i * c + k] + other.values[j * c + k]) }
                i += 1; j += 1
            } else if j >= other.buckets.count || (i < self.buckets.count && a < b) {
                buckets.append(a)
                values.append(contentsOf: self.values[(i * c)..<((i + 1) * c)])
                i += 1
            } else {
                buckets.append(b)
                values.append(contentsOf: other.values[(j * c)..<((j + 1) * c)])
                j += 1
            }
        }
        return NaiveBayes.Counts(classCount: c, documents: zip(documents, other.documents).map(+), buckets: buckets, values: values)
    }
}
