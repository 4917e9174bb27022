import Classifier
import Dispatch

/// The feature vectors of every example, and the buckets kept as columns: those occurring in at
/// least `minimumCount` examples, renumbered densely (`columns[k]` is the bucket of column k) so
/// that fitting touches only them.
///
/// Features are extracted once and shared by everything training does: naive Bayes counts them
/// straight from the vectors; logistic regression builds a ``FeatureMatrix`` of just the rows
/// and values it needs.
struct ExtractedFeatures: Sendable {
    /// The feature vector of every example, as a model scores it.
    let vectors: [FeatureVector]
    /// Bucket of every column, increasing.
    let columns: [UInt32]
    /// Column of every bucket, -1 for buckets that are not columns.
    let columnOfBucket: [Int32]
    /// Number of examples each column occurs in.
    let documentCount: [Int]

    var columnCount: Int { columns.count }

    /// The features of `texts` under `extractor`, keeping as columns the buckets that occur in
    /// at least `minimumCount` of the texts.
    ///
    /// - Complexity: O(total feature occurrences + bucketCount).
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
                    // A copy of just the vector's length, through a buffer: `Array(buckets[...])`
                    // shares the workspace's whole buffer, so every vector kept the capacity of
                    // the longest sentence so far and the next sentence allocated a new one (on
                    // 100,000 sentences, 340 MB of vectors instead of 150 MB).
                    let buckets = workspace.buckets.withUnsafeBufferPointer { Array($0) }
                    shared.slots[i] = FeatureVector(buckets: buckets, wordCount: workspace.wordCount)
                }
            }
        }
        let bucketDocuments = Self.documentCount(of: vectors, rows: Array(vectors.indices), buckets: extractor.bucketCount)
        var columnOfBucket = [Int32](repeating: -1, count: extractor.bucketCount)
        var columns: [UInt32] = [], documentCount: [Int] = []
        for (bucket, count) in bucketDocuments.enumerated() where count > 0 && Int(count) >= minimumCount {
            columnOfBucket[bucket] = Int32(truncatingIfNeeded: columns.count)
            columns.append(UInt32(truncatingIfNeeded: bucket))
            documentCount.append(Int(count))
        }
        self.vectors = vectors
        self.columns = columns
        self.columnOfBucket = columnOfBucket
        self.documentCount = documentCount
    }

    /// In how many of `rows` each bucket occurs. Two halves are counted in parallel and added:
    /// whole numbers, so the result is the same on any number of cores.
    private static func documentCount(of vectors: [FeatureVector], rows: [Int], buckets: Int) -> [Int32] {
        precondition(rows.count < Int(UInt32.max), "ExtractedFeatures: more than 2^32 - 1 examples")
        let halves = [0..<(rows.count / 2), (rows.count / 2)..<rows.count]
        var partial = [[UInt64]](repeating: [], count: halves.count)
        partial.withUnsafeMutableBufferPointer { slots in
            let shared = CountSlots(slots: slots)
            DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                // The last row seen (high half) and the count (low half) of a bucket side by
                // side: one memory access an occurrence.
                var seen = [UInt64](repeating: 0, count: buckets)
                seen.withUnsafeMutableBufferPointer { seen in
                    for index in halves[h] {
                        let stamp = UInt64(truncatingIfNeeded: index + 1) << 32
                        vectors[rows[index]].buckets.withUnsafeBufferPointer { occurrences in
                            for bucket in occurrences {
                                let entry = seen[Int(bucket)]
                                if entry & 0xFFFF_FFFF_0000_0000 != stamp { seen[Int(bucket)] = stamp | ((entry & 0xFFFF_FFFF) + 1) }
                            }
                        }
                    }
                }
                shared.slots[h] = seen
            }
        }
        var counts = [Int32](repeating: 0, count: buckets)
        for half in partial {
            for (bucket, entry) in half.enumerated() { counts[bucket] &+= Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) }
        }
        return counts
    }

    /// Smoothed inverse document frequency of every column over `rows`,
    /// `ln((1 + N) / (1 + df)) + 1` as scikit-learn computes it; 0 for columns in none of them.
    func inverseDocumentFrequency(rows: [Int]) -> [Float] {
        let perBucket = Self.documentCount(of: vectors, rows: rows, buckets: columnOfBucket.count)
        let n = Double(rows.count)
        return columns.map { bucket in
            let df = perBucket[Int(bucket)]
            return df == 0 ? 0 : Float(log((1 + n) / (1 + Double(df))) + 1)
        }
    }
}

/// Result slots shared with the extraction workers; each index is written by one worker only.
private struct VectorSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<FeatureVector>
}

/// The per-half counts of ``ExtractedFeatures/documentCount``, each written by one worker.
private struct CountSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<[UInt64]>
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
