import Testing
@testable import Trainer

@Suite("Class balance")
struct ClassBalanceTests {
    func example(_ labels: String) -> Example {
        Example(text: "نص", labels: labels.split(separator: ",").map(String.init), source: SourceLocation(file: "a.tsv", line: 1))
    }

    @Test func countsExamplesPerLabelMostFrequentFirst() {
        let balance = ClassBalance(["denial", "none", "denial,accusation", "accusation", "denial", "none"].map(example))
        #expect(balance.rows == [
            ClassBalance.Row(label: "denial", count: 3, share: 0.5),
            ClassBalance.Row(label: "accusation", count: 2, share: 2.0 / 6),
            ClassBalance.Row(label: "none", count: 2, share: 2.0 / 6),
        ])
        #expect(balance.exampleCount == 6)
        #expect(balance.multiLabelCount == 1)
        #expect(balance.counts == ["denial": 3, "accusation": 2, "none": 2])
        #expect(balance.count(of: "call_for_restraint") == 0)
    }

    @Test func isEmptyForNoExamples() {
        let balance = ClassBalance([])
        #expect(balance.rows.isEmpty)
        #expect(balance.text == "label  count   share\n0 examples")
    }

    @Test func isReportedByTheLinter() {
        let dataset = Dataset(examples: ["denial", "none", "none"].map(example))
        #expect(Linter().lint(dataset).classBalance == ClassBalance(dataset.examples))
    }
}
