/// Multinomial or complement naive Bayes over hashed features.
///
/// The counts are the model: log probabilities are derived from them when the model is made,
/// so that a model can be updated with more data or merged with another by adding counts.
/// Buckets never seen in training score 0 for every class (they carry no evidence), as
/// unknown words do in a vocabulary-based model.
public struct NaiveBayes: StanceScorer, Equatable {
    /// Which naive Bayes.
    public enum Variant: UInt8, Sendable, Equatable, CaseIterable {
        /// `θ_cf = (N_cf + α) / (N_c + α V)`; `score_c = log P(c) + Σ_f x_f log θ_cf`
        /// (Manning, Raghavan & Schütze, *Introduction to Information Retrieval*, §13.2).
        case multinomial = 0
        /// Complement NB: `θ̃_cf = (N_~c,f + α) / (N_~c + α V)` from the counts of every other
        /// class; `score_c = −Σ_f x_f log θ̃_cf` (Rennie et al., "Tackling the Poor Assumptions
        /// of Naive Bayes Text Classifiers", ICML 2003), better on unbalanced classes.
        case complement = 1
    }

    /// Per-class counts of examples and of feature occurrences.
    public struct Counts: Sendable, Equatable {
        /// Number of classes.
        public var classCount: Int
        /// Examples of each class.
        public var documents: [Double]
        /// Buckets seen in training, strictly increasing.
        public var buckets: [UInt32]
        /// `buckets.count * classCount` occurrence counts, row `r` for `buckets[r]`.
        public var values: [Double]

        /// Feature occurrences of each class, `N_c = Σ_f N_cf`.
        public var classTotals: [Double] {
            var totals = [Double](repeating: 0, count: classCount)
            for r in buckets.indices { for c in 0..<classCount { totals[c] += values[r * classCount + c] } }
            return totals
        }

        /// Counts with the given contents.
        public init(classCount: Int, documents: [Double], buckets: [UInt32], values: [Double]) {
            self.classCount = classCount
            self.documents = documents
            self.buckets = buckets
            self.values = values
        }
    }

    /// Which naive Bayes.
    public let variant: Variant
    /// Additive (Lidstone) smoothing α > 0; 1 is Laplace smoothing.
    public let alpha: Double
    /// Learned class priors `log(D_c / D)` when true, uniform priors when false.
    public let learnsPriors: Bool
    /// The counts.
    public let counts: Counts
    /// The derived log probabilities.
    public let linear: LinearScorer
    /// One-vs-rest scores for multi-label prediction: for each class, the log odds of a binary
    /// multinomial model "this class" against "every other class", from the same counts.
    public let oneVsRest: LinearScorer

    /// A model over `bucketCount` buckets derived from `counts`.
    ///
    /// - Precondition: `alpha > 0`, every class has examples, counts fit `bucketCount`.
    /// - Complexity: O(buckets × classes) logarithms, for both tables.
    public init(counts: Counts, variant: Variant, alpha: Double, learnsPriors: Bool, bucketCount: Int) {
        let classes = counts.classCount
        precondition(alpha > 0 && alpha.isFinite, "NaiveBayes: alpha must be positive")
        precondition(counts.documents.count == classes && counts.documents.allSatisfy { $0 > 0 },
                     "NaiveBayes: every class needs examples")
        precondition(counts.values.count == counts.buckets.count * classes, "NaiveBayes: counts table size")
        self.variant = variant
        self.alpha = alpha
        self.learnsPriors = learnsPriors
        self.counts = counts

        let documents = counts.documents.reduce(0, +)
        let totals = counts.classTotals, grandTotal = totals.reduce(0, +), vocabulary = Double(counts.buckets.count)
        // The denominators depend on the class only: one logarithm a class, not one a weight.
        let ownTotal = totals.map { _log($0 + alpha * vocabulary) }
        let restTotal = totals.map { _log(grandTotal - $0 + alpha * vocabulary) }
        let rows = Self.table(counts) { n, rowTotal, c in
            switch variant {
            case .multinomial: _log(n + alpha) - ownTotal[c]
            case .complement: restTotal[c] - _log(rowTotal - n + alpha)
            }
        }
        let bias = (0..<classes).map { c in
            learnsPriors && variant == .multinomial ? _log(counts.documents[c] / documents) : 0
        }
        linear = LinearScorer(classCount: classes, bucketCount: bucketCount, rows: counts.buckets, values: rows, bias: bias)
        let heads = Self.table(counts) { n, rowTotal, c in
            (_log(n + alpha) - ownTotal[c]) - (_log(rowTotal - n + alpha) - restTotal[c])
        }
        let headBias = (0..<classes).map { c in
            _log(counts.documents[c]) - _log(max(documents - counts.documents[c], 0.5))
        }
        oneVsRest = LinearScorer(classCount: classes, bucketCount: bucketCount, rows: counts.buckets, values: heads, bias: headBias)
    }

    /// One weight per count: `weight(N_cf, Σ_c N_cf, c)` for every row and class.
    private static func table(_ counts: Counts, _ weight: (_ n: Double, _ rowTotal: Double, _ c: Int) -> Double) -> [Float] {
        let classes = counts.classCount
        var rows = [Float](repeating: 0, count: counts.values.count)
        for r in counts.buckets.indices {
            let rowTotal = counts.values[(r * classes)..<(r * classes + classes)].reduce(0, +)
            for c in 0..<classes { rows[r * classes + c] = Float(weight(counts.values[r * classes + c], rowTotal, c)) }
        }
        return rows
    }

    public func logScores(for features: FeatureVector) -> [Double] { linear.logScores(for: features) }
}
