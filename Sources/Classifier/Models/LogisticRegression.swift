/// Multinomial (softmax) logistic regression over hashed features, with optional one-vs-rest
/// sigmoid heads for multi-label prediction. Fitted by the trainer; here only scored.
public struct LogisticRegression: StanceScorer, Equatable {
    /// Softmax weights and biases.
    public let linear: LinearScorer
    /// One independent logistic (sigmoid) head per class, trained on every label of each example.
    public let oneVsRest: LinearScorer

    /// A model with the given tables.
    ///
    /// - Precondition: both tables have the same shape.
    public init(linear: LinearScorer, oneVsRest: LinearScorer) {
        precondition(linear.classCount == oneVsRest.classCount && linear.bucketCount == oneVsRest.bucketCount,
                     "LogisticRegression: softmax and one-vs-rest tables differ in shape")
        self.linear = linear
        self.oneVsRest = oneVsRest
    }

    public func logScores(for features: FeatureVector) -> [Double] { linear.logScores(for: features) }
}
