import Classifier
import Dispatch
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
        // Extract in parallel, each text's vector in its own slot, so the result does not
        // depend on the number of cores.
        var vectors = [FeatureVector](repeating: FeatureVector(words: []), count: texts.count)
        let chunks = min(texts.count, 64)
        vectors.withUnsafeMutableBufferPointer { slots in
            let shared = VectorSlots(slots: slots)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var workspace = FeatureExtractor.Workspace()
                for i in (chunk * texts.count / chunks)..<((chunk + 1) * texts.count / chunks) {
                    var text = texts[i]
                    text.withUTF8 { extractor.extract($0, into: &workspace) }
                    shared.slots[i] = workspace.vector
                }
            }
        }
        var documentCount = [Int32](repeating: 0, count: extractor.bucketCount)
        var lastRow = [Int32](repeating: -1, count: extractor.bucketCount)
        for (row, vector) in vectors.enumerated() {
            for bucket in vector.buckets where lastRow[Int(bucket)] != Int32(row) {
                lastRow[Int(bucket)] = Int32(row)
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
        fill(scales: nil)
    }

    /// Rebuilds the non-zeros from `vectors`. Without `scales` an occurrence is worth 1; with
    /// them each block is L2-normalised, an occurrence of column k worth `scales[k]` before
    /// normalisation. A row's columns are in order of first occurrence.
    ///
    /// - Complexity: O(total occurrences), with two tables of `columnCount` entries.
    private mutating func fill(scales: [Float]?) {
        rowStart = [0]
        column = []
        value = []
        var stamp = [Int32](repeating: -1, count: columnCount)
        var position = [Int32](repeating: 0, count: columnCount)
        for (row, vector) in vectors.enumerated() {
            let rowStamp = Int32(truncatingIfNeeded: row)
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
                    let k = columnOfBucket[Int(vector.buckets[i])]
                    guard k >= 0 else { continue }
                    let v = scales.map { $0[Int(k)] * inverseNorm } ?? 1
                    if stamp[Int(k)] == rowStamp {
                        value[Int(position[Int(k)])] += v
                    } else {
                        stamp[Int(k)] = rowStamp
                        position[Int(k)] = Int32(truncatingIfNeeded: value.count)
                        column.append(k)
                        value.append(v)
                    }
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
        copy.fill(scales: scales)
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

/// Result slots shared with the extraction workers; each index is written by one worker only.
private struct VectorSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<FeatureVector>
}
