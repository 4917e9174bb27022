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
    func minimize(from start: [Double], _ objective: ([Double], inout [Double]) -> Double,
                  afterIteration: (Int, [Double]) -> Bool = { _, _ in true }) -> [Double] {
        let n = start.count
        var x = start
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var s: [[Double]] = [], y: [[Double]] = [], rho: [Double] = []
        var direction = [Double](repeating: 0, count: n)
        var xNew = x, gNew = g
        for iteration in 1...max(1, maximumIterations) {
            if g.reduce(0, { max($0, abs($1)) }) < gradientTolerance { break }
            // Two-loop recursion: direction = −H·g.
            for i in 0..<n { direction[i] = -g[i] }
            var alphas = [Double](repeating: 0, count: s.count)
            for j in stride(from: s.count - 1, through: 0, by: -1) {
                alphas[j] = rho[j] * dot(s[j], direction)
                axpy(-alphas[j], y[j], &direction)
            }
            if let lastS = s.last, let lastY = y.last {
                let gamma = dot(lastS, lastY) / dot(lastY, lastY)
                for i in 0..<n { direction[i] *= gamma }
            } else {
                let norm = dot(g, g).squareRoot()
                if norm > 0 { for i in 0..<n { direction[i] /= norm } }
            }
            for j in 0..<s.count {
                let beta = rho[j] * dot(y[j], direction)
                axpy(alphas[j] - beta, s[j], &direction)
            }
            var slope = dot(g, direction)
            if slope >= 0 {  // not a descent direction: restart from steepest descent
                s.removeAll(); y.removeAll(); rho.removeAll()
                for i in 0..<n { direction[i] = -g[i] }
                slope = dot(g, direction)
            }
            // Backtracking line search with the Armijo condition.
            var step = 1.0
            var fNew = f
            var accepted = false
            for _ in 0..<40 {
                for i in 0..<n { xNew[i] = x[i] + step * direction[i] }
                fNew = objective(xNew, &gNew)
                if fNew.isFinite && fNew <= f + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            var sk = [Double](repeating: 0, count: n), yk = [Double](repeating: 0, count: n)
            for i in 0..<n { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i] }
            let sy = dot(sk, yk)
            if sy > 1e-12 {
                if s.count == memory { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
                s.append(sk); y.append(yk); rho.append(1 / sy)
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

@inline(__always)
func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in for i in 0..<a.count { sum += a[i] * b[i] } } }
    return sum
}

@inline(__always)
func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    x.withUnsafeBufferPointer { x in y.withUnsafeMutableBufferPointer { y in for i in 0..<x.count { y[i] += alpha * x[i] } } }
}
