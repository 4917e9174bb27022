import Foundation
import Testing
@testable import Classifier

@Suite struct SoftmaxTests {
    static let huge = Double.greatestFiniteMagnitude

    @Test("huge, tiny and infinite scores give finite probabilities that sum to 1", arguments: [
        [huge, -huge], [huge, huge], [-huge, -huge], [1e308, 1e308, -1e308], [1000, 0], [-1000, -1001],
        [-.infinity, 0], [-.infinity, -.infinity], [0, -.infinity, 3], [.infinity, 0], [.infinity, .infinity, 1],
        [.infinity, -.infinity], [.nan, 0], [0, .nan],
    ] as [[Double]])
    func finite(scores: [Double]) {
        let p = softmax(scores)
        #expect(p.count == scores.count)
        #expect(p.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }, "\(p)")
        #expect(abs(p.reduce(0, +) - 1) < 1e-12, "\(p)")
    }

    @Test("exact values at the extremes")
    func extremes() {
        #expect(softmax([Self.huge, -Self.huge]) == [1, 0])
        #expect(softmax([Self.huge, Self.huge]) == [0.5, 0.5])
        #expect(softmax([-Double.infinity, 0]) == [0, 1])
        #expect(softmax([-Double.infinity, -.infinity]) == [0.5, 0.5])
        #expect(softmax([0, 0, 0, 0]) == [0.25, 0.25, 0.25, 0.25])
        #expect(softmax([42]) == [1])
        #expect(softmax([]) == [])
    }

    @Test("a score of +∞ takes all the probability, as the prediction does")
    func positiveInfinity() {
        #expect(softmax([.infinity, 0]) == [1, 0])
        #expect(softmax([0, .infinity, 5, .infinity]) == [0, 0.5, 0, 0.5])
        #expect(argmax([0, .infinity, 5]) == 1)
    }

    @Test("adding a constant to every score changes nothing")
    func shiftInvariance() {
        var rng = ModelTesting.Generator(seed: 1)
        for _ in 0..<100 {
            let scores = (0..<Int.random(in: 1...8, using: &rng)).map { _ in Double.random(in: -50...50, using: &rng) }
            let shift = Double.random(in: -1e6...1e6, using: &rng)
            for (a, b) in zip(softmax(scores), softmax(scores.map { $0 + shift })) { #expect(abs(a - b) < 1e-9) }
        }
    }

    @Test("logOdds is log p / (1 − p) of softmax, computed without underflow")
    func logOddsAgrees() {
        var rng = ModelTesting.Generator(seed: 2)
        for _ in 0..<100 {
            let scores = (0..<Int.random(in: 2...8, using: &rng)).map { _ in Double.random(in: -5...5, using: &rng) }
            let target = Int.random(in: 0..<scores.count, using: &rng)
            let p = softmax(scores)[target]
            #expect(abs(logOdds(of: target, in: scores) - ModelTesting.logOdds(scores, target)) < 1e-12)
            #expect(abs(logOdds(of: target, in: scores) - log(p / (1 - p))) < 1e-6)
        }
        // Far beyond the resolution of probabilities, log odds stay exact.
        #expect(logOdds(of: 0, in: [0, -2000]) == 2000)
        #expect(logOdds(of: 1, in: [0, -2000]) == -2000)
        #expect(abs(logOdds(of: 0, in: [0, -1000, -1000]) - (1000 - log(2))) < 1e-9)
    }

    @Test("argmax takes the first of equal maxima")
    func argmaxTies() {
        #expect(argmax([1, 3, 3, 2]) == 1)
        #expect(argmax([-1, -1]) == 0)
    }
}
