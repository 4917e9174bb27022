import Dispatch

/// Rows of feature values column by column (compressed sparse columns), in a fixed number of
/// blocks of consecutive rows: the layout logistic regression is fitted from.
///
/// Both passes of an evaluation of ``LogisticObjective`` go column by column and one block at
/// a time. The scores of a block's rows (about 0.35 MB for 100,000 sentences in four blocks)
/// stay in a core's cache while the weights and the non-zeros stream past in order, and a
/// column's share of the gradient is summed in a register and written once a block. Row by
/// row instead, the weights were gathered and the gradient scattered all over tables larger
/// than the cache: on 100,000 sentences an evaluation took about 40% more CPU time.
struct BlockedColumns: Sendable {
    /// The non-zeros of some consecutive rows.
    struct Block: Sendable {
        /// The rows, numbered among all the blocks' rows.
        let rows: Range<Int>
        /// The columns with a non-zero in these rows, ascending: a block skips the others, which
        /// with 15,000 rows a block are most of them.
        let columns: [Int32]
        /// Column `columns[j]` spans `start[j]..<start[j + 1]` of `row` and `value`.
        let start: [Int]
        /// Row of each non-zero, ascending within a column.
        let row: [Int32]
        /// Value of each non-zero, as in the ``FeatureMatrix`` of the rows.
        let value: [Float]

        /// Rows `rows` of `matrix` by column, numbered from `first` on among all the blocks' rows.
        ///
        /// - Complexity: O(non-zeros in the rows + columns).
        init(_ matrix: FeatureMatrix, rows: Range<Int>, numberedFrom first: Int) {
            precondition(first + rows.count <= Int(Int32.max), "BlockedColumns.Block: more than 2^31 - 1 rows")
            let entries = matrix.rowStart[rows.lowerBound]..<matrix.rowStart[rows.upperBound]
            var count = [Int](repeating: 0, count: matrix.columnCount)
            for nz in entries { count[Int(matrix.column[nz])] += 1 }
            var columns: [Int32] = [], start = [0]
            var next = [Int](repeating: 0, count: matrix.columnCount)
            for (k, n) in count.enumerated() where n > 0 {
                next[k] = start.last!
                columns.append(Int32(truncatingIfNeeded: k))
                start.append(start.last! + n)
            }
            var row = [Int32](repeating: 0, count: entries.count), value = [Float](repeating: 0, count: entries.count)
            for i in rows {
                let number = Int32(truncatingIfNeeded: first + i - rows.lowerBound)
                for nz in matrix.rowStart[i]..<matrix.rowStart[i + 1] {
                    let k = Int(matrix.column[nz])
                    row[next[k]] = number
                    value[next[k]] = matrix.value[nz]
                    next[k] += 1
                }
            }
            self.rows = first..<(first + rows.count)
            self.columns = columns
            self.start = start
            self.row = row
            self.value = value
        }

        /// Runs `body` with the block's ``columns``, ``start``, ``row`` and ``value`` as buffers,
        /// for the hot loops of ``LogisticObjective``.
        func withBuffers<R>(_ body: (_ columns: UnsafeBufferPointer<Int32>, _ start: UnsafeBufferPointer<Int>,
                                     _ row: UnsafeBufferPointer<Int32>, _ value: UnsafeBufferPointer<Float>) -> R) -> R {
            columns.withUnsafeBufferPointer { columns in
                start.withUnsafeBufferPointer { start in
                    row.withUnsafeBufferPointer { row in
                        value.withUnsafeBufferPointer { value in body(columns, start, row, value) }
                    }
                }
            }
        }

        /// The positions in ``columns`` of the columns in `range`.
        func positions(of range: Range<Int>) -> Range<Int> {
            func firstPosition(atLeast column: Int) -> Int {
                var low = 0, high = columns.count
                while low < high {
                    let middle = (low + high) / 2
                    if Int(columns[middle]) < column { low = middle + 1 } else { high = middle }
                }
                return low
            }
            return firstPosition(atLeast: range.lowerBound)..<firstPosition(atLeast: range.upperBound)
        }
    }

    /// The blocks, in row order.
    let blocks: [Block]
    /// Number of rows.
    let rowCount: Int
    /// Number of columns.
    let columnCount: Int

    /// The rows of `matrix` in `blockCount` blocks of (nearly) equal numbers of rows.
    init(_ matrix: FeatureMatrix, blockCount: Int) {
        let bounds = Self.bounds(rows: matrix.rowCount, blocks: blockCount)
        blocks = (0..<blockCount).map { b in
            Block(matrix, rows: bounds[b]..<bounds[b + 1], numberedFrom: bounds[b])
        }
        rowCount = matrix.rowCount
        columnCount = matrix.columnCount
    }

    /// The ``FeatureMatrix`` of the examples `rows` of `features` with `scales`, in `blockCount`
    /// blocks of (nearly) equal numbers of rows, built in parallel.
    ///
    /// - Complexity: O(occurrences in the rows + blockCount × columns).
    init(_ features: ExtractedFeatures, rows: [Int], scales: [Float]?, blockCount: Int) {
        let bounds = Self.bounds(rows: rows.count, blocks: blockCount)
        var built = [Block?](repeating: nil, count: blockCount)
        built.withUnsafeMutableBufferPointer { built in
            let slots = BlockSlots(blocks: built)
            DispatchQueue.concurrentPerform(iterations: blockCount) { b in
                let range = bounds[b]..<bounds[b + 1]
                let matrix = FeatureMatrix(features, rows: Array(rows[range]), scales: scales)
                slots.blocks[b] = Block(matrix, rows: 0..<range.count, numberedFrom: range.lowerBound)
            }
        }
        blocks = built.map { $0! }
        rowCount = rows.count
        columnCount = features.columnCount
    }

    /// Bounds of `blocks` ranges of nearly equal length covering `0..<rows`.
    private static func bounds(rows: Int, blocks: Int) -> [Int] {
        precondition(blocks >= 1, "BlockedColumns: at least one block")
        return (0...blocks).map { $0 * rows / blocks }
    }

    /// `parts` consecutive ranges of columns with about as many non-zeros each.
    func balancedColumnRanges(_ parts: Int) -> [Range<Int>] {
        var cumulative = [Int](repeating: 0, count: columnCount + 1)
        for block in blocks {
            for (j, k) in block.columns.enumerated() { cumulative[Int(k) + 1] += block.start[j + 1] - block.start[j] }
        }
        for k in 0..<columnCount { cumulative[k + 1] += cumulative[k] }
        var bounds = [0]
        var k = 0
        for part in 1..<max(1, parts) {
            let target = cumulative[columnCount] * part / parts
            while k < columnCount && cumulative[k] < target { k += 1 }
            bounds.append(max(bounds.last!, k))
        }
        bounds.append(columnCount)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }
}

/// The blocks built in parallel; each worker writes only its own.
private struct BlockSlots: @unchecked Sendable {
    let blocks: UnsafeMutableBufferPointer<BlockedColumns.Block?>
}
