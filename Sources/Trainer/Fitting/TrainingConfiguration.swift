import Classifier

/// Everything that decides a model besides its data. With the same data and configuration,
/// training produces the same bytes.
public struct TrainingConfiguration: Sendable, Equatable {
    /// Which learning algorithm.
    public enum Algorithm: String, Sendable, CaseIterable {
        /// Multinomial naive Bayes.
        case nb
        /// Complement naive Bayes.
        case cnb
        /// Multinomial logistic regression (softmax) with one-vs-rest heads.
        case logreg
    }

    /// How logistic regression turns feature occurrences into values.
    public enum FeatureWeighting: String, Sendable, CaseIterable {
        /// Occurrence counts.
        case counts
        /// Each block (words, character n-grams) L2-normalised: `1/√n` an occurrence.
        case normalized
        /// Each block an L2-normalised tf-idf vector, idf learned from the training data.
        case tfidf
    }

    /// How classes are weighted in the logistic loss.
    public enum ClassWeighting: String, Sendable, CaseIterable {
        /// Every example counts once.
        case none
        /// Each class weighs `N / (C · N_c)`, so rare classes count as much as common ones.
        case balanced
    }

    public var algorithm: Algorithm = .logreg
    public var normalizer: NormalizerSettings = .arabicNews
    public var features: FeatureSettings = .builtIn
    /// The labels, in model order. Every one needs at least one example.
    public var labels: [String] = ["denial", "accusation", "call_for_restraint", "none"]
    /// Seeds the held-out split.
    public var seed: UInt64 = 1
    /// Share of the examples held out for calibration, early stopping and the held-out metrics.
    public var heldOutFraction: Double = 0.15
    /// A feature is kept only if it occurs in at least this many training examples; rarer ones
    /// carry more noise than signal and would bloat the model file.
    public var minimumCount: Int = 2
    /// Naive Bayes smoothing α.
    public var alpha: Double = 0.1
    /// Naive Bayes: learn the class priors (otherwise uniform).
    public var learnsPriors: Bool = true
    /// Logistic regression L2 strength λ on the mean loss. Weak (close to scikit-learn's C = 10 on
    /// 12,000 examples), because early stopping on the held-out share already regularises: 1e-4
    /// loses about 0.02 macro-F1 on held-out data and 0.03 on real news over four seeds.
    public var l2: Double = 1e-6
    /// Logistic regression: most L-BFGS iterations (weak L2 needs 100–200 to reach its best
    /// held-out loss on `Data/`).
    public var maximumIterations: Int = 300
    /// Logistic regression: stop when held-out loss has not improved for this many iterations.
    public var patience: Int = 20
    /// Logistic regression: how occurrences become feature values (see ``LinearScorer``).
    public var weighting: FeatureWeighting = .tfidf
    /// Logistic regression class weighting.
    public var classWeighting: ClassWeighting = .none
    /// Features named per label in the model's list of strongest features.
    public var topFeatureCount: Int = 25

    /// The defaults.
    public init() {}
}
