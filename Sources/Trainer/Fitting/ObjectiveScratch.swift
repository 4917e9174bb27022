/// Buffers a ``LogisticObjective`` reuses from one evaluation to the next (it is evaluated by
/// one caller at a time): the scores of every row, which become the derivatives of its loss,
/// and how the columns are shared out between the workers of the gradient pass.
final class ObjectiveScratch: @unchecked Sendable {
    /// `rows × classes` scores, then derivatives, in single precision: the two passes move half
    /// the bytes and do half the arithmetic of double precision.
    private(set) var scores = UnsafeMutableBufferPointer<Float>.allocate(capacity: 0)
    /// The weights of the evaluation, in single precision, at `column * classes + class`.
    private(set) var weights = UnsafeMutableBufferPointer<Float>.allocate(capacity: 0)
    private var ranges: [Range<Int>]? = nil

    /// Column ranges for the gradient workers: more than there are cores, so that a core slowed
    /// down by other work is made up for by the others. The result does not depend on them.
    static let columnParts = 16

    /// Sizes the scores for `count` values and the weights for `weightCount`; their contents
    /// are left as they were.
    func prepare(scores count: Int, weights weightCount: Int) {
        if scores.count < count {
            scores.deallocate()
            scores = .allocate(capacity: count)
            scores.initialize(repeating: 0)
        }
        if weights.count < weightCount {
            weights.deallocate()
            weights = .allocate(capacity: weightCount)
            weights.initialize(repeating: 0)
        }
    }

    /// The column ranges of the gradient workers over `columns`, computed once.
    func columnRanges(_ columns: BlockedColumns) -> [Range<Int>] {
        if let ranges { return ranges }
        let computed = columns.balancedColumnRanges(Self.columnParts)
        ranges = computed
        return computed
    }

    deinit {
        scores.deallocate()
        weights.deallocate()
    }
}
