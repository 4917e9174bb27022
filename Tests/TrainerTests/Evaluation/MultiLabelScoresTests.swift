import Testing
@testable import Trainer

@Suite struct MultiLabelScoresTests {
    @Test("micro scores count every (example, label) decision")
    func counts() {
        let s = MultiLabelScores(gold: [["a", "b"], ["c"], ["a"]], predicted: [["a"], ["c", "d"], ["a"]])
        #expect(s == MultiLabelScores(truePositives: 3, falsePositives: 1, falseNegatives: 1, exactMatches: 1, count: 3))
        #expect(s.precision == 0.75)
        #expect(s.recall == 0.75)
        #expect(s.microF1 == 0.75)
        #expect(abs(s.exactMatchRate - 1.0 / 3) < 1e-15)
    }

    @Test("no examples score 0, never NaN")
    func empty() {
        let s = MultiLabelScores(gold: [], predicted: [])
        #expect(s.precision == 0 && s.recall == 0 && s.microF1 == 0 && s.exactMatchRate == 0)
    }

    @Test("label order within a set does not matter")
    func order() {
        #expect(MultiLabelScores(gold: [["a", "b"]], predicted: [["b", "a"]]).exactMatches == 1)
    }
}
