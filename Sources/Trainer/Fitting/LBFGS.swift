/// Limited-memory BFGS (Nocedal & Wright, *Numerical Optimization*, 2nd ed., Algorithm 7.4 and
/// 7.5) with a backtracking Armijo line search. Chosen over SGD for logistic regression because
/// it reaches the exact optimum of the convex objective (so tests can check it) without a
/// learning-rate schedule to tune, in a few hundred passes over the data.
struct LBFGS {
    /// Correction pairs kept.
    var memory = 7
    /// Most iterations.
    var maximumIterations = 300
    /// Stop when the gradient's max-norm falls below this.
    var gradientTolerance = 1e-6
    /// Stop when the objective improves by less than this, relatively.
    var relativeTolerance = 1e-9

    /// Minimises `objective`, which returns f(x) and writes ∇f(x) into its second argument.
    /// `afterIteration(k, x)` is called after every iteration; returning false stops early.
    ///
    /// The vector arithmetic runs on all cores in fixed chunks (see ``VectorKernels``), so the
    /// iterates do not depend on the machine.
    func minimize(from start: [Double], _ objective: ([Double], inout [Double]) -> Double,
                  afterIteration: (Int, [Double]) -> Bool = { _, _ in true }) -> [Double] {
        let n = start.count
        var x = start
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var gradientMagnitude = VectorKernels.maximumMagnitude(g)
        // Correction pairs, oldest first, with s · y and y · y.
        var s: [[Double]] = [], y: [[Double]] = [], sy: [Double] = [], yy: [Double] = []
        var direction = [Double](repeating: 0, count: n)
        var xNew = x, gNew = g
        // The storage of the pair dropped last, reused for the next one.
        var spare: (s: [Double], y: [Double])? = nil
        for iteration in 1...max(1, maximumIterations) {
            if gradientMagnitude < gradientTolerance { break }
            // Two-loop recursion: direction = −H·g. Each update of the direction is fused with
            // the dot product that the next step needs.
            var slope: Double
            if let lastS = s.last {
                let m = s.count
                var alphas = [Double](repeating: 0, count: m)
                var product = VectorKernels.scaleThenDot(-1, g, into: &direction, dotWith: lastS)
                for j in stride(from: m - 1, through: 0, by: -1) {
                    alphas[j] = product / sy[j]
                    product = VectorKernels.axpyThenDot(-alphas[j], y[j], &direction, dotWith: j > 0 ? s[j - 1] : nil)
                }
                product = VectorKernels.scaleThenDot(sy[m - 1] / yy[m - 1], &direction, dotWith: y[0])
                for j in 0..<m {
                    let beta = product / sy[j]
                    product = VectorKernels.axpyThenDot(alphas[j] - beta, s[j], &direction, dotWith: j < m - 1 ? y[j + 1] : g)
                }
                slope = product
            } else {
                let norm = VectorKernels.dot(g, g).squareRoot()
                slope = VectorKernels.scaleThenDot(norm > 0 ? -1 / norm : -1, g, into: &direction, dotWith: g)
            }
            if slope >= 0 {  // not a descent direction: restart from steepest descent
                s.removeAll(); y.removeAll(); sy.removeAll(); yy.removeAll()
                slope = VectorKernels.scaleThenDot(-1, g, into: &direction, dotWith: g)
            }
            // Backtracking line search with the Armijo condition.
            var step = 1.0
            var fNew = f
            var accepted = false
            for _ in 0..<40 {
                VectorKernels.step(x, step, direction, into: &xNew)
                fNew = objective(xNew, &gNew)
                if fNew.isFinite && fNew <= f + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            var sk = spare?.s ?? [Double](repeating: 0, count: n), yk = spare?.y ?? [Double](repeating: 0, count: n)
            spare = nil
            let (skyk, ykyk, gNewMagnitude) = VectorKernels.differences(xNew, x, gNew, g, s: &sk, y: &yk)
            gradientMagnitude = gNewMagnitude
            if skyk > 1e-12 {
                if s.count == memory {
                    spare = (s.removeFirst(), y.removeFirst())
                    sy.removeFirst(); yy.removeFirst()
                }
                s.append(sk); y.append(yk); sy.append(skyk); yy.append(ykyk)
            } else {
                spare = (sk, yk)
            }
            let improvement = f - fNew
            swap(&x, &xNew); swap(&g, &gNew)
            f = fNew
            if !afterIteration(iteration, x) { break }
            if improvement <= relativeTolerance * max(1, abs(f)) { break }
        }
        return x
    }
}
