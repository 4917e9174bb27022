/// The rows of a ``FeatureMatrix`` with their columns renumbered most frequent first.
///
/// Fitting logistic regression gathers and scatters the weights of every non-zero a pass; the
/// columns follow a Zipf law, so with the frequent ones side by side the weights touched most
/// share cache lines instead of being spread over the whole table (measured on 100,000
/// sentences: see ``LogisticObjective``). Only the numbering changes: each row keeps its
/// non-zeros in the same order, so every sum is taken in the same order as before.
struct FrequencyOrderedRows: Sendable {
    /// Row `i` spans `rowStart[i]..<rowStart[i + 1]` of `column` and `value`.
    let rowStart: [Int]
    /// Renumbered column of each non-zero.
    let column: [Int32]
    /// Value of each non-zero, as in the matrix.
    let value: [Float]
    /// The renumbered column of each column of the matrix.
    let position: [Int32]

    var rowCount: Int { rowStart.count - 1 }
    var columnCount: Int { position.count }

    /// The rows of `matrix`, renumbered by descending number of non-zeros in them (ties by
    /// column).
    ///
    /// - Complexity: O(nnz + columns · log columns).
    init(_ matrix: FeatureMatrix) {
        var frequency = [Int](repeating: 0, count: matrix.columnCount)
        for k in matrix.column { frequency[Int(k)] += 1 }
        let order = frequency.indices.sorted { frequency[$0] > frequency[$1] || (frequency[$0] == frequency[$1] && $0 < $1) }
        var position = [Int32](repeating: 0, count: matrix.columnCount)
        for (new, old) in order.enumerated() { position[old] = Int32(truncatingIfNeeded: new) }
        rowStart = matrix.rowStart
        column = matrix.column.map { position[Int($0)] }
        value = matrix.value
        self.position = position
    }
}
