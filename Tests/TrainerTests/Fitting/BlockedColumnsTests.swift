import Classifier
import Testing
@testable import Trainer

/// The column-major blocks logistic regression is fitted from hold exactly the matrix's
/// non-zeros, however many blocks there are.
@Suite struct BlockedColumnsTests {
    static let features: ExtractedFeatures = {
        let extractor = FeatureExtractor(features: FeatureSettings(charNgramMin: 2, charNgramMax: 3, hashBits: 10))
        return ExtractedFeatures(texts: FittingFixture.sentences.map(\.0), extractor: extractor)
    }()
    static let rows = Array(stride(from: 0, to: FittingFixture.sentences.count, by: 1).filter { $0 % 5 != 3 })

    /// Every non-zero as (row, column, value), in row-then-column order.
    static func entries(_ matrix: FeatureMatrix) -> [Entry] {
        (0..<matrix.rowCount).flatMap { i in
            (matrix.rowStart[i]..<matrix.rowStart[i + 1]).map { Entry(row: i, column: Int(matrix.column[$0]), value: matrix.value[$0]) }
        }.sorted()
    }

    static func entries(_ columns: BlockedColumns) -> [Entry] {
        columns.blocks.flatMap { block in
            block.columns.indices.flatMap { j in
                (block.start[j]..<block.start[j + 1]).map {
                    Entry(row: Int(block.row[$0]), column: Int(block.columns[j]), value: block.value[$0])
                }
            }
        }.sorted()
    }

    struct Entry: Comparable {
        var row: Int, column: Int, value: Float
        static func < (a: Entry, b: Entry) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    @Test("the blocks hold every non-zero once, each block its own rows, ascending within a column, no column empty",
          arguments: [1, 2, 3, 4, 7, 40])
    func sameNonZeros(blockCount: Int) {
        let matrix = FeatureMatrix(Self.features, rows: Self.rows, scales: Self.features.inverseDocumentFrequency(rows: Self.rows))
        let columns = BlockedColumns(matrix, blockCount: blockCount)
        #expect(columns.blocks.count == blockCount)
        #expect(columns.rowCount == matrix.rowCount && columns.columnCount == matrix.columnCount)
        #expect(Self.entries(columns) == Self.entries(matrix))
        #expect(columns.blocks.first?.rows.lowerBound == 0 && columns.blocks.last?.rows.upperBound == matrix.rowCount)
        for (block, next) in zip(columns.blocks, columns.blocks.dropFirst()) { #expect(block.rows.upperBound == next.rows.lowerBound) }
        for block in columns.blocks {
            #expect(block.start.count == block.columns.count + 1 && block.start.last == block.row.count)
            #expect(block.columns == block.columns.sorted() && Set(block.columns).count == block.columns.count)
            for j in block.columns.indices {
                let rows = block.row[block.start[j]..<block.start[j + 1]].map(Int.init)
                #expect(!rows.isEmpty && rows == rows.sorted() && Set(rows).count == rows.count && rows.allSatisfy(block.rows.contains))
            }
        }
    }

    @Test("built in parallel from the features, the blocks equal those of the whole matrix", arguments: [1, 3, 4])
    func parallelBuild(blockCount: Int) {
        let scales = Self.features.inverseDocumentFrequency(rows: Self.rows)
        let direct = BlockedColumns(Self.features, rows: Self.rows, scales: scales, blockCount: blockCount)
        let viaMatrix = BlockedColumns(FeatureMatrix(Self.features, rows: Self.rows, scales: scales), blockCount: blockCount)
        #expect(direct.blocks.map(\.rows) == viaMatrix.blocks.map(\.rows))
        #expect(direct.blocks.map(\.columns) == viaMatrix.blocks.map(\.columns))
        #expect(direct.blocks.map(\.start) == viaMatrix.blocks.map(\.start))
        #expect(direct.blocks.map(\.row) == viaMatrix.blocks.map(\.row))
        #expect(direct.blocks.map(\.value) == viaMatrix.blocks.map(\.value))
    }

    @Test("a block finds the positions of the columns in a range", arguments: [0..<0, 0..<5, 3..<40, 100..<10_000])
    func positions(range: Range<Int>) {
        for block in BlockedColumns(FeatureMatrix(Self.features, rows: Self.rows), blockCount: 3).blocks {
            let expected = block.columns.indices.filter { range.contains(Int(block.columns[$0])) }
            #expect(Array(block.positions(of: range)) == expected)
        }
    }

    @Test("the column ranges of the gradient workers cover every column once, in order", arguments: [1, 2, 16, 500])
    func columnRanges(parts: Int) {
        let columns = BlockedColumns(FeatureMatrix(Self.features, rows: Self.rows), blockCount: 3)
        let ranges = columns.balancedColumnRanges(parts)
        #expect(ranges.count == parts)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == columns.columnCount)
        for (range, next) in zip(ranges, ranges.dropFirst()) { #expect(range.upperBound == next.lowerBound) }
    }
}
