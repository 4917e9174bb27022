/// What a model says about one sentence.
public struct Prediction: Sendable, Equatable {
    /// The chosen labels: exactly one in single-label mode, one or more in multi-label mode.
    public var labels: [String]
    /// Probability of every model label, in the model's label order: calibrated softmax
    /// probabilities (summing to 1) in single-label mode, independent one-vs-rest
    /// probabilities in multi-label mode.
    public var probabilities: [Double]

    /// The main (first) chosen label.
    public var label: String { labels[0] }
}

extension StanceModel {
    /// The most probable label of `text` with every label's calibrated probability.
    public func classify(_ text: String) -> Prediction {
        prediction(fromLogScores: scorer.logScores(for: extractor.features(of: text)))
    }

    /// The fast path for streams: classifies the UTF-8 bytes `text`, reusing `workspace`.
    public func classify(_ text: UnsafeBufferPointer<UInt8>, workspace: inout FeatureExtractor.Workspace) -> Prediction {
        var probabilities = [Double](repeating: 0, count: labels.count)
        let best = probabilities.withUnsafeMutableBufferPointer { classify(text, workspace: &workspace, probabilities: $0) }
        return Prediction(labels: [labels[best]], probabilities: probabilities)
    }

    /// The allocation-free fast path: writes the calibrated probability of every label into
    /// `probabilities` and returns the index of the most probable label.
    ///
    /// - Precondition: `probabilities.count == labels.count`.
    public func classify(_ text: UnsafeBufferPointer<UInt8>, workspace: inout FeatureExtractor.Workspace,
                         probabilities: UnsafeMutableBufferPointer<Double>) -> Int {
        precondition(probabilities.count == labels.count, "StanceModel.classify: one probability per label")
        extractor.score(text, with: scorer.base, into: probabilities, workspace: &workspace)
        // Softmax of the scores over the temperature, in place.
        let t = scorer.temperature
        var best = 0, top = -Double.infinity
        for c in 0..<probabilities.count {
            probabilities[c] /= t
            if probabilities[c] > top { top = probabilities[c]; best = c }
        }
        guard top.isFinite else {
            for c in 0..<probabilities.count { probabilities[c] = 1 / Double(probabilities.count) }
            return best
        }
        var sum = 0.0
        for c in 0..<probabilities.count { probabilities[c] = _exp(probabilities[c] - top); sum += probabilities[c] }
        for c in 0..<probabilities.count { probabilities[c] /= sum }
        return best
    }

    private func prediction(fromLogScores scores: [Double]) -> Prediction {
        let p = softmax(scores)
        return Prediction(labels: [labels[argmax(scores)]], probabilities: p)
    }

    /// Every label whose one-vs-rest probability reaches `threshold` (by default the model's
    /// calibrated threshold), most probable first; the most probable label alone when none does.
    public func classifyMultiLabel(_ text: String, threshold: Double? = nil) -> Prediction {
        multiLabelPrediction(extractor.features(of: text), threshold: threshold ?? calibration.threshold)
    }

    /// The fast path of ``classifyMultiLabel(_:threshold:)``.
    public func classifyMultiLabel(_ text: UnsafeBufferPointer<UInt8>, threshold: Double? = nil,
                                   workspace: inout FeatureExtractor.Workspace) -> Prediction {
        extractor.extract(text, into: &workspace)
        return multiLabelPrediction(workspace.vector, threshold: threshold ?? calibration.threshold)
    }

    /// Independent one-vs-rest probabilities of every label.
    public func oneVsRestProbabilities(for features: FeatureVector) -> [Double] {
        let t = calibration.oneVsRestTemperature
        return oneVsRest.logScores(for: features).map { 1 / (1 + _exp(-$0 / t)) }
    }

    private func multiLabelPrediction(_ features: FeatureVector, threshold: Double) -> Prediction {
        let p = oneVsRestProbabilities(for: features)
        let order = p.indices.sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }
        var chosen = order.filter { p[$0] >= threshold }
        // `none` never combines with a stance: drop it when a stance also passes.
        if chosen.count > 1, let none = labels.firstIndex(of: "none") { chosen.removeAll { $0 == none } }
        if chosen.isEmpty { chosen = [order[0]] }
        return Prediction(labels: chosen.map { labels[$0] }, probabilities: p)
    }
}
