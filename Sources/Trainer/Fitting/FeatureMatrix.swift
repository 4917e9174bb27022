import Classifier

/// Examples as a compressed sparse row matrix over the buckets that occur in them, renumbered
/// densely (`columns[k]` is the bucket of column k) so that fitting touches only those.
struct FeatureMatrix: Sendable {
    /// Row `i` spans `rowStart[i]..<rowStart[i + 1]` of `column` and `value`.
    var rowStart: [Int]
    /// Dense column of each non-zero.
    var column: [Int32]
    /// Occurrence count of each non-zero.
    var value: [Float]
    /// Bucket of every dense column, increasing.
    var columns: [UInt32]

    var rowCount: Int { rowStart.count - 1 }
    var columnCount: Int { columns.count }

    /// The matrix of `texts` under `extractor`.
    init(texts: [String], extractor: FeatureExtractor) {
        var workspace = FeatureExtractor.Workspace()
        var rows: [[(bucket: UInt32, count: Float)]] = []
        rows.reserveCapacity(texts.count)
        var used = [Bool](repeating: false, count: extractor.bucketCount)
        for text in texts {
            var text = text
            text.withUTF8 { extractor.extract($0, into: &workspace) }
            let sorted = workspace.buckets.sorted()
            var row: [(bucket: UInt32, count: Float)] = []
            for bucket in sorted {
                if let last = row.last, last.bucket == bucket { row[row.count - 1].count += 1 } else { row.append((bucket, 1)) }
                used[Int(bucket)] = true
            }
            rows.append(row)
        }
        var dense = [Int32](repeating: -1, count: extractor.bucketCount)
        var columns: [UInt32] = []
        for (bucket, isUsed) in used.enumerated() where isUsed {
            dense[bucket] = Int32(columns.count)
            columns.append(UInt32(bucket))
        }
        self.columns = columns
        rowStart = [0]
        column = []
        value = []
        for row in rows {
            for (bucket, count) in row {
                column.append(dense[Int(bucket)])
                value.append(count)
            }
            rowStart.append(column.count)
        }
    }

    /// The rows `indices`, keeping the same columns.
    func rows(_ indices: [Int]) -> FeatureMatrix {
        var copy = self
        copy.rowStart = [0]
        copy.column = []
        copy.value = []
        for i in indices {
            copy.column.append(contentsOf: column[rowStart[i]..<rowStart[i + 1]])
            copy.value.append(contentsOf: value[rowStart[i]..<rowStart[i + 1]])
            copy.rowStart.append(copy.column.count)
        }
        return copy
    }

    /// The buckets of row `i`, each repeated by its count (what a model scores).
    func buckets(ofRow i: Int) -> [UInt32] {
        var result: [UInt32] = []
        for k in rowStart[i]..<rowStart[i + 1] {
            for _ in 0..<Int(value[k]) { result.append(columns[Int(column[k])]) }
        }
        return result
    }
}
