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

    /// A model over `bucketCount` buckets derived from `counts`.
    ///
    /// - Precondition: `alpha > 0`, every class has examples, counts fit `bucketCount`.
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
        let rows = Self.table(counts, alpha: alpha) { n, rowTotal, c, t in
            switch variant {
            case .multinomial:
                _log(n + alpha) - _log(t.totals[c] + alpha * t.vocabulary)
            case .complement:
                _log(t.grandTotal - t.totals[c] + alpha * t.vocabulary) - _log(rowTotal - n + alpha)
            }
        }
        let bias = (0..<classes).map { c in
            learnsPriors && variant == .multinomial ? _log(counts.documents[c] / documents) : 0
        }
        self.linear = LinearScorer(classCount: classes, bucketCount: bucketCount, rows: counts.buckets, values: rows, bias: bias)
    }

    /// Totals every per-feature weight depends on.
    private struct Totals {
        var totals: [Double], grandTotal: Double, vocabulary: Double
    }

    /// One weight per count: `weight(N_cf, Σ_c N_cf, c, totals)` for every row and class.
    private static func table(_ counts: Counts, alpha: Double,
                              _ weight: (_ n: Double, _ rowTotal: Double, _ c: Int, _ totals: Totals) -> Double) -> [Float] {
        let classes = counts.classCount
        let classTotals = counts.classTotals
        let totals = Totals(totals: classTotals, grandTotal: classTotals.reduce(0, +), vocabulary: Double(counts.buckets.count))
        var rows = [Float](repeating: 0, count: counts.values.count)
        for r in counts.buckets.indices {
            let rowTotal = counts.values[(r * classes)..<(r * classes + classes)].reduce(0, +)
            for c in 0..<classes { rows[r * classes + c] = Float(weight(counts.values[r * classes + c], rowTotal, c, totals)) }
        }
        return rows
    }

    public func logScores(for features: FeatureVector) -> [Double] { linear.logScores(for: features) }

    /// One-vs-rest scores for multi-label prediction: for each class, the log odds of a binary
    /// multinomial model "this class" against "every other class", from the same counts.
    public var oneVsRest: LinearScorer {
        let classes = counts.classCount
        let documents = counts.documents.reduce(0, +)
        let rows = Self.table(counts, alpha: alpha) { [alpha] n, rowTotal, c, t in
            let own = _log(n + alpha) - _log(t.totals[c] + alpha * t.vocabulary)
            let rest = _log(rowTotal - n + alpha) - _log(t.grandTotal - t.totals[c] + alpha * t.vocabulary)
            return own - rest
        }
        let bias = (0..<classes).map { c in
            _log(counts.documents[c]) - _log(max(documents - counts.documents[c], 0.5))
        }
        return LinearScorer(classCount: classes, bucketCount: linear.bucketCount, rows: counts.buckets, values: rows, bias: bias)
    }
}
