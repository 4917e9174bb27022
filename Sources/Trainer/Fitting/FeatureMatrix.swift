import Classifier
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Examples as a compressed sparse row matrix over the buckets that occur in them, renumbered
/// densely (`columns[k]` is the bucket of column k) so that fitting touches only those.
struct FeatureMatrix: Sendable {
    /// Row `i` spans `rowStart[i]..<rowStart[i + 1]` of `column` and `value`.
    var rowStart: [Int]
    /// Dense column of each non-zero.
    var column: [Int32]
    /// Value of each non-zero: its occurrence count, or after ``weighted(scales:)`` its
    /// block-normalised weight (see ``LinearScorer``).
    var value: [Float]
    /// Dense column of every bucket, -1 for buckets that occur nowhere.
    private var columnOfBucket: [Int32]
    /// Bucket of every dense column, increasing.
    var columns: [UInt32]
    /// The feature vector of every row, as a model scores it.
    var vectors: [FeatureVector]

    var rowCount: Int { rowStart.count - 1 }
    var columnCount: Int { columns.count }

    /// The matrix of `texts` under `extractor`, keeping only buckets that occur in at least
    /// `minimumCount` of the texts (the others get no column and so no weight).
    init(texts: [String], extractor: FeatureExtractor, minimumCount: Int = 1) {
        var workspace = FeatureExtractor.Workspace()
        var vectors: [FeatureVector] = []
        vectors.reserveCapacity(texts.count)
        var documentCount = [Int32](repeating: 0, count: extractor.bucketCount)
        var lastRow = [Int32](repeating: -1, count: extractor.bucketCount)
        for text in texts {
            var text = text
            text.withUTF8 { extractor.extract($0, into: &workspace) }
            vectors.append(workspace.vector)
            let row = Int32(vectors.count - 1)
            for bucket in workspace.buckets where lastRow[Int(bucket)] != row {
                lastRow[Int(bucket)] = row
                documentCount[Int(bucket)] += 1
            }
        }
        var dense = [Int32](repeating: -1, count: extractor.bucketCount)
        var columns: [UInt32] = []
        for (bucket, count) in documentCount.enumerated() where count > 0 && Int(count) >= minimumCount {
            dense[bucket] = Int32(columns.count)
            columns.append(UInt32(bucket))
        }
        self.columns = columns
        self.vectors = vectors
        self.columnOfBucket = dense
        rowStart = [0]
        column = []
        value = []
        fill { _ in { _ in 1 } }
    }

    /// Rebuilds the non-zeros from `vectors`, an occurrence of a bucket in a block worth
    /// `occurrenceValue(block occurrences)(bucket)`.
    private mutating func fill(_ occurrenceValue: (ArraySlice<UInt32>) -> (UInt32) -> Float) {
        rowStart = [0]
        column = []
        value = []
        for vector in vectors {
            let wordValue = occurrenceValue(vector.buckets[..<vector.wordCount])
            let characterValue = occurrenceValue(vector.buckets[vector.wordCount...])
            let occurrences = vector.buckets.enumerated().map {
                (bucket: $1, value: $0 < vector.wordCount ? wordValue($1) : characterValue($1))
            }.sorted { $0.bucket < $1.bucket }
            var last: UInt32? = nil
            for (bucket, v) in occurrences where columnOfBucket[Int(bucket)] >= 0 {
                if bucket == last {
                    value[value.count - 1] += v
                } else {
                    column.append(columnOfBucket[Int(bucket)])
                    value.append(v)
                    last = bucket
                }
            }
            rowStart.append(column.count)
        }
    }

    /// Smoothed inverse document frequency of every column over the rows,
    /// `ln((1 + N) / (1 + df)) + 1` as scikit-learn computes it; 0 for columns in no row.
    func inverseDocumentFrequency() -> [Float] {
        var df = [Int](repeating: 0, count: columnCount)
        for k in column.indices { df[Int(column[k])] += 1 }
        let n = Double(rowCount)
        return df.map { $0 == 0 ? 0 : Float(log((1 + n) / (1 + Double($0))) + 1) }
    }

    /// The matrix with values of L2-normalised blocks in which an occurrence of the feature in
    /// column k is worth `scales[k]` (all 1 for plain length normalisation; see ``LinearScorer``).
    func weighted(scales: [Float]) -> FeatureMatrix {
        var copy = self
        copy.fill { block in
            var norm: Float = 0
            func scale(_ bucket: UInt32) -> Float {
                let column = columnOfBucket[Int(bucket)]
                return column < 0 ? 0 : scales[Int(column)]
            }
            for bucket in block { let s = scale(bucket); norm += s * s }
            let inverse = norm > 0 ? 1 / norm.squareRoot() : 0
            return { bucket in scale(bucket) * inverse }
        }
        return copy
    }

    /// The rows `indices`, keeping the same columns.
    func rows(_ indices: [Int]) -> FeatureMatrix {
        var copy = self
        copy.rowStart = [0]
        copy.column = []
        copy.value = []
        copy.vectors = indices.map { vectors[$0] }
        for i in indices {
            copy.column.append(contentsOf: column[rowStart[i]..<rowStart[i + 1]])
            copy.value.append(contentsOf: value[rowStart[i]..<rowStart[i + 1]])
            copy.rowStart.append(copy.column.count)
        }
        return copy
    }
}
