import Classifier

/// Some rows of ``ExtractedFeatures`` as a compressed sparse row matrix over its columns.
struct FeatureMatrix: Sendable {
    /// Row `i` spans `rowStart[i]..<rowStart[i + 1]` of `column` and `value`.
    let rowStart: [Int]
    /// Column of each non-zero.
    let column: [Int32]
    /// Value of each non-zero: its occurrence count, or with scales its block-normalised weight
    /// (see ``LinearScorer``).
    let value: [Float]
    /// Bucket of every column, increasing.
    let columns: [UInt32]

    var rowCount: Int { rowStart.count - 1 }
    var columnCount: Int { columns.count }

    /// The rows `rows` of `features`. Without `scales` an occurrence is worth 1; with them each
    /// block is L2-normalised, an occurrence of column k worth `scales[k]` before
    /// normalisation. A row's columns are in order of first occurrence.
    ///
    /// - Complexity: O(occurrences in the rows), with two tables of `columnCount` entries.
    init(_ features: ExtractedFeatures, rows: [Int], scales: [Float]? = nil) {
        precondition(scales.map { $0.count == features.columnCount } ?? true, "FeatureMatrix: one scale a column")
        let columnOfBucket = features.columnOfBucket
        var occurrences = 0
        for row in rows { occurrences += features.vectors[row].buckets.count }
        var rowStart = [0], column: [Int32] = [], value: [Float] = []
        rowStart.reserveCapacity(rows.count + 1)
        column.reserveCapacity(occurrences)
        value.reserveCapacity(occurrences)
        var stamp = [Int](repeating: -1, count: features.columnCount)
        var position = [Int](repeating: 0, count: features.columnCount)
        for (index, row) in rows.enumerated() {
            let vector = features.vectors[row]
            for block in [0..<vector.wordCount, vector.wordCount..<vector.buckets.count] {
                var inverseNorm: Float = 1
                if let scales {
                    var norm: Float = 0
                    for i in block {
                        let k = columnOfBucket[Int(vector.buckets[i])]
                        if k >= 0 { norm += scales[Int(k)] * scales[Int(k)] }
                    }
                    inverseNorm = norm > 0 ? 1 / norm.squareRoot() : 0
                }
                for i in block {
                    let k = Int(columnOfBucket[Int(vector.buckets[i])])
                    guard k >= 0 else { continue }
                    let v = scales.map { $0[k] * inverseNorm } ?? 1
                    if stamp[k] == index {
                        value[position[k]] += v
                    } else {
                        stamp[k] = index
                        position[k] = value.count
                        column.append(Int32(truncatingIfNeeded: k))
                        value.append(v)
                    }
                }
            }
            rowStart.append(column.count)
        }
        self.rowStart = rowStart
        self.column = column
        self.value = value
        self.columns = features.columns
    }

}
