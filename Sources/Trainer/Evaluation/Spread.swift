/// The mean and sample standard deviation of a few values.
public struct Spread: Sendable, Equatable {
    public var mean: Double
    /// `sqrt(Σ (x − mean)² / (n − 1))`, the sample standard deviation; 0 for fewer than two values.
    public var standardDeviation: Double

    /// The spread of `values`.
    public init(_ values: [Double]) {
        let n = Double(values.count)
        mean = values.isEmpty ? 0 : values.reduce(0, +) / n
        let m = mean
        standardDeviation = values.count < 2 ? 0 : (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot()
    }

    public init(mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }
}
