import Testing
@testable import Trainer

/// The vector operations of L-BFGS give what their documentation promises: the plain result up
/// to rounding, and exactly the sum in the documented order, however the chunks are scheduled.
@Suite struct VectorKernelsTests {
    /// Lengths: a few elements, one chunk exactly, and several chunks with a ragged end.
    static let lengths = [0, 3, 9, VectorKernels.chunkSize, 7 * VectorKernels.chunkSize + 5]

    static func vector(_ count: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in Double.random(in: -1...1, using: &rng) }
    }

    /// `a · b` in the documented order: per chunk four interleaved sums, added as
    /// (s0 + s1) + (s2 + s3) and then the tail; the chunks' sums added in order.
    static func documentedDot(_ a: [Double], _ b: [Double]) -> Double {
        let size = VectorKernels.chunkSize
        var chunkSums: [Double] = []
        for start in stride(from: 0, to: a.count, by: size) {
            let end = min(a.count, start + size)
            var lanes = [0.0, 0, 0, 0]
            var i = start
            while i + 4 <= end {
                for lane in 0..<4 { lanes[lane] += a[i + lane] * b[i + lane] }
                i += 4
            }
            var total = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
            while i < end { total += a[i] * b[i]; i += 1 }
            chunkSums.append(total)
        }
        if chunkSums.count == 1 { return chunkSums[0] }
        return chunkSums.reduce(0, +)
    }

    static func plainDot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    @Test("dot products are the documented sums exactly, and the plain ones up to rounding", arguments: lengths)
    func dot(count: Int) {
        let a = Self.vector(count, seed: 1), b = Self.vector(count, seed: 2)
        let found = VectorKernels.dot(a, b)
        #expect(found == Self.documentedDot(a, b))
        #expect(abs(found - Self.plainDot(a, b)) <= 1e-12 * Double(max(1, count)))
        // Scheduled again, the same bits.
        #expect(VectorKernels.dot(a, b) == found)
    }

    @Test("the fused updates write the plain vectors and return their documented dot products", arguments: lengths)
    func fused(count: Int) {
        let x = Self.vector(count, seed: 3), z = Self.vector(count, seed: 4), start = Self.vector(count, seed: 5)

        var y = start
        let afterAxpy = VectorKernels.axpyThenDot(0.37, x, &y, dotWith: z)
        let axpy = zip(start, x).map { $0 + 0.37 * $1 }
        #expect(y == axpy)
        #expect(afterAxpy == Self.documentedDot(z, axpy))

        var unused = start
        #expect(VectorKernels.axpyThenDot(0.37, x, &unused, dotWith: nil) == 0)
        #expect(unused == axpy)

        var scaled = start
        let afterScale = VectorKernels.scaleThenDot(-2.5, x, into: &scaled, dotWith: z)
        #expect(scaled == x.map { -2.5 * $0 })
        #expect(afterScale == Self.documentedDot(z, scaled))

        var inPlace = start
        let afterInPlace = VectorKernels.scaleThenDot(0.5, &inPlace, dotWith: z)
        #expect(inPlace == start.map { $0 * 0.5 })
        #expect(afterInPlace == Self.documentedDot(z, inPlace))

        var stepped = start
        VectorKernels.step(x, 0.25, z, into: &stepped)
        #expect(stepped == zip(x, z).map { $0 + 0.25 * $1 })
    }

    @Test("the differences of a step, their products, and the new gradient's largest magnitude", arguments: lengths)
    func differences(count: Int) {
        let xNew = Self.vector(count, seed: 6), x = Self.vector(count, seed: 7)
        let gNew = Self.vector(count, seed: 8), g = Self.vector(count, seed: 9)
        var s = [Double](repeating: .nan, count: count), y = s
        let (sy, yy, magnitude) = VectorKernels.differences(xNew, x, gNew, g, s: &s, y: &y)
        #expect(magnitude == gNew.map(abs).max() ?? 0)
        #expect(s == zip(xNew, x).map { $0 - $1 })
        #expect(y == zip(gNew, g).map { $0 - $1 })
        #expect(sy == Self.documentedDot(s, y))
        #expect(yy == Self.documentedDot(y, y))
    }

    @Test("the largest magnitude")
    func maximumMagnitude() {
        #expect(VectorKernels.maximumMagnitude([]) == 0)
        #expect(VectorKernels.maximumMagnitude([0.5, -3, 2]) == 3)
    }
}
