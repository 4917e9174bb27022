import Dispatch

/// The vector operations of ``LBFGS``, shared between the cores in fixed chunks.
///
/// With half a million parameters, a serial dot product waits on each addition before the next
/// (about 1 ms), and L-BFGS takes some 35 passes over such vectors an iteration: on 100,000
/// sentences that was a fifth of the time of fitting, on one core while the other idled. Here
/// vectors are cut into chunks of ``chunkSize`` elements, whatever the number of cores; a chunk
/// sums its products in four interleaved sums added at its end, and the chunks' sums are added
/// in chunk order. So a result depends only on the vectors, never on the machine. Operations
/// that update a vector and then take a dot product with it do both in one pass.
enum VectorKernels {
    /// Elements in a chunk: enough to make handing a chunk to a core worth it.
    static let chunkSize = 16_384

    /// `a · b`.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "VectorKernels.dot: lengths \(a.count) and \(b.count)")
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                let shared = Operands(a, b)
                return sum(count: a.count) { range in Self.dot(shared.a, shared.b, range) }
            }
        }
    }

    /// `y += alpha · x`, then `z · y` (0 without `z`).
    static func axpyThenDot(_ alpha: Double, _ x: [Double], _ y: inout [Double], dotWith z: [Double]?) -> Double {
        precondition(x.count == y.count && (z?.count ?? y.count) == y.count, "VectorKernels.axpyThenDot: lengths differ")
        return x.withUnsafeBufferPointer { x in
            (z ?? []).withUnsafeBufferPointer { z in
                y.withUnsafeMutableBufferPointer { y in
                    let shared = Operands(x, z, y)
                    return sum(count: y.count) { range in
                        for i in range { shared.out[i] += alpha * shared.a[i] }
                        return shared.b.isEmpty ? 0 : Self.dot(shared.b, UnsafeBufferPointer(shared.out), range)
                    }
                }
            }
        }
    }

    /// `y = alpha · x`, then `z · y`.
    static func scaleThenDot(_ alpha: Double, _ x: [Double], into y: inout [Double], dotWith z: [Double]) -> Double {
        precondition(x.count == y.count && z.count == y.count, "VectorKernels.scaleThenDot: lengths differ")
        return x.withUnsafeBufferPointer { x in
            z.withUnsafeBufferPointer { z in
                y.withUnsafeMutableBufferPointer { y in
                    let shared = Operands(x, z, y)
                    return sum(count: y.count) { range in
                        for i in range { shared.out[i] = alpha * shared.a[i] }
                        return Self.dot(shared.b, UnsafeBufferPointer(shared.out), range)
                    }
                }
            }
        }
    }

    /// `y *= alpha`, then `z · y`.
    static func scaleThenDot(_ alpha: Double, _ y: inout [Double], dotWith z: [Double]) -> Double {
        precondition(z.count == y.count, "VectorKernels.scaleThenDot: lengths differ")
        return z.withUnsafeBufferPointer { z in
            y.withUnsafeMutableBufferPointer { y in
                let shared = Operands(z, z, y)
                return sum(count: y.count) { range in
                    for i in range { shared.out[i] *= alpha }
                    return Self.dot(shared.b, UnsafeBufferPointer(shared.out), range)
                }
            }
        }
    }

    /// `out = x + step · d`.
    static func step(_ x: [Double], _ step: Double, _ d: [Double], into out: inout [Double]) {
        precondition(x.count == d.count && out.count == x.count, "VectorKernels.step: lengths differ")
        x.withUnsafeBufferPointer { x in
            d.withUnsafeBufferPointer { d in
                out.withUnsafeMutableBufferPointer { out in
                    let shared = Operands(x, d, out)
                    _ = sum(count: out.count) { range in
                        for i in range { shared.out[i] = shared.a[i] + step * shared.b[i] }
                        return 0
                    }
                }
            }
        }
    }

    /// `s = xNew − x` and `y = gNew − g`, then `s · y`, `y · y`, and the largest magnitude in
    /// `gNew` (the next iteration's stopping test).
    static func differences(_ xNew: [Double], _ x: [Double], _ gNew: [Double], _ g: [Double],
                            s: inout [Double], y: inout [Double]) -> (sy: Double, yy: Double, gNewMagnitude: Double) {
        let n = x.count
        precondition(xNew.count == n && gNew.count == n && g.count == n && s.count == n && y.count == n,
                     "VectorKernels.differences: lengths differ")
        let sums = xNew.withUnsafeBufferPointer { xNew in
            x.withUnsafeBufferPointer { x in
                gNew.withUnsafeBufferPointer { gNew in
                    g.withUnsafeBufferPointer { g in
                        s.withUnsafeMutableBufferPointer { s in
                            y.withUnsafeMutableBufferPointer { y in
                                let step = Operands(xNew, x, s), change = Operands(gNew, g, y)
                                return sumsAndMaximum(count: n) { range in
                                    var top = 0.0
                                    for i in range {
                                        step.out[i] = step.a[i] - step.b[i]
                                        change.out[i] = change.a[i] - change.b[i]
                                        top = max(top, abs(change.a[i]))
                                    }
                                    let s = UnsafeBufferPointer(step.out), y = UnsafeBufferPointer(change.out)
                                    return SIMD4(Self.dot(s, y, range), Self.dot(y, y, range), 0, top)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (sums[0], sums[1], sums[3])
    }

    /// The largest absolute value in `v`, 0 when empty.
    static func maximumMagnitude(_ v: [Double]) -> Double {
        v.withUnsafeBufferPointer { v in
            var top = 0.0
            for value in v { top = max(top, abs(value)) }
            return top
        }
    }

    /// Σ over the chunks of `0..<count`, in chunk order, of `chunk(range)`; the chunks run in
    /// parallel.
    private static func sum(count: Int, _ chunk: @Sendable (Range<Int>) -> Double) -> Double {
        sumsAndMaximum(count: count) { SIMD4(chunk($0), 0, 0, 0) }[0]
    }

    /// ``sum(count:_:)`` of three numbers at once, and the largest of a fourth.
    private static func sumsAndMaximum(count: Int, _ chunk: @Sendable (Range<Int>) -> SIMD4<Double>) -> SIMD4<Double> {
        let chunks = (count + chunkSize - 1) / chunkSize
        guard chunks > 1 else { return chunk(0..<count) }
        var partial = [SIMD4<Double>](repeating: SIMD4(), count: chunks)
        partial.withUnsafeMutableBufferPointer { partial in
            let slots = Slots(partial)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                slots.values[c] = chunk((c * chunkSize)..<min(count, (c + 1) * chunkSize))
            }
        }
        var total = SIMD4<Double>()
        for value in partial {
            total += SIMD4(value[0], value[1], value[2], 0)
            total[3] = max(total[3], value[3])
        }
        return total
    }

    /// `Σ a[i] · b[i]` over `range`, in four interleaved sums added at the end.
    @inline(__always)
    private static func dot(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, _ range: Range<Int>) -> Double {
        var sums = SIMD4<Double>()
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            let x = SIMD4<Double>(a[i], a[i + 1], a[i + 2], a[i + 3])
            let y = SIMD4<Double>(b[i], b[i + 1], b[i + 2], b[i + 3])
            sums += x * y
            i += 4
        }
        var total = (sums[0] + sums[1]) + (sums[2] + sums[3])
        while i < range.upperBound {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }
}

/// The vectors of one operation, shared with the chunk workers; each writes only its own
/// chunk of `out`.
private struct Operands: @unchecked Sendable {
    let a: UnsafeBufferPointer<Double>
    let b: UnsafeBufferPointer<Double>
    let out: UnsafeMutableBufferPointer<Double>

    init(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
         _ out: UnsafeMutableBufferPointer<Double> = UnsafeMutableBufferPointer(start: nil, count: 0)) {
        self.a = a
        self.b = b
        self.out = out
    }
}

/// The chunks' results, each written by its own worker.
private struct Slots: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<SIMD4<Double>>
    init(_ values: UnsafeMutableBufferPointer<SIMD4<Double>>) { self.values = values }
}
