import Foundation
import Testing
@testable import Trainer

/// Temperature fitting recovers the temperature that generated the labels.
@Suite struct TemperatureFittingTests {
    /// For each score row, `copies` labels split as closely as possible in the proportions
    /// `softmax(row / temperature)`, so that the data's own optimum is (nearly) that temperature.
    static func softmaxData(temperature: Double, copies: Int) -> (scores: [Double], targets: [Int]) {
        let rows: [[Double]] = [[2, 0, -1], [0, 3, 1], [-2, -1, 4], [1, 1, 0], [5, 0, 0], [0, -3, 2]]
        var scores: [Double] = [], targets: [Int] = []
        for row in rows {
            let e = row.map { exp($0 / temperature) }, sum = e.reduce(0, +)
            var given = 0
            for (c, weight) in e.enumerated() {
                let count = c == row.count - 1 ? copies - given : Int((Double(copies) * weight / sum).rounded())
                given += count
                for _ in 0..<count { scores += row; targets.append(c) }
            }
        }
        return (scores, targets)
    }

    @Test("softmax: labels drawn in the proportions of softmax(z / T) give back T", arguments: [0.5, 1, 2.5, 7])
    func softmax(temperature: Double) {
        let (scores, targets) = Self.softmaxData(temperature: temperature, copies: 400)
        let fitted = TemperatureFitting.softmax(scores: scores, targets: targets, classes: 3)
        #expect(abs(fitted / temperature - 1) < 0.02, "fitted \(fitted), true \(temperature)")
    }

    @Test("sigmoid: 0/1 targets in the proportions of σ(z / T) give back T", arguments: [0.3, 1, 3])
    func sigmoid(temperature: Double) {
        var scores: [Double] = [], targets: [Double] = []
        for z in [-6.0, -3, -1, 0.5, 2, 4, 8] {
            let ones = Int((400 / (1 + exp(-z / temperature))).rounded())
            for k in 0..<400 { scores.append(z); targets.append(k < ones ? 1 : 0) }
        }
        let fitted = TemperatureFitting.sigmoid(scores: scores, targets: targets)
        #expect(abs(fitted / temperature - 1) < 0.02, "fitted \(fitted), true \(temperature)")
    }

    @Test("the fitted temperatures minimise the loss: nearby temperatures do worse")
    func isMinimum() {
        let (scores, targets) = Self.softmaxData(temperature: 1.7, copies: 50)
        func loss(_ t: Double) -> Double {
            var total = 0.0
            for (i, y) in targets.enumerated() {
                let row = scores[(i * 3)..<(i * 3 + 3)].map { $0 / t }
                total += log(row.map(exp).reduce(0, +)) - row[y]
            }
            return total / Double(targets.count)
        }
        let t = TemperatureFitting.softmax(scores: scores, targets: targets, classes: 3)
        #expect(loss(t) <= loss(t * 1.001))
        #expect(loss(t) <= loss(t / 1.001))
        // The same for the sigmoid, on labels that do not follow any one temperature.
        let z: [Double] = [-4, -2, -1, -0.5, 0.3, 1, 2.5, 5], y: [Double] = [0, 1, 0, 0, 1, 0, 1, 1]
        func binaryLoss(_ t: Double) -> Double {
            zip(z, y).map { z, y in log(1 + exp(z / t)) - y * z / t }.reduce(0, +) / Double(z.count)
        }
        let u = TemperatureFitting.sigmoid(scores: z, targets: y)
        #expect(u > 0.02 && u < 500, "\(u)")
        #expect(binaryLoss(u) <= binaryLoss(u * 1.001))
        #expect(binaryLoss(u) <= binaryLoss(u / 1.001))
    }

    @Test("no held-out rows: temperature 1; separated scores: a cold temperature; contradicting ones: the hottest")
    func edges() {
        #expect(TemperatureFitting.softmax(scores: [], targets: [], classes: 3) == 1)
        #expect(TemperatureFitting.sigmoid(scores: [], targets: []) == 1)
        // (Below T ≈ 0.2 the loss is 0 to double precision, so any such T is a minimum.)
        let cold = TemperatureFitting.softmax(scores: [5, 0, 0, 5], targets: [0, 1], classes: 2)
        #expect(cold >= 0.02 && cold < 0.25, "\(cold)")
        // Labels that contradict the scores push the temperature to the hottest end.
        let hot = TemperatureFitting.sigmoid(scores: [3, 3, -3, -3], targets: [1, 0, 1, 0])
        #expect(abs(hot - 500) / 500 < 1e-6)
    }
}
