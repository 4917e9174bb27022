import Classifier
import Dispatch

extension NaiveBayes.Counts {
    /// Counts of the examples `rows` of `features`, `classesOfRow[i]` being the classes of
    /// `rows[i]`: an example adds its feature occurrences and one example to every one of its
    /// classes (so a multi-label example is evidence for each label).
    ///
    /// - Complexity: O(occurrences in the rows + buckets × classes).
    init(features: ExtractedFeatures, rows: [Int], classesOfRow: [[Int]], classCount: Int) {
        precondition(classesOfRow.count == rows.count, "NaiveBayes.Counts: one list of classes a row")
        // Counted in parallel in chunks of rows, each into one table a class indexed by bucket,
        // and within a chunk one class at a time: the table being counted into (1 MB with 2^18
        // buckets) then stays in the core's cache instead of four of them taking turns. Whole
        // numbers: the sums do not depend on the split or the order.
        let columns = features.columnCount
        let bucketCount = features.columnOfBucket.count
        var documents = [Double](repeating: 0, count: classCount)
        for classes in classesOfRow { for c in classes { documents[c] += 1 } }
        let chunks = max(1, min(rows.count, 4))
        var partials = [[Int32]](repeating: [], count: chunks)
        partials.withUnsafeMutableBufferPointer { slots in
            let shared = CountSlots(slots: slots)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * rows.count / chunks)..<((chunk + 1) * rows.count / chunks)
                var members = [[Int]](repeating: [], count: classCount)
                for i in range { for c in classesOfRow[i] { members[c].append(rows[i]) } }
                var perClass = [Int32](repeating: 0, count: bucketCount * classCount)
                perClass.withUnsafeMutableBufferPointer { perClass in
                    for c in 0..<classCount {
                        let table = UnsafeMutableBufferPointer(rebasing: perClass[(c * bucketCount)..<((c + 1) * bucketCount)])
                        // Every bucket lies below the extractor's bucket count, which sized the
                        // tables (checked in debug builds).
                        for row in members[c] {
                            features.vectors[row].buckets.withUnsafeBufferPointer { occurrences in
                                for bucket in occurrences { table[Int(bucket)] += 1 }
                            }
                        }
                    }
                }
                shared.slots[chunk] = perClass
            }
        }
        var table = [Double](repeating: 0, count: columns * classCount)
        for (k, bucket) in features.columns.enumerated() {
            for c in 0..<classCount {
                var total = 0
                for partial in partials { total += Int(partial[c * bucketCount + Int(bucket)]) }
                table[k * classCount + c] = Double(total)
            }
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

/// Result slots shared with the counting workers; each index is written by one worker only.
private struct CountSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<[Int32]>
}
